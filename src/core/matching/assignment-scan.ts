import type { AssignmentProblem, ScoredRows } from './assignment';
import { checkExactness, isScore, pairError } from './assignment-validate';

export interface ScannedRows {
  /** Each row's best allowed score, -1 when it has no allowed column. */
  readonly rowMax: Float64Array;
  /** The columns reaching it, ascending: topColumns[topStart[row] .. topStart[row + 1]). */
  readonly topStart: Int32Array;
  readonly topColumns: Uint16Array | Int32Array;
  readonly maxScore: number;
}

const INTEGER_ARRAYS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array];
const holdsIntegers = (values: ArrayLike<number>) => INTEGER_ARRAYS.some((type) => values instanceof type);

/**
 * The one pass over every pair: checks it, finds each row's best score and the columns that
 * reach it. When the cheapest columns fit, this pass is most of
 * the work, so integer typed arrays (what callers build) get a loop with no unpredictable branch:
 * ((score + 1) & −flag) − 1 is the score where allowed and −1 elsewhere, and a flag other than
 * 0 or 1 or a negative score shows in the ORs. Only such a row is read again, exactly, to name
 * the problem (or to accept a score too large for 32-bit masks).
 */
export function scanRows(problem: AssignmentProblem): ScannedRows {
  const { rows, columns, scores, allowed } = problem;
  const rowMax = new Float64Array(rows);
  const topStart = new Int32Array(rows + 1);
  const wide = columns + 1 > 0x10000;
  // One row's best columns, then copied to topColumns: a small buffer stays in cache.
  const list = wide ? new Int32Array(columns) : new Uint16Array(columns);
  let topColumns = wide ? new Int32Array(rows * 4 + 16) : new Uint16Array(rows * 4 + 16);
  let used = 0;
  const fast = holdsIntegers(scores) && holdsIntegers(allowed);
  let maxScore = 0;
  // One call per row, not one loop over all: the JIT then optimises the row functions as
  // such, instead of replacing a running loop and redoing it when the code after it first runs.
  for (let row = 0; row < rows; row++) {
    const from = row * columns;
    let size = fast ? scanIntegerRow(scores, allowed, from, columns, list, rowMax, row) : -1;
    if (size < 0) size = scanRowExactly(problem, from, list, rowMax, row);
    if (used + size > topColumns.length) {
      const larger = wide ? new Int32Array(2 * (used + size)) : new Uint16Array(2 * (used + size));
      larger.set(topColumns);
      topColumns = larger;
    }
    topColumns.set(list.subarray(0, size), used);
    used += size;
    topStart[row + 1] = used;
    maxScore = Math.max(maxScore, rowMax[row] as number);
  }
  checkExactness(rows, columns, maxScore);
  return { rowMax, topStart, topColumns, maxScore };
}

/** Sets rowMax[row] and writes the best columns to `list`; returns how many, or -1 to read the row exactly. */
function scanIntegerRow(
  scores: ArrayLike<number>,
  allowed: ArrayLike<number>,
  from: number,
  columns: number,
  list: Uint16Array | Int32Array,
  rowMax: Float64Array,
  row: number,
): number {
  let flags = 0;
  let negative = 0;
  let best = -1;
  let size = 0;
  for (let column = 0; column < columns; column++) {
    const flag = allowed[from + column] as number;
    const score = (((scores[from + column] as number) + 1) & -flag) - 1;
    flags |= flag;
    negative |= score + 1;
    if (score >= best && score >= 0) {
      if (score > best) {
        best = score;
        size = 0;
      }
      list[size++] = column;
    }
  }
  if ((flags & ~1) !== 0 || negative < 0) return -1;
  rowMax[row] = best;
  return size;
}

/** The same for any array, checking each allowed pair exactly; throws on the first unusable one. */
function scanRowExactly(
  problem: AssignmentProblem,
  from: number,
  list: Uint16Array | Int32Array,
  rowMax: Float64Array,
  row: number,
): number {
  const { columns, scores, allowed } = problem;
  let best = -1;
  let size = 0;
  for (let column = 0; column < columns; column++) {
    const flag = allowed[from + column];
    if (flag === 0) continue;
    const score = scores[from + column] as number;
    if (flag !== 1 || !isScore(score)) throw pairError(problem, from + column);
    if (score >= best) {
      if (score > best) {
        best = score;
        size = 0;
      }
      list[size++] = column;
    }
  }
  rowMax[row] = best;
  return size;
}

/**
 * The same pass over rows given as candidate columns (see ScoredRows): checks that each row's
 * columns ascend and exist and that each score is an integer ≥ 0, naming the first entry that is not.
 */
export function scanScoredRows(problem: ScoredRows): ScannedRows {
  const { rows, columns, rowStart, column, score } = problem;
  const rowMax = new Float64Array(rows);
  const topStart = new Int32Array(rows + 1);
  const wide = columns + 1 > 0x10000;
  let topColumns = wide ? new Int32Array(rows * 4 + 16) : new Uint16Array(rows * 4 + 16);
  let used = 0;
  let maxScore = 0;
  for (let row = 0; row < rows; row++) {
    const from = rowStart[row] as number;
    const to = rowStart[row + 1] as number;
    let best = -1;
    let previous = -1;
    for (let entry = from; entry < to; entry++) {
      const value = score[entry] as number;
      const at = column[entry] as number;
      if (!(at > previous && at < columns) || !isScore(value)) throw scoredEntryError(problem, row, entry, previous);
      previous = at;
      if (value > best) best = value;
    }
    rowMax[row] = best;
    if (best > maxScore) maxScore = best;
    if (used + (to - from) > topColumns.length) {
      const larger = wide ? new Int32Array(2 * (used + to - from)) : new Uint16Array(2 * (used + to - from));
      larger.set(topColumns);
      topColumns = larger;
    }
    for (let entry = from; entry < to; entry++) {
      if ((score[entry] as number) === best) topColumns[used++] = column[entry] as number;
    }
    topStart[row + 1] = used;
  }
  checkExactness(rows, columns, maxScore);
  return { rowMax, topStart, topColumns, maxScore };
}

function scoredEntryError(problem: ScoredRows, row: number, entry: number, previous: number): RangeError {
  const at = problem.column[entry] as number;
  const where = `row ${row}, entry ${entry - (problem.rowStart[row] as number)}`;
  if (!(at < problem.columns) || !(at >= 0)) return new RangeError(`assignment: ${where} names column ${at}, which does not exist`);
  if (!(at > previous)) return new RangeError(`assignment: ${where}: columns must ascend within a row, got ${at} after ${previous}`);
  return new RangeError(`assignment: the score of ${where} must be an integer ≥ 0, got ${problem.score[entry]}`);
}
