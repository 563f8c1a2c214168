import type { AssignmentProblem, ScoredRows } from './assignment';

function count(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`assignment: ${name} must be a non-negative integer, got ${value}`);
  }
}

function length(name: string, values: ArrayLike<number>, expected: number, per: string): void {
  if (values.length !== expected) {
    throw new RangeError(`assignment: ${name} has ${values.length} entries, expected ${expected} (${per})`);
  }
}

/** Everything but the pairs themselves, which are checked as they are read. */
export function validateShape(problem: AssignmentProblem): void {
  const { rows, columns, capacities, scores, allowed } = problem;
  count('rows', rows);
  count('columns', columns);
  length('capacities', capacities, columns, 'one per column');
  length('scores', scores, rows * columns, 'rows × columns');
  length('allowed', allowed, rows * columns, 'rows × columns');
  // The solver indexes rows × (columns + 1) cells with 32-bit integers.
  if (rows * (columns + 1) > 0x7fffffff) {
    throw new RangeError(`assignment: ${rows} rows × ${columns} columns is more than the solver can index`);
  }
  for (let column = 0; column < columns; column++) {
    const capacity = capacities[column] as number;
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`assignment: the capacity of column ${column} must be an integer ≥ 1, got ${capacity}`);
    }
  }
}

/** Thrown for the pair at `index` when its allowed flag or (allowed) score is not acceptable. */
export function pairError(problem: AssignmentProblem, index: number): RangeError {
  const flag = problem.allowed[index];
  const where = `row ${Math.floor(index / problem.columns)}, column ${index % problem.columns}`;
  if (flag !== 0 && flag !== 1) return new RangeError(`assignment: allowed for ${where} must be 0 or 1, got ${flag}`);
  return new RangeError(`assignment: the score of ${where} must be an integer ≥ 0, got ${problem.scores[index]}`);
}

/** An allowed pair's score is usable: a safe integer ≥ 0. */
export const isScore = (score: number): boolean => Number.isSafeInteger(score) && score >= 0;

/** Every quantity the solver adds stays below 2^53: the magnitudes are bounded in solveAssignment. */
export function checkExactness(rows: number, columns: number, maxScore: number): void {
  const forbiddenCost = (maxScore + 1) * (rows + 1) + maxScore + 1;
  // Potentials are shortest-path lengths, each at most (rows + columns + 2) costs long; the
  // margin of 4 covers the differences the solver takes between them.
  if (forbiddenCost * (rows + columns + 2) * 4 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`assignment: scores up to ${maxScore} with ${rows} rows are too large to be added exactly`);
  }
}

/** The whole validation in one call, for callers that read the problem again anyway. */
export function validateAssignmentProblem(problem: AssignmentProblem): void {
  validateShape(problem);
  const { rows, columns, scores, allowed } = problem;
  let maxScore = 0;
  for (let index = 0; index < rows * columns; index++) {
    const flag = allowed[index];
    if (flag === 0) continue;
    const score = scores[index] as number;
    if (flag !== 1 || !isScore(score)) throw pairError(problem, index);
    if (score > maxScore) maxScore = score;
  }
  checkExactness(rows, columns, maxScore);
}

/** Everything but the entries themselves, which the scan checks (see scanScoredRows). */
export function validateScoredShape(problem: ScoredRows): void {
  const { rows, columns, capacities, rowStart, column, score } = problem;
  count('rows', rows);
  count('columns', columns);
  length('capacities', capacities, columns, 'one per column');
  length('rowStart', rowStart, rows + 1, 'rows + 1');
  const entries = rowStart[rows] as number;
  if (rowStart[0] !== 0) throw new RangeError(`assignment: rowStart must begin at 0, got ${rowStart[0]}`);
  for (let row = 0; row < rows; row++) {
    if ((rowStart[row + 1] as number) < (rowStart[row] as number)) {
      throw new RangeError(`assignment: rowStart must not decrease, row ${row} ends before it begins`);
    }
  }
  length('column', column, entries, 'one per entry');
  length('score', score, entries, 'one per entry');
  if (entries + rows > 0x7fffffff) throw new RangeError(`assignment: ${entries} entries are more than the solver can index`);
  for (let at = 0; at < columns; at++) {
    const capacity = capacities[at] as number;
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new RangeError(`assignment: the capacity of column ${at} must be an integer ≥ 0, got ${capacity}`);
    }
  }
}
