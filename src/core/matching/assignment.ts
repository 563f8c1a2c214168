import { createSearchState, placeByShortestPath, placeOnCheapest } from './assignment-jv';
import { CostRows } from './assignment-rows';
import { validateShape } from './assignment-validate';

export { bruteForceAssignment } from './assignment-brute-force';

export interface AssignmentProblem {
  readonly rows: number;
  readonly columns: number;
  /** capacity of each column, ≥ 1 */
  readonly capacities: ArrayLike<number>;
  /** scores[row * columns + column], integers ≥ 0; ignored where not allowed */
  readonly scores: ArrayLike<number>;
  /** allowed[row * columns + column]: 1 allowed, 0 forbidden */
  readonly allowed: ArrayLike<number>;
}

export interface Assignment {
  /** the column each row got, -1 when unmatched */
  readonly columnOf: Int32Array;
  readonly matched: number;
  readonly total: number;
}

/**
 * As many rows matched as possible, then the highest total score among those, never a
 * forbidden pair and never more rows on a column than its capacity. Deterministic: the same
 * problem always gives the same columns. Rows are placed in index order, each first on the
 * lowest-index of its best columns with room; when a later row has to displace earlier ones,
 * among equally good rearrangements the first found in a fixed search order wins (see
 * KeyedQueue). Throws a RangeError naming what is wrong with the input.
 *
 * Solved as a minimum-cost problem where every row takes exactly one option: one of its allowed
 * columns, or an extra "unmatched" column that never fills. Two goals become one cost without
 * ever trading a match for score:
 * - a matched row costs BIG − score and an unmatched one 2·BIG, with BIG = (maxScore + 1)(rows + 1),
 *   larger than any gap between two totals (at most rows × maxScore): one more match always
 *   saves at least BIG − rows × maxScore > 0, whatever the scores do;
 * - every row takes exactly one option, so subtracting the same constant, BIG − maxScore, from
 *   all its options moves every complete assignment's cost by the same amount: costs become
 *   maxScore − score (small, ≥ 0) and BIG + maxScore for the unmatched column;
 * - a forbidden pair costs one more than staying unmatched, finite (an infinite cost would turn
 *   potentials into Infinity − Infinity), yet never chosen: moving that row to the unmatched
 *   column is always strictly cheaper. (So the search never even reads them: see CostRows.)
 * Validation keeps every cost, potential and total below 2^53, so the arithmetic is exact.
 */
export function solveAssignment(problem: AssignmentProblem): Assignment {
  validateShape(problem);
  const { rows, columns, scores } = problem;
  const capacities = new Int32Array(columns + 1);
  for (let column = 0; column < columns; column++) {
    // A column never holds more than every row: a larger capacity would only cost memory.
    capacities[column] = Math.min(problem.capacities[column] as number, rows);
  }
  capacities[columns] = rows + 1;

  const state = createSearchState(new CostRows(problem), capacities);
  for (const row of placeOnCheapest(state)) placeByShortestPath(state, row);

  const columnOf = new Int32Array(rows);
  let matched = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    const column = state.columnOf[row] as number;
    if (column === columns) {
      columnOf[row] = -1;
      continue;
    }
    columnOf[row] = column;
    matched += 1;
    total += scores[row * columns + column] as number;
  }
  return { columnOf, matched, total };
}
