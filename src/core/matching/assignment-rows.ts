import type { AssignmentProblem, ScoredRows } from './assignment';
import { type ScannedRows, scanRows, scanScoredRows } from './assignment-scan';

/** Scores below this are sorted by counting; a row with a larger one is sorted by comparison. */
const BUCKETS = 4096;

/**
 * Each row's allowed columns grouped by cost, cheapest group first and ascending column within
 * a group, then a group holding only the unmatched column. A search reads a row one group at a
 * time, and only as far as the path needs: most columns of a row are never looked at, where a
 * dense matrix would be read whole. The cheapest group comes from the scan; the others are made
 * the first time a search goes past it, which many rows never need.
 *
 * Forbidden pairs are left out. They stand for a cost one above the unmatched column's (see
 * solveAssignment), so a search would reach them only after the unmatched column, which always
 * has room and ends the search: leaving them out changes nothing but the work.
 *
 * Two ways to read a row: a dense matrix (DenseCostRows) or a row's own list of candidate
 * columns (ScoredCostRows); the grouping and what the search reads are the same.
 */
export abstract class CostRows {
  /** The problem's columns, plus the unmatched one (the last). */
  readonly columns: number;
  readonly unmatchedCost: number;
  /** Row r's grouped columns start at begin(r), with room for every allowed column and the unmatched one. */
  readonly list: Uint16Array | Int32Array;
  readonly scanned: ScannedRows;
  /** Row r's groups are firstGroup[r] .. lastGroup[r] − 1; firstGroup is -1 before any search reaches r. */
  readonly firstGroup: Int32Array;
  readonly lastGroup: Int32Array;
  /** 1 once all of a row's groups exist; before, it has only its cheapest. */
  readonly complete: Uint8Array;
  /** Group g holds list[groupBegin[g] .. groupEnd[g]), each at groupCost[g]. They grow: read them after `touch` or `completeRow`. */
  groupBegin = new Int32Array(1024);
  groupEnd = new Int32Array(1024);
  groupCost = new Float64Array(1024);
  private groups = 0;
  protected readonly histogram = new Int32Array(BUCKETS);

  protected constructor(rows: number, columns: number, scanned: ScannedRows, listLength: number) {
    this.columns = columns + 1;
    this.scanned = scanned;
    // Sized for every row; pages of rows no search reaches are never written, so never resident.
    this.list = this.columns <= 0x10000 ? new Uint16Array(listLength) : new Int32Array(listLength);
    const { maxScore } = this.scanned;
    this.unmatchedCost = (maxScore + 1) * (rows + 1) + maxScore;
    this.firstGroup = new Int32Array(rows).fill(-1);
    this.lastGroup = new Int32Array(rows);
    this.complete = new Uint8Array(rows);
  }

  /** Where row r's grouped columns start in `list`. */
  protected abstract begin(row: number): number;
  /**
   * Writes the row's allowed columns below its best score from `position` on, grouped by score,
   * highest first and ascending column within a group (each group added); returns the end.
   */
  protected abstract placeRest(row: number, position: number): number;

  /** What a row pays on its cheapest option. */
  cheapestCost(row: number): number {
    const best = this.scanned.rowMax[row] as number;
    return best < 0 ? this.unmatchedCost : this.scanned.maxScore - best;
  }

  /** Gives a row its cheapest group, the first time a search reaches it. */
  touch(row: number): void {
    if ((this.firstGroup[row] as number) >= 0) return;
    this.firstGroup[row] = this.groups;
    const begin = this.begin(row);
    if ((this.scanned.rowMax[row] as number) < 0) {
      this.list[begin] = this.columns - 1;
      this.add(begin, begin + 1, this.unmatchedCost);
      this.complete[row] = 1;
    } else {
      const { topStart, topColumns } = this.scanned;
      const cheapest = topColumns.subarray(topStart[row] as number, topStart[row + 1] as number);
      this.list.set(cheapest, begin);
      this.add(begin, begin + cheapest.length, this.cheapestCost(row));
    }
    this.lastGroup[row] = this.groups;
  }

  /** Makes all of a touched row's groups, contiguous (firstGroup moves), cheapest first; its cheapest is already in place. */
  completeRow(row: number): void {
    const size = (this.scanned.topStart[row + 1] as number) - (this.scanned.topStart[row] as number);
    const first = this.begin(row);
    this.firstGroup[row] = this.groups;
    this.add(first, first + size, this.cheapestCost(row));
    const position = this.placeRest(row, first + size);
    this.list[position] = this.columns - 1;
    this.add(position, position + 1, this.unmatchedCost);
    this.lastGroup[row] = this.groups;
    this.complete[row] = 1;
  }

  /** Turns the histogram of scores below `best` into each bucket's first position (adding the groups); returns the end. */
  protected openBuckets(best: number, position: number): number {
    const { histogram } = this;
    let at = position;
    for (let score = best - 1; score >= 0; score--) {
      const count = histogram[score] as number;
      if (count === 0) continue;
      histogram[score] = at;
      this.add(at, at + count, this.scanned.maxScore - score);
      at += count;
    }
    return at;
  }

  /** The same grouping when scores are too large to count: a numeric sort of keys (best − score) × columns + column. */
  protected placeSorted(best: number, keys: readonly number[], start: number): number {
    const sorted = Float64Array.from(keys).sort();
    let position = start;
    let groupStart = start;
    for (let k = 0; k < sorted.length; k++) {
      const key = sorted[k] as number;
      const column = key % this.columns;
      this.list[position++] = column;
      const gap = (key - column) / this.columns;
      const next = sorted[k + 1];
      if (next === undefined || Math.floor(next / this.columns) !== gap) {
        this.add(groupStart, position, this.scanned.maxScore - best + gap);
        groupStart = position;
      }
    }
    return position;
  }

  private add(begin: number, end: number, cost: number): void {
    if (this.groups === this.groupEnd.length) this.grow();
    this.groupBegin[this.groups] = begin;
    this.groupEnd[this.groups] = end;
    this.groupCost[this.groups] = cost;
    this.groups += 1;
  }

  private grow(): void {
    const size = this.groupEnd.length * 2;
    const begin = new Int32Array(size);
    begin.set(this.groupBegin);
    this.groupBegin = begin;
    const end = new Int32Array(size);
    end.set(this.groupEnd);
    this.groupEnd = end;
    const cost = new Float64Array(size);
    cost.set(this.groupCost);
    this.groupCost = cost;
  }
}

/** Rows of a dense matrix: row r's columns are scores[r × columns ..], where allowed. */
export class DenseCostRows extends CostRows {
  constructor(private readonly problem: AssignmentProblem) {
    super(problem.rows, problem.columns, scanRows(problem), problem.rows * (problem.columns + 1));
  }

  protected begin(row: number): number {
    return row * this.columns;
  }

  protected placeRest(row: number, start: number): number {
    const { columns, scores, allowed } = this.problem;
    const { list, histogram } = this;
    const best = this.scanned.rowMax[row] as number;
    const from = row * columns;
    if (best >= BUCKETS) {
      const keys: number[] = [];
      for (let column = 0; column < columns; column++) {
        const score = scores[from + column] as number;
        if (allowed[from + column] === 1 && score < best) keys.push((best - score) * this.columns + column);
      }
      return this.placeSorted(best, keys, start);
    }
    for (let index = from, end = from + columns; index < end; index++) {
      if (allowed[index] === 1) {
        const score = scores[index] as number;
        histogram[score] = (histogram[score] as number) + 1;
      }
    }
    const position = this.openBuckets(best, start);
    for (let column = 0; column < columns; column++) {
      if (allowed[from + column] !== 1) continue;
      const score = scores[from + column] as number;
      if (score === best) continue;
      const at = histogram[score] as number;
      list[at] = column;
      histogram[score] = at + 1;
    }
    histogram.fill(0, 0, best + 1);
    return position;
  }
}

/** Rows given as their candidate columns: row r's are column[rowStart[r] .. rowStart[r + 1]). */
export class ScoredCostRows extends CostRows {
  constructor(private readonly problem: ScoredRows) {
    super(problem.rows, problem.columns, scanScoredRows(problem), (problem.rowStart[problem.rows] as number) + problem.rows);
  }

  protected begin(row: number): number {
    return (this.problem.rowStart[row] as number) + row;
  }

  protected placeRest(row: number, start: number): number {
    const { rowStart, column, score } = this.problem;
    const { list, histogram } = this;
    const best = this.scanned.rowMax[row] as number;
    const from = rowStart[row] as number;
    const to = rowStart[row + 1] as number;
    if (best >= BUCKETS) {
      const keys: number[] = [];
      for (let entry = from; entry < to; entry++) {
        const value = score[entry] as number;
        if (value < best) keys.push((best - value) * this.columns + (column[entry] as number));
      }
      return this.placeSorted(best, keys, start);
    }
    for (let entry = from; entry < to; entry++) {
      const value = score[entry] as number;
      histogram[value] = (histogram[value] as number) + 1;
    }
    const position = this.openBuckets(best, start);
    for (let entry = from; entry < to; entry++) {
      const value = score[entry] as number;
      if (value === best) continue;
      const at = histogram[value] as number;
      list[at] = column[entry] as number;
      histogram[value] = at + 1;
    }
    histogram.fill(0, 0, best + 1);
    return position;
  }
}
