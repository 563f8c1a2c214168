import type { CorePorts } from '../context';
import type { Report, ReportEvent } from './report';

export const REPORT_JOBS = {
  /** A DM about one event of a report to one person. */
  dm: 'report.dm',
  /** A post about one event of a report in the coordination space. */
  post: 'report.post',
  /** A report nobody took: remind, then escalate. */
  deadline: 'report.deadline',
  /** Resolved reports past the retention lose their texts and people. */
  purge: 'reports.purge',
} as const;

/** The job that tells `to` about event `n` of a report, by DM: one per person and event. */
export const dmJobKey = (reference: string, n: number, to: string): string => `${reference}|${n}|${to}`;

/** Escalations the reporter hears about; the others happened at filing, when they were already told. */
const TOLD_TO_REPORTER = new Set(['button', 'deadline', 'unreachable', 'delivery-failed']);

/** Who hears about an event: people by DM, and whether the coordination space does. */
export function audienceOf(report: Report, event: ReportEvent): { readonly people: string[]; readonly space: boolean } {
  const reporter = report.reporter ? [report.reporter] : [];
  const handlers = report.handler ? [report.handler] : report.recipients;
  const toCoordinators = report.route === 'coordinators';
  switch (event.kind) {
    case 'filed':
      return { people: event.to ? [event.to] : [], space: false };
    case 'escalated':
      return { people: TOLD_TO_REPORTER.has(event.detail ?? '') ? reporter : [], space: true };
    case 'taken': {
      const others = report.recipients.filter((person) => person !== event.actor);
      return { people: [...(event.detail === 'first' ? reporter : []), ...others], space: toCoordinators };
    }
    case 'replied':
    case 'resolved':
      return { people: reporter, space: false };
    case 'reporter-replied':
      return { people: handlers, space: toCoordinators && !report.handler };
    case 'reassigned':
      return { people: [...(event.to ? [event.to] : []), ...reporter], space: false };
    case 'reminded':
      return { people: toCoordinators ? [] : report.recipients, space: toCoordinators };
    case 'closed-by-erasure':
      return { people: handlers, space: toCoordinators && !report.handler };
    default:
      return { people: [], space: false };
  }
}

/** Schedules the messages an event calls for, each a job of its own (retried, never sent twice). */
export async function tellAbout(ports: CorePorts, report: Report, event: ReportEvent): Promise<void> {
  const { people, space } = audienceOf(report, event);
  const payload = { reference: report.reference, event: String(event.n) };
  const dueAt = ports.clock.now();
  for (const to of new Set(people)) {
    await ports.queue.schedule({
      community: report.community,
      kind: REPORT_JOBS.dm,
      key: dmJobKey(report.reference, event.n, to),
      payload: { ...payload, to },
      dueAt,
    });
  }
  if (space)
    await ports.queue.schedule({
      community: report.community,
      kind: REPORT_JOBS.post,
      key: `${report.reference}|${event.n}`,
      payload,
      dueAt,
    });
  ports.queue.nudge();
}
