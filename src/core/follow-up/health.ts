import { type CheckIn, roundOutcome, trailingRounds } from './check-in';

export const HEALTH_STATES = ['on-track', 'needs-check-in', 'at-risk'] as const;
export type BinomeHealth = (typeof HEALTH_STATES)[number];

/** What a binôme's health is read from: its check-in rounds, and counts from pauses, concerns and reports. */
export interface HealthFacts {
  readonly checkIns: readonly CheckIn[];
  /** Members of the pair paused now. */
  readonly pausedMembers: number;
  /** Open "not a good fit" concerns about it. */
  readonly openFitConcerns: number;
  /** Reports about it not yet resolved (counts only: health never reads a report's text). */
  readonly openReports: number;
}

/**
 * At risk: a concern is open (report, "not a good fit"), a member is paused, the latest round asked
 * for help, or two rounds in a row went unanswered or said "not yet". Needs a check-in: the latest
 * round is unanswered or "not yet". On track otherwise, a binôme not yet asked included.
 */
export function binomeHealth(facts: HealthFacts): BinomeHealth {
  const { checkIns } = facts;
  const latest = [...checkIns].sort((a, b) => a.round - b.round).at(-1);
  const latestOutcome = latest ? roundOutcome(latest) : undefined;
  if (facts.openReports > 0 || facts.openFitConcerns > 0 || facts.pausedMembers > 0) return 'at-risk';
  if (latestOutcome === 'help') return 'at-risk';
  if (trailingRounds(checkIns, (checkIn) => roundOutcome(checkIn) === 'none') >= 2) return 'at-risk';
  if (trailingRounds(checkIns, (checkIn) => roundOutcome(checkIn) === 'not-yet') >= 2) return 'at-risk';
  if (latestOutcome === 'none' || latestOutcome === 'not-yet') return 'needs-check-in';
  return 'on-track';
}
