import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssignmentProblem, bruteForceAssignment, solveAssignment } from '../../../src/core/matching/assignment';

/** A problem from rows of [score, or null when forbidden], one entry per column. */
function problem(capacities: number[], rows: (number | null)[][]): AssignmentProblem {
  const columns = capacities.length;
  return {
    rows: rows.length,
    columns,
    capacities,
    scores: rows.flatMap((row) => row.map((score) => score ?? 0)),
    allowed: rows.flatMap((row) => row.map((score) => (score === null ? 0 : 1))),
  };
}

const columnsOf = (problem: AssignmentProblem) => [...solveAssignment(problem).columnOf];

describe('solving an assignment', () => {
  it('leaves a row with no allowed column unmatched (-1)', () => {
    const solved = solveAssignment(
      problem(
        [1, 1],
        [
          [null, null],
          [5, 3],
        ],
      ),
    );
    expect([...solved.columnOf]).toEqual([-1, 0]);
    expect(solved).toMatchObject({ matched: 1, total: 5 });
  });

  it('never gives a column more rows than its capacity, and fills it before leaving anyone out', () => {
    // Everyone prefers column 0 (capacity 2); the third row falls back on column 1.
    const solved = solveAssignment(
      problem(
        [2, 1],
        [
          [9, 1],
          [9, 1],
          [9, 1],
        ],
      ),
    );
    expect([...solved.columnOf]).toEqual([0, 0, 1]);
    expect(solved).toMatchObject({ matched: 3, total: 19 });
    expect(columnsOf(problem([2], [[4], [4], [4]]))).toEqual([0, 0, -1]);
  });

  it('prefers one more match to a higher score', () => {
    // Row 0 alone would take column 0 for 20; giving it column 1 (0 points) lets row 1 match too.
    const solved = solveAssignment(
      problem(
        [1, 1],
        [
          [20, 0],
          [10, null],
        ],
      ),
    );
    expect([...solved.columnOf]).toEqual([1, 0]);
    expect(solved).toMatchObject({ matched: 2, total: 10 });
  });

  it('breaks ties the same way every time: earlier rows first, lowest column first', () => {
    const tied = problem(
      [1, 1, 1],
      [
        [5, 5, 5],
        [5, 5, 5],
      ],
    );
    expect(columnsOf(tied)).toEqual([0, 1]);
    expect(columnsOf(tied)).toEqual([0, 1]);
    expect(columnsOf(problem([1], [[7], [7], [7]]))).toEqual([0, -1, -1]);
  });

  it('ignores the scores of forbidden pairs, whatever they hold', () => {
    const solved = solveAssignment({ rows: 1, columns: 2, capacities: [1, 1], scores: [Number.NaN, 3], allowed: [0, 1] });
    expect([...solved.columnOf]).toEqual([1]);
    expect(solveAssignment({ rows: 1, columns: 1, capacities: [1], scores: [-4], allowed: [0] }).matched).toBe(0);
  });

  it('solves empty problems', () => {
    expect(solveAssignment(problem([], [[], []]))).toMatchObject({ matched: 0, total: 0 });
    expect([...solveAssignment(problem([], [[], []])).columnOf]).toEqual([-1, -1]);
    expect(solveAssignment(problem([3], []))).toMatchObject({ matched: 0, total: 0 });
  });

  it('gives the same answer for typed arrays and plain arrays', () => {
    const plain = problem(
      [2, 1, 3],
      [
        [4, null, 4],
        [0, 9, null],
        [4, 4, 4],
        [null, 9, 1],
      ],
    );
    const typed = {
      ...plain,
      capacities: Int32Array.from(plain.capacities),
      scores: Int32Array.from(plain.scores),
      allowed: Uint8Array.from(plain.allowed),
    };
    expect(solveAssignment(typed)).toEqual(solveAssignment(plain));
  });

  it('keeps totals exact with large scores', () => {
    const big = problem(
      [1, 2],
      [
        [4_000_000_000, 4_000_000_001],
        [4_000_000_001, 4_000_000_000],
        [1, null],
      ],
    );
    const solved = solveAssignment(big);
    expect(solved).toMatchObject({ matched: 3, total: 8_000_000_002 });
    expect(bruteForceAssignment(big)).toEqual({ matched: 3, total: 8_000_000_002 });
  });

  it('names what is wrong with a malformed problem', () => {
    const valid = problem(
      [1, 1],
      [
        [1, 2],
        [3, 4],
      ],
    );
    const cases: [Partial<AssignmentProblem>, RegExp][] = [
      [{ rows: -1 }, /rows must be a non-negative integer/],
      [{ columns: 1.5 }, /columns must be a non-negative integer/],
      [{ capacities: [1] }, /capacities has 1 entries, expected 2/],
      [{ scores: [1, 2, 3] }, /scores has 3 entries, expected 4/],
      [{ allowed: [1, 1, 1, 1, 1] }, /allowed has 5 entries, expected 4/],
      [{ capacities: [1, 0] }, /capacity of column 1 must be an integer ≥ 1, got 0/],
      [{ capacities: [2.5, 1] }, /capacity of column 0 must be an integer ≥ 1, got 2.5/],
      [{ scores: [1, 2, -3, 4] }, /score of row 1, column 0 must be an integer ≥ 0, got -3/],
      [{ scores: [1, 2.5, 3, 4] }, /score of row 0, column 1 must be an integer ≥ 0, got 2.5/],
      [{ scores: Int32Array.from([1, 2, 3, -4]) }, /score of row 1, column 1 must be an integer ≥ 0, got -4/],
      [{ allowed: [1, 2, 1, 1] }, /allowed for row 0, column 1 must be 0 or 1, got 2/],
      [{ allowed: Uint8Array.from([1, 1, 7, 1]) }, /allowed for row 1, column 0 must be 0 or 1, got 7/],
      [{ scores: [2 ** 50, 0, 0, 0] }, /too large to be added exactly/],
    ];
    for (const [change, message] of cases) {
      expect(() => solveAssignment({ ...valid, ...change }), String(message)).toThrow(RangeError);
      expect(() => solveAssignment({ ...valid, ...change }), String(message)).toThrow(message);
      expect(() => bruteForceAssignment({ ...valid, ...change }), String(message)).toThrow(message);
    }
  });
});

/** Small problems with many ties (scores from few values) and about a third of pairs forbidden. */
function problems(limits: { rows: number; columns: number; score: fc.Arbitrary<number> }): fc.Arbitrary<AssignmentProblem> {
  return fc.tuple(fc.integer({ min: 0, max: limits.rows }), fc.integer({ min: 0, max: limits.columns })).chain(([rows, columns]) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      capacities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: columns, maxLength: columns }),
      scores: fc.array(limits.score, { minLength: rows * columns, maxLength: rows * columns }),
      allowed: fc.array(
        fc.integer({ min: 0, max: 2 }).map((draw) => (draw === 0 ? 0 : 1)),
        { minLength: rows * columns, maxLength: rows * columns },
      ),
    }),
  );
}

const tiedScores = fc.oneof(fc.constantFrom(0, 10, 20), fc.integer({ min: 0, max: 20 }));

/** What any valid answer must satisfy, whatever its optimality. */
function expectConsistent(input: AssignmentProblem, columnOf: Int32Array, matched: number, total: number): void {
  const taken = new Array<number>(input.columns).fill(0);
  let count = 0;
  let sum = 0;
  columnOf.forEach((column, row) => {
    if (column === -1) return;
    expect(column).toBeGreaterThanOrEqual(0);
    expect(column).toBeLessThan(input.columns);
    expect(input.allowed[row * input.columns + column]).toBe(1);
    taken[column] = (taken[column] ?? 0) + 1;
    count += 1;
    sum += input.scores[row * input.columns + column] ?? 0;
  });
  taken.forEach((rows, column) => {
    expect(rows).toBeLessThanOrEqual(input.capacities[column] ?? 0);
  });
  expect(columnOf.length).toBe(input.rows);
  expect(matched).toBe(count);
  expect(total).toBe(sum);
}

/**
 * An independent optimum for medium problems: a min-cost flow (source → rows → columns → sink,
 * cost −score) augmented along Bellman–Ford shortest paths until none is left. Each augmentation
 * keeps the flow cheapest for its size, so the last one has the most rows, then the best total.
 */
function flowOptimum(input: AssignmentProblem): { matched: number; total: number } {
  const { rows, columns } = input;
  const source = rows + columns;
  const sink = source + 1;
  const tails: number[] = [];
  const to: number[] = [];
  const room: number[] = [];
  const cost: number[] = [];
  // Edge e and its residual twin e ^ 1.
  const edge = (from: number, target: number, capacity: number, weight: number) => {
    tails.push(from, target);
    to.push(target, from);
    room.push(capacity, 0);
    cost.push(weight, -weight);
  };
  for (let row = 0; row < rows; row++) edge(source, row, 1, 0);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      if (input.allowed[index] === 1) edge(row, rows + column, 1, -(input.scores[index] ?? 0));
    }
  }
  for (let column = 0; column < columns; column++) edge(rows + column, sink, input.capacities[column] ?? 0, 0);
  const tail = (e: number) => tails[e] ?? 0;
  let matched = 0;
  let total = 0;
  for (;;) {
    const distance = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    distance[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let e = 0; e < to.length; e++) {
        const from = tail(e);
        const target = to[e] ?? 0;
        const candidate = (distance[from] ?? 0) + (cost[e] ?? 0);
        if ((room[e] ?? 0) > 0 && candidate < (distance[target] ?? 0)) {
          distance[target] = candidate;
          via[target] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (via[sink] === -1) return { matched, total };
    for (let node = sink; node !== source; node = tail(via[node] ?? 0)) {
      const e = via[node] ?? 0;
      room[e] = (room[e] ?? 0) - 1;
      room[e ^ 1] = (room[e ^ 1] ?? 0) + 1;
    }
    matched += 1;
    total -= distance[sink] ?? 0;
  }
}

describe('solving an assignment, for any small problem', () => {
  it('matches as many rows, for as high a total, as an exhaustive search; and says so consistently', () => {
    fc.assert(
      fc.property(problems({ rows: 6, columns: 4, score: tiedScores }), (input) => {
        const solved = solveAssignment(input);
        expect({ matched: solved.matched, total: solved.total }).toEqual(bruteForceAssignment(input));
        expectConsistent(input, solved.columnOf, solved.matched, solved.total);
      }),
      { numRuns: 500 },
    );
  });

  it('returns the very same assignment when solved twice, from plain or typed arrays', () => {
    fc.assert(
      fc.property(problems({ rows: 6, columns: 4, score: tiedScores }), (input) => {
        const first = solveAssignment(input);
        expect(solveAssignment(input)).toEqual(first);
        const typed = { ...input, scores: Int32Array.from(input.scores), allowed: Uint8Array.from(input.allowed) };
        expect(solveAssignment(typed)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('stays optimal with scores too large to sort by counting', () => {
    const large = fc.oneof(fc.constantFrom(0, 5_000, 1_000_000), fc.integer({ min: 0, max: 10_000_000 }));
    fc.assert(
      fc.property(problems({ rows: 6, columns: 4, score: large }), (input) => {
        const solved = solveAssignment(input);
        expect({ matched: solved.matched, total: solved.total }).toEqual(bruteForceAssignment(input));
        expectConsistent(input, solved.columnOf, solved.matched, solved.total);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a min-cost flow on medium problems, where paths get long', () => {
    const scores = fc.oneof(fc.constantFrom(0, 40, 80), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(problems({ rows: 40, columns: 12, score: scores }), (input) => {
        const solved = solveAssignment(input);
        expect({ matched: solved.matched, total: solved.total }).toEqual(flowOptimum(input));
        expectConsistent(input, solved.columnOf, solved.matched, solved.total);
      }),
      { numRuns: 100 },
    );
  });
});
