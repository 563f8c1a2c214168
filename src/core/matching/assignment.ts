import { createSearchState, placeByShortestPath, placeOnCheapest, type SearchState } from './assignment-jv';
import { type CostRows, DenseCostRows, ScoredCostRows } from './assignment-rows';
import { validateScoredShape, validateShape } from './assignment-validate';

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

/**
 * The same problem given row by row: each row lists only its allowed columns, ascending, with
 * their scores, so nothing is stored for a forbidden pair. Row r's are
 * column[rowStart[r] .. rowStart[r + 1]) and score[…] at the same positions. solveScoredRows
 * works in these arrays (see ScoredCostRows): afterwards their rows are in no useful order.
 */
export interface ScoredRows {
  readonly rows: number;
  readonly columns: number;
  /** capacity of each column, ≥ 0; a column with 0 is never used */
  readonly capacities: ArrayLike<number>;
  readonly rowStart: ArrayLike<number>;
  readonly column: Uint16Array | Int32Array;
  /** integers ≥ 0 */
  readonly score: Uint8Array | Uint16Array | Int32Array | Float64Array | number[];
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
  const { columnOf } = solve(new DenseCostRows(problem), rows, columns, problem.capacities);
  let matched = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    const column = columnOf[row] as number;
    if (column < 0) continue;
    matched += 1;
    total += scores[row * columns + column] as number;
  }
  return { columnOf, matched, total };
}

/**
 * solveAssignment on rows of candidate columns: the same answer as on the dense matrix they
 * stand for. It uses up the problem's column and score arrays as its working space.
 */
export function solveScoredRows(problem: ScoredRows): Assignment {
  validateScoredShape(problem);
  const { rows, columns } = problem;
  const costs = new ScoredCostRows(problem);
  const state = solve(costs, rows, columns, problem.capacities);
  const { columnOf, rowCost } = state;
  let matched = 0;
  let total = 0;
  for (let row = 0; row < rows; row++) {
    if ((columnOf[row] as number) < 0) continue;
    matched += 1;
    // What a placed row pays is maxScore − its score (see solveAssignment).
    total += costs.scanned.maxScore - (rowCost[row] as number);
  }
  return { columnOf, matched, total };
}

/** The search's end state; each row's column in columnOf, -1 when unmatched. */
function solve(costs: CostRows, rows: number, columns: number, given: ArrayLike<number>): SearchState {
  const capacities = new Int32Array(columns + 1);
  for (let column = 0; column < columns; column++) {
    // A column never holds more than every row: a larger capacity would only cost memory.
    capacities[column] = Math.min(given[column] as number, rows);
  }
  capacities[columns] = rows + 1;

  const state = createSearchState(costs, capacities);
  for (const row of placeOnCheapest(state)) placeByShortestPath(state, row);
  const columnOf = state.columnOf;
  for (let row = 0; row < rows; row++) if (columnOf[row] === columns) columnOf[row] = -1;
  return state;
}
