import type { ScoredRows } from './assignment';
import type { MatchingInput, MatchingRules, MenteeCandidate, MentorCandidate } from './candidates';
import { assessPair, type ScoreTerm } from './compatibility';
import { type CompiledPairs, compilePairs, rowWriter, writeRow } from './pair-scores';

export interface PinnedPair {
  readonly mentee: string;
  readonly mentor: string;
  readonly score: number;
  readonly terms: readonly ScoreTerm[];
  readonly languages: readonly string[];
}

/** What the solver is given, and how to read its answer back. */
export interface PreparedPairings {
  readonly mentees: readonly MenteeCandidate[];
  /** Every mentor, full ones included: an unmatched mentoré's reasons count them. */
  readonly mentors: readonly MentorCandidate[];
  readonly compiled: CompiledPairs;
  readonly pinned: readonly PinnedPair[];
  /** The mentee index of each solver row, the mentor index of each solver column. */
  readonly rowMentee: Int32Array;
  readonly columnMentor: Int32Array;
  readonly problem: ScoredRows;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function scoreArray(maxScore: number, length: number): Uint8Array | Uint16Array | Int32Array | Float64Array {
  if (maxScore <= 0xff) return new Uint8Array(length);
  if (maxScore <= 0xffff) return new Uint16Array(length);
  return maxScore <= 0x7fffffff ? new Int32Array(length) : new Float64Array(length);
}

/**
 * People in id order (so the same input gives the same pairs), coordinators' pins placed first
 * whatever the score, then one solver row per other mentoré listing the mentors who still have
 * room and whom no hard rule keeps away, with the pair's score. A mentor with no room left is
 * no column at all.
 */
export function preparePairings(input: MatchingInput, rules: MatchingRules): PreparedPairings {
  const mentors = [...input.mentors].sort(byId);
  const mentees = [...input.mentees].sort(byId);
  const compiled = compilePairs(mentees, mentors, rules, input.forbids, input.repeats ?? []);
  const menteeIndex = new Map(mentees.map((mentee, index) => [mentee.id, index]));
  const mentorIndex = new Map(mentors.map((mentor, index) => [mentor.id, index]));
  const left = Int32Array.from(mentors, (mentor) => mentor.capacity);

  const pinned: PinnedPair[] = [];
  const isPinned = new Uint8Array(mentees.length);
  for (const [menteeId, mentorId] of input.pins) {
    const at = menteeIndex.get(menteeId);
    const column = mentorIndex.get(mentorId);
    if (at === undefined || column === undefined || isPinned[at] === 1 || (left[column] as number) <= 0) continue;
    const assessed = assessPair(mentees[at] as MenteeCandidate, mentors[column] as MentorCandidate, rules, false);
    pinned.push({
      mentee: menteeId,
      mentor: mentorId,
      score: assessed.allowed ? assessed.score : 0,
      terms: assessed.allowed ? assessed.terms : [],
      languages: assessed.allowed ? assessed.languages : [],
    });
    isPinned[at] = 1;
    left[column] = (left[column] as number) - 1;
  }

  const rowMentee = Int32Array.from(mentees.flatMap((_, index) => (isPinned[index] === 1 ? [] : [index])));
  const columnMentor = Int32Array.from(mentors.flatMap((_, index) => ((left[index] as number) > 0 ? [index] : [])));
  const rows = rowMentee.length;
  const columns = columnMentor.length;
  // Sized for every pair; only the pages the allowed ones fill are ever written, so resident.
  const room = Math.min(rows * columns, 0x7fffffff - rows);
  const column = columns <= 0x10000 ? new Uint16Array(room) : new Int32Array(room);
  const score = scoreArray(compiled.maxScore, room);
  const rowStart = new Int32Array(rows + 1);
  const writer = rowWriter(compiled, columnMentor, column, score);
  for (let row = 0; row < rows; row++) {
    const used = rowStart[row] as number;
    // Room for every column of this row is left, or the next row could overflow it.
    if (room - used < columns) throw new RangeError(`matching: more than ${room} allowed pairs, more than the solver can hold`);
    rowStart[row + 1] = writeRow(compiled, rowMentee[row] as number, writer, used);
  }
  const used = rowStart[rows] as number;
  const capacities = Int32Array.from(columnMentor, (mentor) => left[mentor] as number);
  return {
    mentees,
    mentors,
    compiled,
    pinned,
    rowMentee,
    columnMentor,
    problem: { rows, columns, capacities, rowStart, column: column.subarray(0, used), score: score.subarray(0, used) },
  };
}
