import { type Assignment, solveScoredRows } from './assignment';
import type { MatchingInput, MatchingRules, MenteeCandidate, MentorCandidate } from './candidates';
import { assessPair, type BlockedBecause, type ScoreTerm } from './compatibility';
import { blockedReason, pairOutcome, rowOutcomes } from './pair-scores';
import { type PreparedPairings, preparePairings } from './prepare-pairings';

export interface ProposedPair {
  readonly mentee: string;
  readonly mentor: string;
  readonly score: number;
  readonly terms: readonly ScoreTerm[];
  readonly languages: readonly string[];
  /** Set by a coordinator: kept whatever the score. */
  readonly pinned: boolean;
}

/** Why a mentoré got nobody: every mentor blocked by a hard rule (each rule counted), or all compatible ones full. */
export type UnmatchedReason =
  | { readonly kind: 'blocked'; readonly because: BlockedBecause; readonly mentors: number }
  | { readonly kind: 'compatible-mentors-full'; readonly mentors: number }
  | { readonly kind: 'no-mentor' };

export interface UnmatchedMentee {
  readonly mentee: string;
  readonly reasons: readonly UnmatchedReason[];
}

export interface Proposal {
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly UnmatchedMentee[];
  readonly matched: number;
  readonly total: number;
}

/** Why a mentoré got nobody, from every mentor's outcome with them (full mentors included). */
function unmatchedReasons(prepared: PreparedPairings, mentee: number, outcomes: Int32Array, mark: Int8Array): readonly UnmatchedReason[] {
  if (prepared.mentors.length === 0) return [{ kind: 'no-mentor' }];
  rowOutcomes(prepared.compiled, mentee, outcomes, mark);
  const blocked = new Map<BlockedBecause, number>();
  let compatible = 0;
  for (const outcome of outcomes) {
    if (outcome >= 0) compatible += 1;
    else blocked.set(blockedReason(outcome), (blocked.get(blockedReason(outcome)) ?? 0) + 1);
  }
  if (compatible > 0) return [{ kind: 'compatible-mentors-full', mentors: compatible }];
  return [...blocked.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([because, count]) => ({ kind: 'blocked', because, mentors: count }) as const);
}

/**
 * The pairs the solver chose, in words: assessPair gives the terms of these pairs only. It
 * must agree with the compiled score the solver used; a difference is a bug in pair-scores.ts,
 * and a proposal built on wrong scores must not reach a coordinator.
 */
export function buildProposal(prepared: PreparedPairings, solved: Assignment, rules: MatchingRules): Proposal {
  const { mentees, mentors, compiled, rowMentee, columnMentor } = prepared;
  const pairs: ProposedPair[] = prepared.pinned.map((pair) => ({ ...pair, pinned: true }));
  const unmatched: UnmatchedMentee[] = [];
  const outcomes = new Int32Array(mentors.length);
  const mark = new Int8Array(mentors.length);
  for (let row = 0; row < rowMentee.length; row++) {
    const menteeAt = rowMentee[row] as number;
    const mentee = mentees[menteeAt] as MenteeCandidate;
    const column = solved.columnOf[row] as number;
    if (column < 0) {
      unmatched.push({ mentee: mentee.id, reasons: unmatchedReasons(prepared, menteeAt, outcomes, mark) });
      continue;
    }
    const mentorAt = columnMentor[column] as number;
    const mentor = mentors[mentorAt] as MentorCandidate;
    const compiledScore = pairOutcome(compiled, menteeAt, mentorAt);
    const assessed = assessPair(mentee, mentor, rules, false);
    if (!assessed.allowed || assessed.score !== compiledScore) {
      throw new Error(
        `matching: the compiled score of (${mentee.id}, ${mentor.id}) is ${compiledScore}, assessPair gives ${assessed.allowed ? assessed.score : assessed.blockedBecause}`,
      );
    }
    pairs.push({
      mentee: mentee.id,
      mentor: mentor.id,
      score: assessed.score,
      terms: assessed.terms,
      languages: assessed.languages,
      pinned: false,
    });
  }
  pairs.sort((a, b) => (a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0));
  return { pairs, unmatched, matched: pairs.length, total: pairs.reduce((sum, pair) => sum + pair.score, 0) };
}

/**
 * The best pairs for everyone at once: first as many mentorés matched as possible, then the
 * highest total compatibility, respecting capacities, hard rules and coordinators' pins and
 * forbids. Deterministic: people are taken in id order, so the same input gives the same pairs.
 */
export function proposePairings(input: MatchingInput, rules: MatchingRules): Proposal {
  const prepared = preparePairings(input, rules);
  return buildProposal(prepared, solveScoredRows(prepared.problem), rules);
}
