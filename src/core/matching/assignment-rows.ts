import type { AssignmentProblem, ScoredRows } from './assignment';
import { type ScannedRows, scanRows, scanScoredRows } from './assignment-scan';

/** Scores below this are sorted by counting; a row with a larger one is sorted by comparison. */
const BUCKETS = 4096;

/**
 * Where every row's last group, the unmatched column alone, begins: before the list, so it
 * takes no room in it; the search reads position −1 as the unmatched column.
 */
export const UNMATCHED_BEGIN = -1;

/**
 * Each row's allowed columns grouped by cost, cheapest group first and ascending column within
 * a group, then a group holding only the unmatched column. A search reads a row one group at a
 * time, and only as far as the path needs: most columns of a row are never looked at, where a
 * dense matrix would be read whole. The cheapest group comes from the scan; on a dense matrix the
 * others are made the first time a search goes past it, which many rows never need; on rows of
 * candidates (ScoredCostRows) the whole row is grouped when a search first reaches it, in one pass,
 * but the search still reads only the cheapest group until it goes past it (completeRow).
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
  /** Row r's grouped columns start at begin(r), with room for every allowed column (the unmatched one takes none). */
  readonly list: Uint16Array | Int32Array;
  readonly scanned: ScannedRows;
  /** Row r's groups are firstGroup[r] .. lastGroup[r] − 1; firstGroup is -1 before any search reaches r. */
  readonly firstGroup: Int32Array;
  readonly lastGroup: Int32Array;
  /** 1 once the search may read all of a row's groups; before, it reads only its cheapest. */
  readonly complete: Uint8Array;
  /**
   * Where a row's groups end once complete, when `touch` already made them all (see
   * placeWhole); -1 when completeRow has to make them.
   */
  private readonly madeUntil: Int32Array;
  /** Group g holds list[groupBegin[g] .. groupEnd[g]), each at groupCost[g]. They grow: read them after `touch` or `completeRow`. */
  groupBegin = new Int32Array(1024);
  groupEnd = new Int32Array(1024);
  groupCost = new Float64Array(1024);
  private groups = 0;
  protected readonly histogram = new Int32Array(BUCKETS);

  protected constructor(rows: number, columns: number, scanned: ScannedRows, list: Uint16Array | Int32Array) {
    this.columns = columns + 1;
    this.scanned = scanned;
    this.list = list;
    const { maxScore } = this.scanned;
    this.unmatchedCost = (maxScore + 1) * (rows + 1) + maxScore;
    this.firstGroup = new Int32Array(rows).fill(-1);
    this.lastGroup = new Int32Array(rows);
    this.complete = new Uint8Array(rows);
    this.madeUntil = new Int32Array(rows).fill(-1);
  }

  /** Where row r's grouped columns start in `list`. */
  protected abstract begin(row: number): number;
  /** Writes the row's cheapest columns (the scan's), ascending, from `begin` on. */
  protected placeCheapest(row: number, begin: number): void {
    const { topStart, topColumns } = this.scanned;
    this.list.set(topColumns.subarray(topStart[row] as number, topStart[row + 1] as number), begin);
  }
  /**
   * Writes the row's allowed columns below its best score from `position` on, grouped by score,
   * highest first and ascending column within a group (each group added); returns the end.
   */
  protected abstract placeRest(row: number, position: number): number;
  /**
   * Writes all of the row's allowed columns from `begin` on, grouped as placeCheapest then
   * placeRest would (adding the groups below the cheapest), in one go; returns false, having
   * done nothing, where it cannot.
   */
  protected placeWhole(_row: number, _begin: number): boolean {
    return false;
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
    const begin = this.begin(row);
    if ((this.scanned.rowMax[row] as number) < 0) {
      this.add(UNMATCHED_BEGIN, UNMATCHED_BEGIN + 1, this.unmatchedCost);
      this.complete[row] = 1;
    } else {
      const { topStart } = this.scanned;
      const cheapest = (topStart[row + 1] as number) - (topStart[row] as number);
      this.add(begin, begin + cheapest, this.cheapestCost(row));
      // Rows are read to their end by most searches that reach them: grouping the whole row
      // now costs one pass over it instead of two. The search still sees only the cheapest
      // group until completeRow, exactly as if the others were made then.
      if (this.placeWhole(row, begin)) {
        this.add(UNMATCHED_BEGIN, UNMATCHED_BEGIN + 1, this.unmatchedCost);
        this.madeUntil[row] = this.groups;
        this.lastGroup[row] = (this.firstGroup[row] as number) + 1;
        return;
      }
      this.placeCheapest(row, begin);
    }
    this.lastGroup[row] = this.groups;
  }

  /** Makes all of a touched row's groups, contiguous (firstGroup moves), cheapest first; its cheapest is already in place. */
  completeRow(row: number): void {
    const made = this.madeUntil[row] as number;
    if (made >= 0) {
      this.lastGroup[row] = made;
      this.complete[row] = 1;
      return;
    }
    const size = (this.scanned.topStart[row + 1] as number) - (this.scanned.topStart[row] as number);
    const first = this.begin(row);
    this.firstGroup[row] = this.groups;
    this.add(first, first + size, this.cheapestCost(row));
    this.placeRest(row, first + size);
    this.add(UNMATCHED_BEGIN, UNMATCHED_BEGIN + 1, this.unmatchedCost);
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
    // Sized for every row; pages of rows no search reaches are never written, so never resident.
    const length = problem.rows * (problem.columns + 1);
    super(problem.rows, problem.columns, scanRows(problem), problem.columns < 0x10000 ? new Uint16Array(length) : new Int32Array(length));
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

/**
 * Rows given as their candidate columns: row r's are column[rowStart[r] .. rowStart[r + 1]).
 * The list is the problem's own column array, each row regrouped where it lies when a search
 * first reaches it, so the solver needs no second copy of every pair: the problem is used up.
 */
export class ScoredCostRows extends CostRows {
  private readonly scratchColumn: Int32Array;
  private readonly scratchScore: Float64Array;
  private readonly score: ScoredRows['score'];

  constructor(problem: ScoredRows) {
    super(problem.rows, problem.columns, scanScoredRows(problem), problem.column);
    this.rowStart = problem.rowStart;
    this.score = problem.score;
    let longest = 0;
    for (let row = 0; row < problem.rows; row++) {
      longest = Math.max(longest, (problem.rowStart[row + 1] as number) - (problem.rowStart[row] as number));
    }
    this.scratchColumn = new Int32Array(longest);
    this.scratchScore = new Float64Array(longest);
  }

  private readonly rowStart: ArrayLike<number>;

  protected begin(row: number): number {
    return this.rowStart[row] as number;
  }

  /** Moves the row's best entries to its front, the others after them, both in their order (ascending column). */
  protected override placeCheapest(row: number, begin: number): void {
    const { list, score, scratchColumn, scratchScore } = this;
    const best = this.scanned.rowMax[row] as number;
    const end = this.rowStart[row + 1] as number;
    let front = begin;
    let rest = 0;
    for (let entry = begin; entry < end; entry++) {
      const value = score[entry] as number;
      if (value === best) {
        list[front] = list[entry] as number;
        score[front++] = value;
      } else {
        scratchColumn[rest] = list[entry] as number;
        scratchScore[rest++] = value;
      }
    }
    for (let at = 0; at < rest; at++) {
      list[front + at] = scratchColumn[at] as number;
      score[front + at] = scratchScore[at] as number;
    }
  }

  /** Best entries first, then the others grouped by score, each in their order (ascending column); scores are not kept. */
  protected override placeWhole(row: number, begin: number): boolean {
    const { list, score, histogram, scratchColumn, scratchScore } = this;
    const best = this.scanned.rowMax[row] as number;
    if (best >= BUCKETS) return false;
    const end = this.rowStart[row + 1] as number;
    const count = end - begin;
    for (let at = 0; at < count; at++) {
      const value = score[begin + at] as number;
      scratchColumn[at] = list[begin + at] as number;
      scratchScore[at] = value;
      histogram[value] = (histogram[value] as number) + 1;
    }
    let front = begin;
    this.openBuckets(best, begin + (histogram[best] as number));
    for (let at = 0; at < count; at++) {
      const value = scratchScore[at] as number;
      if (value === best) {
        list[front++] = scratchColumn[at] as number;
        continue;
      }
      const to = histogram[value] as number;
      list[to] = scratchColumn[at] as number;
      histogram[value] = to + 1;
    }
    histogram.fill(0, 0, best + 1);
    return true;
  }

  /** The entries after the best ones, still ascending, regrouped by score (their scores are not kept). */
  protected placeRest(row: number, start: number): number {
    const { list, score, histogram, scratchColumn, scratchScore } = this;
    const best = this.scanned.rowMax[row] as number;
    const end = this.rowStart[row + 1] as number;
    const count = end - start;
    if (best >= BUCKETS) {
      const keys: number[] = [];
      for (let at = 0; at < count; at++) keys.push((best - (score[start + at] as number)) * this.columns + (list[start + at] as number));
      return this.placeSorted(best, keys, start);
    }
    // One pass copies the entries aside and counts them by score.
    for (let at = 0; at < count; at++) {
      const value = score[start + at] as number;
      scratchColumn[at] = list[start + at] as number;
      scratchScore[at] = value;
      histogram[value] = (histogram[value] as number) + 1;
    }
    const position = this.openBuckets(best, start);
    for (let at = 0; at < count; at++) {
      const value = scratchScore[at] as number;
      const to = histogram[value] as number;
      list[to] = scratchColumn[at] as number;
      histogram[value] = to + 1;
    }
    histogram.fill(0, 0, best + 1);
    return position;
  }
}
