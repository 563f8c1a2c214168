import type { Binome } from '../binomes/binome';
import type { CorePorts } from '../context';
import type { Job, JobOutcome } from '../jobs/job';
import type { JobContext, JobHandler } from '../jobs/job-handler';
import { localeOf } from '../people';
import type { Report, ReportEvent } from './report';
import { REPORT_JOBS, tellAbout } from './report-events';
import { guardedSpaceNotice, handlingNotice, reporterNotice, showsText } from './report-notices';
import { coordinationSpaceRequest } from './report-routing';
import { updateReport } from './report-store';
import { spaceMayShowText } from './report-visibility';

/** Coordinators' space posts are retried for about a day: a missing permission takes a person to fix. */
const POST_ATTEMPTS = 50;

async function loadEvent(ctx: JobContext, job: Job): Promise<{ report: Report; event: ReportEvent; binome?: Binome } | undefined> {
  const reference = job.payload.reference ?? '';
  const report = await ctx.ports.reports.find(ctx.community, reference);
  const event = report?.history[Number(job.payload.event)];
  if (!report || !event || report.purgedAt) return undefined;
  const binome = report.binomeId ? await ctx.ports.binomes.find(ctx.community, report.binomeId) : undefined;
  return { report, event, ...(binome ? { binome } : {}) };
}

/** Records who saw the text, and, for a first delivery to a référent, that it reached them. */
async function recordShown(
  ctx: JobContext,
  report: Report,
  to: string | undefined,
  firstDelivery: boolean,
  textShown = true,
): Promise<void> {
  await updateReport(ctx.ports, ctx.community, report.reference, (stored) => ({
    report: to && firstDelivery && !stored.recipients.includes(to) ? { ...stored, recipients: [...stored.recipients, to] } : stored,
    events: [
      ...(firstDelivery ? [{ kind: 'received' as const, ...(to ? { actor: to } : { detail: 'coordination' }) }] : []),
      ...(textShown ? [{ kind: 'shown' as const, ...(to ? { actor: to, detail: 'dm' } : { detail: 'coordination' }) }] : []),
    ],
  }));
}

/** The report goes to the coordinators after all (its référent cannot be reached). */
export async function escalateToCoordinators(
  ports: CorePorts,
  report: Report,
  detail: string,
  actor?: string,
  text?: string,
): Promise<void> {
  // Escalating is a change of handler: the coordinators now take it, the earlier one keeps seeing it.
  const updated = await updateReport(ports, report.community, report.reference, ({ handler: _earlier, ...stored }) => ({
    report: { ...stored, route: 'coordinators' },
    events: [{ kind: 'escalated', detail, ...(actor ? { actor } : {}), ...(text ? { text } : {}) }],
  }));
  const event = updated?.events[0];
  if (updated && event) await tellAbout(ports, updated.report, event);
}

const isHandlerSide = (report: Report, event: ReportEvent, to: string) =>
  to !== report.reporter && (event.kind === 'filed' || event.kind === 'reassigned');

export const reportDmJob: JobHandler = {
  kind: REPORT_JOBS.dm,
  async run(ctx, job): Promise<JobOutcome> {
    const loaded = await loadEvent(ctx, job);
    const to = job.payload.to;
    if (!loaded || !to) return { status: 'done' };
    const { report, event, binome } = loaded;
    const locale = to === report.reporter ? report.reporterLocale : await localeOf(ctx.ports, ctx.community, ctx.programme, to);
    const message =
      to === report.reporter ? reporterNotice(report, event, locale) : handlingNotice(report, event, binome, ctx.programme, locale);
    if (!message) return { status: 'done' };
    const result = await ctx.ports.chat.sendDirectMessage(ctx.community, to, message, {
      key: `report|${report.reference}|${event.n}|${to}`,
      mayHaveBeenSent: ctx.mayHaveRun || ctx.attempt > 1,
    });
    if (result.ok) {
      if (to !== report.reporter && showsText(event)) await recordShown(ctx, report, to, isHandlerSide(report, event, to));
      return { status: 'done' };
    }
    // A référent who cannot be reached must not leave a report unheard: the coordinators get it.
    if (isHandlerSide(report, event, to)) await escalateToCoordinators(ctx.ports, report, 'unreachable');
    return { status: 'done' };
  },
  async exhausted(ctx, job) {
    const loaded = await loadEvent(ctx, job);
    const to = job.payload.to;
    if (loaded && to && isHandlerSide(loaded.report, loaded.event, to))
      await escalateToCoordinators(ctx.ports, loaded.report, 'delivery-failed');
  },
};

export const reportPostJob: JobHandler = {
  kind: REPORT_JOBS.post,
  maxAttempts: POST_ATTEMPTS,
  async run(ctx, job): Promise<JobOutcome> {
    const loaded = await loadEvent(ctx, job);
    if (!loaded) return { status: 'done' };
    const { report, event, binome } = loaded;
    const opened = await ctx.ports.chat.openPrivateSpace(ctx.community, coordinationSpaceRequest(ctx.programme));
    if (!opened.ok) return { status: 'retry', error: `coordination space: ${opened.reason}${opened.detail ? ` (${opened.detail})` : ''}` };
    const locale = ctx.programme.defaultLocale;
    const showText = spaceMayShowText(report, binome, ctx.programme.access.coordinators.users);
    const message = showText ? handlingNotice(report, event, binome, ctx.programme, locale) : guardedSpaceNotice(report, event, locale);
    const result = await ctx.ports.chat.postInSpace(ctx.community, opened.space.id, message, {
      key: `report|${report.reference}|${event.n}|coordination`,
      mayHaveBeenSent: ctx.mayHaveRun || ctx.attempt > 1,
    });
    if (!result.ok) return { status: 'retry', error: `coordination post: ${result.reason}` };
    if (!showText) await recordShown(ctx, report, undefined, event.kind === 'escalated', false);
    else if (showsText(event)) await recordShown(ctx, report, undefined, event.kind === 'escalated');
    return { status: 'done' };
  },
};
