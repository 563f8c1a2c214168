import { HOUR_MS } from '../calendar';
import type { CorePorts } from '../context';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import type { Programme } from '../programme/programme-schema';
import type { Report } from './report';
import { REPORT_JOBS, tellAbout } from './report-events';
import { escalateToCoordinators } from './report-jobs';
import { updateReport } from './report-store';

/** Planned when a report is filed, and again when it changes hands without anyone taking it (an escalation). */
export async function scheduleDeadline(
  ports: CorePorts,
  programme: Programme,
  report: Report,
  from = new Date(report.createdAt),
): Promise<void> {
  await ports.queue.schedule({
    community: report.community,
    kind: REPORT_JOBS.deadline,
    key: report.reference,
    payload: { reference: report.reference, stage: 'remind' },
    dueAt: new Date(from.getTime() + programme.reports.remindAfterHours * HOUR_MS),
  });
}

/** Nobody holds it and it is still open: never taken, or escalated and not yet taken by a coordinator. */
const untaken = (report: Report | undefined): report is Report =>
  report !== undefined && !report.handler && report.status !== 'resolved' && !report.purgedAt;

/**
 * A report nobody took: first its recipients are reminded, then, after the second delay, it
 * goes to the coordinators by itself (or, already theirs, they are reminded again). Taking it
 * before either moment makes the job end without a word.
 */
export const reportDeadlineJob: JobHandler = {
  kind: REPORT_JOBS.deadline,
  async run(ctx, job): Promise<JobOutcome> {
    const reference = job.payload.reference ?? '';
    const report = await ctx.ports.reports.find(ctx.community, reference);
    if (!untaken(report)) return { status: 'done' };
    if (job.payload.stage === 'remind' || report.route === 'coordinators') {
      const updated = await updateReport(ctx.ports, ctx.community, reference, (stored) =>
        untaken(stored) ? { report: stored, events: [{ kind: 'reminded' }] } : undefined,
      );
      const event = updated?.events[0];
      if (updated && event) await tellAbout(ctx.ports, updated.report, event);
      if (job.payload.stage !== 'remind') return { status: 'done' };
      const dueAt = new Date(ctx.ports.clock.now().getTime() + ctx.programme.reports.escalateAfterHours * HOUR_MS);
      return { status: 'reschedule', dueAt, payload: { reference, stage: 'escalate' } };
    }
    await escalateToCoordinators(ctx.ports, report, 'deadline');
    return { status: 'done' };
  },
};

/** Cancels what a report no longer needs (taken or resolved before its deadline). */
export async function cancelDeadline(ports: CorePorts, report: Report): Promise<void> {
  await ports.queue.cancel(report.community, REPORT_JOBS.deadline, report.reference);
}
