import { type Binome, isActiveBinome } from '../binomes/binome';
import { HOUR_MS } from '../calendar';
import type { CorePorts } from '../context';
import { binomeHealth } from '../follow-up/health';
import { healthIndex } from '../follow-up/health-facts';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { CommunityRef } from '../identity';
import type { Programme } from '../programme/programme-schema';
import { mention, type OutgoingMessage } from '../reply';
import { isOpen, type Report } from '../reports/report';

/** What the digest says, in counts, pairs (mentions) and report references: never a report's text. */
export interface DigestFacts {
  readonly newMentors: number;
  readonly newMentees: number;
  readonly atRisk: readonly Binome[];
  /** References of open reports nobody took within `remindAfterHours` (their first deadline), oldest first. */
  readonly overdue: readonly string[];
}

/** A report past its deadline: still open, nobody took it, and its reminder time has gone by. */
export const isOverdue = (report: Report, programme: Programme, now: Date): boolean =>
  isOpen(report) &&
  !report.handler &&
  !report.purgedAt &&
  Date.parse(report.createdAt) + programme.reports.remindAfterHours * HOUR_MS <= now.getTime();

/** Enrolments created in [since, until), binômes at risk now, reports overdue at `until`. */
export async function digestFacts(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  since: Date,
  until: Date,
): Promise<DigestFacts> {
  const [enrolments, binomes, checkIns, pauses, concerns, reports] = await Promise.all([
    ports.enrolments.listByCommunity(community),
    ports.binomes.listByCommunity(community),
    ports.checkIns.listByCommunity(community),
    ports.pauses.listByCommunity(community),
    ports.fitConcerns.listByCommunity(community),
    ports.reports.listByCommunity(community),
  ]);
  const fresh = enrolments.filter((enrolment) => {
    const at = Date.parse(enrolment.enrolledAt);
    return enrolment.status === 'active' && at >= since.getTime() && at < until.getTime();
  });
  const { factsOf } = healthIndex({ checkIns, pauses, fitConcerns: concerns, reports }, ports.clock.now());
  const atRisk = binomes.filter(isActiveBinome).filter((binome) => binomeHealth(factsOf(binome)) === 'at-risk');
  return {
    newMentors: fresh.filter((enrolment) => enrolment.profile.role === 'mentor').length,
    newMentees: fresh.filter((enrolment) => enrolment.profile.role === 'mentee').length,
    atRisk,
    overdue: reports
      .filter((report) => isOverdue(report, programme, until))
      .sort((a, b) => a.number - b.number)
      .map((report) => report.reference),
  };
}

/**
 * The post in the coordinators' space. References are shown (coordinators may see that a report
 * exists and open it with a command, which asks `reportAccess`); its text never is.
 */
export function digestMessage(facts: DigestFacts, since: string, locale: Locale): OutgoingMessage {
  const lines = [
    translate(locale, 'digest.title', { since }),
    translate(locale, 'digest.enrolments', { mentors: facts.newMentors, mentees: facts.newMentees }),
    translate(locale, 'digest.atRisk', { count: facts.atRisk.length }),
    ...facts.atRisk.map((binome) => translate(locale, 'digest.pair', { mentee: mention(binome.mentee), mentor: mention(binome.mentor) })),
    facts.overdue.length === 0
      ? translate(locale, 'digest.overdue.none')
      : translate(locale, 'digest.overdue', { count: facts.overdue.length, references: facts.overdue.join(', ') }),
    translate(locale, 'digest.hint'),
    ...(facts.overdue[0] ? [translate(locale, 'digest.hint.report', { reference: facts.overdue[0] })] : []),
  ];
  return { text: lines.join('\n') };
}
