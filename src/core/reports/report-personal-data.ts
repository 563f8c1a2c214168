import type { CorePorts } from '../context';
import type { ParticipantId } from '../identity';
import type { PersonalDataHolder } from '../ports';
import type { Report, ReportEvent } from './report';
import { cancelDeadline } from './report-deadlines';
import { dmJobKey, REPORT_JOBS, tellAbout } from './report-events';
import { updateReport } from './report-store';

type Ports = Pick<CorePorts, 'reports' | 'queue' | 'clock' | 'binomes'>;

const communityOf = (participant: ParticipantId) => ({ platform: participant.platform, id: participant.communityId });

/** What is left of a report without its reporter's identity and anyone's words: what counts need. */
export function withoutTexts(report: Report): Report {
  const { reporter: _reporter, description: _description, resolution: _resolution, ...rest } = report;
  return {
    ...rest,
    conversation: [],
    notes: [],
    history: report.history.map(({ text: _text, ...event }): ReportEvent => event),
  };
}

/** The history no longer says who filed or wrote: the events stay, for counts, without the erased person. */
function withoutPerson(report: Report, userId: string): Report {
  return {
    ...report,
    history: report.history.map(
      ({ actor, to, ...event }): ReportEvent => ({
        ...event,
        ...(actor && actor !== userId ? { actor } : {}),
        ...(to && to !== userId ? { to } : {}),
      }),
    ),
  };
}

const involves = (report: Report, userId: string) =>
  report.handler === userId ||
  report.recipients.includes(userId) ||
  report.history.some((event) => event.actor === userId || event.to === userId);

/**
 * "My data" holds my reports as their reporter (texts, statuses, the replies to me, never the
 * notes) and the references of reports I handled, without anyone's words. Erasure takes my
 * identity and every text out of my reports; an open one is closed and its handler told why.
 */
export function createReportDataHolder(ports: Ports): PersonalDataHolder {
  return {
    section: 'reports',
    async exportFor(participant) {
      const filed = (await ports.reports.listByReporter(participant)).map((report) => ({
        reference: report.reference,
        category: report.category,
        status: report.status,
        contact: report.contact,
        createdAt: report.createdAt,
        resolvedAt: report.resolvedAt,
        description: report.description,
        conversation: report.conversation.map(({ at, from, text }) => ({ at, from, text })),
        resolution: report.resolution,
      }));
      const handled = (await ports.reports.listByCommunity(communityOf(participant)))
        .filter((report) => report.reporter !== participant.userId && involves(report, participant.userId))
        .map((report) => report.reference);
      return filed.length === 0 && handled.length === 0 ? undefined : { filed, handled };
    },
    async eraseFor(participant) {
      const mine = await ports.reports.listByReporter(participant);
      for (const report of mine) {
        const open = report.status !== 'resolved';
        const updated = await updateReport(ports as CorePorts, report.community, report.reference, (stored) => ({
          report: {
            ...withoutPerson(withoutTexts(stored), participant.userId),
            ...(open ? { status: 'resolved' as const, resolvedAt: ports.clock.now().toISOString() } : {}),
          },
          events: open ? [{ kind: 'closed-by-erasure' as const }] : [],
        }));
        await ports.reports.forgetReporter(participant, report.reference);
        // A notice still queued for them would reach them after all, shown the report as if they handled it
        // (they are no longer its reporter), and its job keeps their id in the store meanwhile.
        for (const event of updated?.report.history ?? report.history)
          await ports.queue.cancel(report.community, REPORT_JOBS.dm, dmJobKey(report.reference, event.n, participant.userId));
        const closed = updated?.events[0];
        if (updated && closed) {
          await cancelDeadline(ports as CorePorts, updated.report);
          await tellAbout(ports as CorePorts, updated.report, closed);
        }
      }
      return mine.length > 0;
    },
  };
}
