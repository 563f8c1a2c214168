/**
 * The matcher's preparation before pair-scores.ts, kept for comparison only (the equivalence
 * test and the matching-pipeline bench): every pair assessed by assessPair into an object, a
 * dense matrix of scores, solveAssignment, reasons read back from the kept assessments.
 */
import { solveAssignment } from '../../src/core/matching/assignment';
import type { MatchingInput, MatchingRules, MenteeCandidate, MentorCandidate } from '../../src/core/matching/candidates';
import { assessPair, type BlockedBecause } from '../../src/core/matching/compatibility';
import type { Proposal, ProposedPair, UnmatchedMentee } from '../../src/core/matching/proposal';

const pairKey = (mentee: string, mentor: string) => `${mentee}\u0000${mentor}`;

function unmatchedReasons(
  mentee: MenteeCandidate,
  mentors: readonly MentorCandidate[],
  rules: MatchingRules,
  forbidden: ReadonlySet<string>,
) {
  if (mentors.length === 0) return [{ kind: 'no-mentor' } as const];
  const blocked = new Map<BlockedBecause, number>();
  let compatible = 0;
  for (const mentor of mentors) {
    const assessed = assessPair(mentee, mentor, rules, forbidden.has(pairKey(mentee.id, mentor.id)));
    if (assessed.allowed) compatible += 1;
    else blocked.set(assessed.blockedBecause, (blocked.get(assessed.blockedBecause) ?? 0) + 1);
  }
  if (compatible > 0) return [{ kind: 'compatible-mentors-full', mentors: compatible } as const];
  return [...blocked.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([because, count]) => ({ kind: 'blocked', because, mentors: count }) as const);
}

/**
 * As proposePairings was: the best pairs for everyone at once: first as many mentorés matched as possible, then the
 * highest total compatibility, respecting capacities, hard rules and coordinators' pins and
 * forbids. Deterministic: people are taken in id order, so the same input gives the same pairs.
 */
export function previousProposePairings(input: MatchingInput, rules: MatchingRules): Proposal {
  const mentors = [...input.mentors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const mentees = [...input.mentees].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const forbidden = new Set(input.forbids.map(([mentee, mentor]) => pairKey(mentee, mentor)));
  const mentorById = new Map(mentors.map((mentor) => [mentor.id, mentor]));
  const left = new Map(mentors.map((mentor) => [mentor.id, mentor.capacity]));

  // Coordinators' pins come first and take their slot, whatever the score.
  const pairs: ProposedPair[] = [];
  const pinnedMentees = new Set<string>();
  for (const [menteeId, mentorId] of input.pins) {
    const mentee = mentees.find((candidate) => candidate.id === menteeId);
    const mentor = mentorById.get(mentorId);
    const slots = left.get(mentorId) ?? 0;
    if (!mentee || !mentor || pinnedMentees.has(menteeId) || slots === 0) continue;
    const assessed = assessPair(mentee, mentor, rules, false);
    pairs.push({
      mentee: menteeId,
      mentor: mentorId,
      score: assessed.allowed ? assessed.score : 0,
      terms: assessed.allowed ? assessed.terms : [],
      languages: assessed.allowed ? assessed.languages : [],
      pinned: true,
    });
    pinnedMentees.add(menteeId);
    left.set(mentorId, slots - 1);
  }

  const rows = mentees.filter((mentee) => !pinnedMentees.has(mentee.id));
  const columns = mentors.filter((mentor) => (left.get(mentor.id) ?? 0) > 0);
  const scores = new Int32Array(rows.length * columns.length);
  const allowed = new Uint8Array(rows.length * columns.length);
  const assessments = rows.map((mentee, row) =>
    columns.map((mentor, column) => {
      const assessed = assessPair(mentee, mentor, rules, forbidden.has(pairKey(mentee.id, mentor.id)));
      if (assessed.allowed) {
        allowed[row * columns.length + column] = 1;
        scores[row * columns.length + column] = assessed.score;
      }
      return assessed;
    }),
  );
  const solved = solveAssignment({
    rows: rows.length,
    columns: columns.length,
    capacities: columns.map((mentor) => left.get(mentor.id) ?? 0),
    scores,
    allowed,
  });

  const unmatched: UnmatchedMentee[] = [];
  rows.forEach((mentee, row) => {
    const column = solved.columnOf[row] ?? -1;
    const assessed = assessments[row]?.[column];
    const mentor = columns[column];
    if (column < 0 || !mentor || !assessed?.allowed) {
      unmatched.push({ mentee: mentee.id, reasons: unmatchedReasons(mentee, mentors, rules, forbidden) });
      return;
    }
    pairs.push({
      mentee: mentee.id,
      mentor: mentor.id,
      score: assessed.score,
      terms: assessed.terms,
      languages: assessed.languages,
      pinned: false,
    });
  });
  pairs.sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0));
  return { pairs, unmatched, matched: pairs.length, total: pairs.reduce((sum, pair) => sum + pair.score, 0) };
}
