import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import { withEvent } from './report';
import { REPORT_JOBS } from './report-events';
import { withoutTexts } from './report-personal-data';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Planned with the first report of a community, then once a day. */
export async function scheduleRetention(ports: CorePorts, community: CommunityRef): Promise<void> {
  await ports.queue.schedule({
    community,
    kind: REPORT_JOBS.purge,
    key: 'retention',
    payload: {},
    dueAt: new Date(ports.clock.now().getTime() + DAY_MS),
  });
}

/** The day a report resolved on `resolvedAt` is due for purging, `months` later. */
export function purgeDate(resolvedAt: string, months: number): Date {
  const date = new Date(resolvedAt);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/**
 * Resolved reports past the retention keep only what anonymous counts need (category, dates,
 * statuses, the kinds of events): no text, no reporter, no handler.
 */
export const reportRetentionJob: JobHandler = {
  kind: REPORT_JOBS.purge,
  async run(ctx): Promise<JobOutcome> {
    const now = ctx.ports.clock.now();
    for (const report of await ctx.ports.reports.listByCommunity(ctx.community)) {
      if (report.purgedAt || !report.resolvedAt || purgeDate(report.resolvedAt, ctx.programme.reports.retentionMonths) > now) continue;
      if (report.reporter)
        await ctx.ports.reports.forgetReporter(
          { platform: ctx.community.platform, communityId: ctx.community.id, userId: report.reporter },
          report.reference,
        );
      // The binôme names its two members: kept, it would tell which pair the report was about.
      const { handler: _handler, concerns: _concerns, binomeId: _binome, ...kept } = withoutTexts(report);
      const anonymous = {
        ...kept,
        recipients: [],
        history: kept.history.map(({ actor: _actor, to: _to, ...event }) => event),
        purgedAt: now.toISOString(),
      };
      await ctx.ports.reports.save(withEvent(anonymous, { kind: 'purged' }, now));
    }
    return { status: 'reschedule', dueAt: new Date(now.getTime() + DAY_MS), payload: {} };
  },
};
