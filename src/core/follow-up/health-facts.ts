import type { Binome } from '../binomes/binome';
import { countBy } from '../count-by';
import { isOpen, type Report } from '../reports/report';
import type { CheckIn } from './check-in';
import { type FitConcern, isOpenFitConcern } from './fit-concern';
import type { HealthFacts } from './health';
import { isPauseActive, type Pause } from './pause';

/** A community's records that a binôme's health is read from, each listed once. */
export interface FollowUpRecords {
  readonly checkIns: readonly CheckIn[];
  readonly pauses: readonly Pause[];
  readonly fitConcerns: readonly FitConcern[];
  readonly reports: readonly Report[];
}

export interface HealthIndex {
  /** Who is paused now. */
  readonly paused: ReadonlySet<string>;
  /** What `binomeHealth` needs for this binôme, its rounds in order. */
  factsOf(binome: Binome): HealthFacts;
}

/**
 * Groups the records by binôme once, so that the health of every binôme of a community (the pairs
 * list, the weekly digest) costs one pass over each kind of record rather than one per binôme.
 */
export function healthIndex(records: FollowUpRecords, now: Date): HealthIndex {
  const paused = new Set(records.pauses.filter((pause) => isPauseActive(pause, now)).map((pause) => pause.participant.userId));
  const openConcerns = countBy(records.fitConcerns.filter(isOpenFitConcern).map((concern) => concern.binomeId));
  const openReports = countBy(records.reports.flatMap((report) => (report.binomeId && isOpen(report) ? [report.binomeId] : [])));
  const roundsOf = new Map<string, CheckIn[]>();
  for (const checkIn of records.checkIns) roundsOf.set(checkIn.binomeId, [...(roundsOf.get(checkIn.binomeId) ?? []), checkIn]);
  return {
    paused,
    factsOf: (binome) => ({
      checkIns: [...(roundsOf.get(binome.id) ?? [])].sort((a, b) => a.round - b.round),
      pausedMembers: [binome.mentee, binome.mentor].filter((userId) => paused.has(userId)).length,
      openFitConcerns: openConcerns.get(binome.id) ?? 0,
      openReports: openReports.get(binome.id) ?? 0,
    }),
  };
}
