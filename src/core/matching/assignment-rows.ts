import type { AssignmentProblem } from './assignment';
import { type ScannedRows, scanRows } from './assignment-scan';

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
 */
export class CostRows {
  /** The problem's columns, plus the unmatched one (the last). */
  readonly columns: number;
  readonly unmatchedCost: number;
  /** Row r's grouped columns start at r × columns. */
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
  private readonly histogram = new Int32Array(BUCKETS);

  constructor(private readonly problem: AssignmentProblem) {
    const { rows, columns } = problem;
    this.columns = columns + 1;
    this.scanned = scanRows(problem);
    // Sized for every row; pages of rows no search reaches are never written, so never resident.
    this.list = this.columns <= 0x10000 ? new Uint16Array(rows * this.columns) : new Int32Array(rows * this.columns);
    const { maxScore } = this.scanned;
    this.unmatchedCost = (maxScore + 1) * (rows + 1) + maxScore;
    this.firstGroup = new Int32Array(rows).fill(-1);
    this.lastGroup = new Int32Array(rows);
    this.complete = new Uint8Array(rows);
  }

  /** What a row pays on its cheapest option. */
  cheapestCost(row: number): number {
    const best = this.scanned.rowMax[row] as number;
    return best < 0 ? this.unmatchedCost : this.scanned.maxScore - best;
  }

  /** Gives a row its cheapest group, the first time a search reaches it. */
  touch(row: number): void {
    if ((this.firstGroup[row] as number) >= 0) return;
    this.firstGroup[row] = this.groups;
    const begin = row * this.columns;
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
    const { columns, scores, allowed } = this.problem;
    const { list, histogram } = this;
    const best = this.scanned.rowMax[row] as number;
    const size = (this.scanned.topStart[row + 1] as number) - (this.scanned.topStart[row] as number);
    const from = row * columns;
    const first = row * this.columns;
    let position = first + size;
    this.firstGroup[row] = this.groups;
    this.add(first, position, this.cheapestCost(row));
    if (best >= BUCKETS) {
      position = this.sortRest(row, position);
    } else {
      for (let index = from, end = from + columns; index < end; index++) {
        if (allowed[index] === 1) {
          const score = scores[index] as number;
          histogram[score] = (histogram[score] as number) + 1;
        }
      }
      // Below the best score, highest first: each count becomes its bucket's first position, then its cursor.
      for (let score = best - 1; score >= 0; score--) {
        const count = histogram[score] as number;
        if (count === 0) continue;
        histogram[score] = position;
        this.add(position, position + count, this.scanned.maxScore - score);
        position += count;
      }
      for (let column = 0; column < columns; column++) {
        if (allowed[from + column] !== 1) continue;
        const score = scores[from + column] as number;
        if (score === best) continue;
        const at = histogram[score] as number;
        list[at] = column;
        histogram[score] = at + 1;
      }
      histogram.fill(0, 0, best + 1);
    }
    list[position] = this.columns - 1;
    this.add(position, position + 1, this.unmatchedCost);
    this.lastGroup[row] = this.groups;
    this.complete[row] = 1;
  }

  private add(begin: number, end: number, cost: number): void {
    if (this.groups === this.groupEnd.length) this.grow();
    this.groupBegin[this.groups] = begin;
    this.groupEnd[this.groups] = end;
    this.groupCost[this.groups] = cost;
    this.groups += 1;
  }

  /** The same grouping below the best score when scores are too large to count: a numeric sort of (score, column). */
  private sortRest(row: number, start: number): number {
    const { columns, scores, allowed } = this.problem;
    const best = this.scanned.rowMax[row] as number;
    const from = row * columns;
    const keys: number[] = [];
    for (let column = 0; column < columns; column++) {
      const score = scores[from + column] as number;
      if (allowed[from + column] === 1 && score < best) keys.push((best - score) * this.columns + column);
    }
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
