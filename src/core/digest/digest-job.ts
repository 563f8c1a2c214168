import { localDate } from '../calendar';
import type { CorePorts } from '../context';
import { formatDate } from '../i18n/format-date';
import type { CommunityRef } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import type { Programme } from '../programme/programme-schema';
import { coordinationSpaceRequest } from '../reports/report-routing';
import { nextWeeklySlot } from './digest-schedule';
import { digestFacts, digestMessage } from './weekly-digest';

export const DIGEST_JOB = 'digest.weekly';
/** One digest job per community: scheduling it again while one is pending changes nothing. */
export const DIGEST_KEY = 'digest';

/** A missing permission in the coordinators' space takes a person to fix: retried for about a day. */
const POST_ATTEMPTS = 50;

/**
 * Makes sure the community's weekly digest is planned (at the next slot), or, with
 * `followUp.digest.enabled: false`, that none is pending. Called when someone enrols (the start
 * of any community's life) and when coordinators read the stats; the queue keeps one job per
 * kind and key, so calling it often, or from two processes, plans one digest.
 */
export async function ensureWeeklyDigest(
  ports: Pick<CorePorts, 'queue' | 'clock'>,
  community: CommunityRef,
  programme: Programme,
  /** Where the first digest's period starts: the enrolment that planned it counts among the new ones. */
  since?: Date,
) {
  const rule = programme.followUp.digest;
  if (!rule.enabled) {
    await ports.queue.cancel(community, DIGEST_JOB, DIGEST_KEY);
    return;
  }
  const now = ports.clock.now();
  await ports.queue.schedule({
    community,
    kind: DIGEST_JOB,
    key: DIGEST_KEY,
    payload: { since: (since ?? now).toISOString() },
    dueAt: nextWeeklySlot(now, programme.timeZone, rule.weekday, rule.hour),
  });
}

/**
 * Posts the week's digest once (its delivery key names the community and the slot's local date,
 * so a run repeated after a crash is recognised) and plans the next one. The period covered runs
 * from the last digest's slot to this one's, so a late run neither skips nor counts twice an
 * enrolment; a week the bot was down is covered by the next digest, which starts where the last ended.
 */
export const weeklyDigestJob: JobHandler = {
  kind: DIGEST_JOB,
  maxAttempts: POST_ATTEMPTS,
  async run(ctx, job): Promise<JobOutcome> {
    const rule = ctx.programme.followUp.digest;
    if (!rule.enabled) return { status: 'done' };
    const slot = new Date(job.dueAt);
    const since = new Date(job.payload.since ?? job.createdAt);
    // Retried for about a day; the last try plans next week's digest from the same start, so the
    // chain never ends and the next digest covers both weeks.
    const failed = (error: string): JobOutcome =>
      ctx.attempt >= POST_ATTEMPTS
        ? {
            status: 'reschedule',
            dueAt: nextWeeklySlot(ctx.ports.clock.now(), ctx.programme.timeZone, rule.weekday, rule.hour),
            payload: { since: since.toISOString() },
          }
        : { status: 'retry', error };
    const opened = await ctx.ports.chat.openPrivateSpace(ctx.community, coordinationSpaceRequest(ctx.programme));
    if (!opened.ok) return failed(`coordination space: ${opened.reason}${opened.detail ? ` (${opened.detail})` : ''}`);
    const locale = ctx.programme.defaultLocale;
    const facts = await digestFacts(ctx.ports, ctx.community, ctx.programme, since, slot);
    const message = digestMessage(facts, formatDate(since.toISOString(), locale, ctx.programme.timeZone), locale);
    const week = localDate(slot, ctx.programme.timeZone);
    const result = await ctx.ports.chat.postInSpace(ctx.community, opened.space.id, message, {
      key: `digest|${ctx.community.platform}|${ctx.community.id}|${week}`,
      mayHaveBeenSent: ctx.mayHaveRun || ctx.attempt > 1,
    });
    if (!result.ok) return failed(`digest post: ${result.reason}`);
    const now = ctx.ports.clock.now();
    return {
      status: 'reschedule',
      dueAt: nextWeeklySlot(now, ctx.programme.timeZone, rule.weekday, rule.hour),
      payload: { since: slot.toISOString() },
    };
  },
};
