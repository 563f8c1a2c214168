import type { Binome } from '../binomes/binome';
import { isActiveBinome } from '../binomes/binome';
import type { WaitlistEntry } from '../binomes/waitlist';
import type { Cycle, CycleState } from '../cycles/cycle';
import { type FeedbackAnswer, MIN_ANSWERS_SHOWN } from '../feedback/feedback';
import { type CheckIn, hasMet, type RoundOutcome, roundOutcome } from '../follow-up/check-in';
import type { FitConcern } from '../follow-up/fit-concern';
import type { Pause } from '../follow-up/pause';
import type { Enrolment } from '../participants/enrolment';
import type { Report, ReportStatus } from '../reports/report';

/** Everything a cycle's figures are read from: the community's records, as the repositories list them. */
export interface CycleStatsInput {
  readonly cycle: Cycle;
  /** The community's latest cycle: "enrolled" and "unmatched" then mean now (see `cycleStats`). */
  readonly current: boolean;
  readonly now: Date;
  readonly enrolments: readonly Enrolment[];
  readonly binomes: readonly Binome[];
  readonly waitlist: readonly WaitlistEntry[];
  readonly checkIns: readonly CheckIn[];
  readonly pauses: readonly Pause[];
  readonly fitConcerns: readonly FitConcern[];
  readonly reports: readonly Report[];
  /** This cycle's feedback answers (anonymous). */
  readonly feedback: readonly FeedbackAnswer[];
}

export interface RoundTally {
  readonly round: number;
  readonly met: number;
  readonly notYet: number;
  readonly help: number;
  readonly none: number;
}

export interface ReportTally {
  readonly category: string;
  readonly received: number;
  readonly inProgress: number;
  readonly resolved: number;
}

/** Feedback figures, or only that there are too few answers to show any (not even how many). */
export type FeedbackStats =
  | { readonly shown: false }
  | { readonly shown: true; readonly answers: number; readonly satisfactionMean: number; readonly recommendPercent: number };

export interface CycleStats {
  readonly cycle: { readonly sequence: number; readonly name: string; readonly state: CycleState };
  readonly current: boolean;
  readonly enrolled: { readonly mentors: number; readonly mentees: number };
  /** People who were one of a pair in a binôme of the cycle (for the funnel). */
  readonly matchedPeople: number;
  /** People of binômes that said at least once they met. */
  readonly metPeople: number;
  readonly binomes: { readonly active: number; readonly ended: number };
  /** Current cycle only: active mentorés without an active binôme (not yet in a round, or left out). */
  readonly unmatched: number | undefined;
  /** On the waiting list: now for the current cycle; for a past one, those put on it during the cycle and still there. */
  readonly waiting: number;
  readonly checkIns: {
    readonly posted: number;
    readonly answered: number;
    readonly metRounds: number;
    readonly binomesMet: number;
    readonly rounds: readonly RoundTally[];
  };
  readonly pauses: { readonly started: number; readonly asked: number; readonly noAnswer: number };
  readonly fitConcerns: { readonly said: number; readonly binomes: number };
  readonly reports: { readonly total: number; readonly byCategory: readonly ReportTally[] };
  readonly feedback: FeedbackStats;
}

const within = (iso: string, from: number, to: number) => {
  const at = Date.parse(iso);
  return at >= from && at < to;
};

const TALLY_OF: Record<RoundOutcome, keyof Omit<RoundTally, 'round'>> = { met: 'met', 'not-yet': 'notYet', help: 'help', none: 'none' };
const STATUS_OF: Record<ReportStatus, keyof Omit<ReportTally, 'category'>> = {
  received: 'received',
  'in-progress': 'inProgress',
  resolved: 'resolved',
};

/**
 * A cycle in figures, counts only: no name, no text, no reference leaves this function, and
 * feedback is summarised only from MIN_ANSWERS_SHOWN answers (comments are never read here).
 *
 * Enrolments are not per cycle (one per person, kept across cycles), so "enrolled" reads:
 * - for the current cycle, the active enrolments now, by role;
 * - for a past cycle, the distinct mentors and mentorés of its binômes, plus the mentorés put on
 *   the waiting list during it and still there (enrolled then, never matched).
 * The cycle's time span (for pauses, reports and the waiting list) runs from its opening to its
 * closing, or to now while it is open.
 */
export function cycleStats(input: CycleStatsInput): CycleStats {
  const { cycle, current } = input;
  const from = Date.parse(cycle.openedAt);
  const to = cycle.closedAt ? Date.parse(cycle.closedAt) : input.now.getTime() + 1;
  const binomes = input.binomes.filter((binome) => binome.community.id === cycle.community.id && binome.cycle === cycle.sequence);
  const ids = new Set(binomes.map((binome) => binome.id));
  const mentees = new Set(binomes.map((binome) => binome.mentee));
  const mentors = new Set(binomes.map((binome) => binome.mentor));

  const waitlistedDuring = input.waitlist.filter((entry) => within(entry.since, from, to));
  const active = input.enrolments.filter((enrolment) => enrolment.status === 'active');
  const enrolled = current
    ? {
        mentors: active.filter((enrolment) => enrolment.profile.role === 'mentor').length,
        mentees: active.filter((enrolment) => enrolment.profile.role === 'mentee').length,
      }
    : { mentors: mentors.size, mentees: new Set([...mentees, ...waitlistedDuring.map((entry) => entry.mentee)]).size };

  const activeMentees = new Set(binomes.filter(isActiveBinome).map((binome) => binome.mentee));
  // A closed cycle has no running binômes: "without a binôme" would count everyone.
  const unmatched =
    current && input.cycle.state !== 'closed'
      ? active.filter((enrolment) => enrolment.profile.role === 'mentee' && !activeMentees.has(enrolment.participant.userId)).length
      : undefined;

  const checkIns = input.checkIns.filter((checkIn) => ids.has(checkIn.binomeId));
  const byBinome = new Map<string, CheckIn[]>();
  for (const checkIn of checkIns) byBinome.set(checkIn.binomeId, [...(byBinome.get(checkIn.binomeId) ?? []), checkIn]);
  const metBinomes = binomes.filter((binome) => hasMet(byBinome.get(binome.id) ?? []));
  const rounds = new Map<number, { met: number; notYet: number; help: number; none: number }>();
  for (const checkIn of checkIns) {
    const tally = rounds.get(checkIn.round) ?? { met: 0, notYet: 0, help: 0, none: 0 };
    tally[TALLY_OF[roundOutcome(checkIn)]] += 1;
    rounds.set(checkIn.round, tally);
  }
  const roundTallies = [...rounds.entries()].sort(([a], [b]) => a - b).map(([round, tally]) => ({ round, ...tally }));
  const posted = checkIns.length;
  const answered = checkIns.filter((checkIn) => roundOutcome(checkIn) !== 'none').length;

  const pauses = input.pauses.filter((pause) => pause.participant.communityId === cycle.community.id && within(pause.startedAt, from, to));
  const concerns = input.fitConcerns.filter((concern) => ids.has(concern.binomeId));

  const reports = input.reports.filter((report) => within(report.createdAt, from, to));
  const categories = new Map<string, { received: number; inProgress: number; resolved: number }>();
  for (const report of reports) {
    const tally = categories.get(report.category) ?? { received: 0, inProgress: 0, resolved: 0 };
    tally[STATUS_OF[report.status]] += 1;
    categories.set(report.category, tally);
  }

  return {
    cycle: { sequence: cycle.sequence, name: cycle.name, state: cycle.state },
    current,
    enrolled,
    matchedPeople: new Set([...mentees, ...mentors]).size,
    metPeople: new Set(metBinomes.flatMap((binome) => [binome.mentee, binome.mentor])).size,
    binomes: { active: binomes.filter(isActiveBinome).length, ended: binomes.filter((binome) => !isActiveBinome(binome)).length },
    unmatched,
    waiting: current ? input.waitlist.length : waitlistedDuring.length,
    checkIns: {
      posted,
      answered,
      metRounds: roundTallies.reduce((sum, tally) => sum + tally.met, 0),
      binomesMet: metBinomes.length,
      rounds: roundTallies,
    },
    pauses: {
      started: pauses.length,
      asked: pauses.filter((pause) => pause.because === 'asked').length,
      noAnswer: pauses.filter((pause) => pause.because === 'no-answer').length,
    },
    fitConcerns: { said: concerns.length, binomes: new Set(concerns.map((concern) => concern.binomeId)).size },
    reports: {
      total: reports.length,
      byCategory: [...categories.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, tally]) => ({ category, ...tally })),
    },
    feedback: feedbackStats(input.feedback),
  };
}

/** Mean satisfaction (one decimal) and share who would recommend (whole percent), from MIN_ANSWERS_SHOWN answers. */
export function feedbackStats(answers: readonly FeedbackAnswer[]): FeedbackStats {
  if (answers.length < MIN_ANSWERS_SHOWN) return { shown: false };
  const mean = answers.reduce((sum, answer) => sum + answer.satisfaction, 0) / answers.length;
  const recommend = answers.filter((answer) => answer.recommend).length;
  return {
    shown: true,
    answers: answers.length,
    satisfactionMean: Math.round(mean * 10) / 10,
    recommendPercent: Math.round((recommend / answers.length) * 100),
  };
}
