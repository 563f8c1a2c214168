import type { CorePorts } from '../context';
import type { Cycle } from '../cycles/cycle';
import { translate } from '../i18n/translate';
import type { CommunityRef } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import { feedbackOpen } from './feedback';
import { tookPartIn } from './feedback-cycle';
import { FEEDBACK_COMMAND_ID } from './feedback-form';

export const FEEDBACK_JOB = 'feedback.ask';

/** The job's key: one per cycle and person, so closing a cycle twice never asks twice. */
export const feedbackJobKey = (cycle: number, userId: string): string => `${cycle}-${userId}`;

/** Planned by the closing of a cycle, for each member of its binômes. */
export async function scheduleFeedbackAsk(
  ports: Pick<CorePorts, 'queue' | 'clock'>,
  community: CommunityRef,
  cycle: Cycle,
  userId: string,
) {
  return ports.queue.schedule({
    community,
    kind: FEEDBACK_JOB,
    key: feedbackJobKey(cycle.sequence, userId),
    payload: { cycle: String(cycle.sequence), participant: userId },
    dueAt: ports.clock.now(),
  });
}

/**
 * The private thank-you with the button that opens the form: sent once (its delivery key names
 * the cycle and the person), and not at all to someone who already answered, withdrew or erased
 * their data, was never one of a pair in the cycle, or once the feedback has closed.
 */
export const feedbackAskJob: JobHandler = {
  kind: FEEDBACK_JOB,
  async run(ctx, job): Promise<JobOutcome> {
    const sequence = Number(job.payload.cycle);
    const userId = job.payload.participant ?? '';
    const cycle = Number.isInteger(sequence) ? await ctx.ports.cycles.find(ctx.community, sequence) : undefined;
    if (!cycle || !userId || !feedbackOpen(cycle, ctx.ports.clock.now())) return { status: 'done' };
    const participant = { platform: ctx.community.platform, communityId: ctx.community.id, userId };
    const enrolment = await ctx.ports.enrolments.find(participant);
    // Someone who withdrew or erased their data is not written to again; `/mentorat avis` stays open to the former.
    if (enrolment?.status !== 'active' || !(await tookPartIn(ctx.ports, ctx.community, sequence, userId))) return { status: 'done' };
    if (await ctx.ports.feedback.hasAnswered(participant, sequence)) return { status: 'done' };
    const locale = enrolment.locale;
    const result = await ctx.ports.chat.sendDirectMessage(
      ctx.community,
      userId,
      {
        text: translate(locale, 'feedback.ask', { cycle: cycle.name, programme: ctx.programme.name[locale] }),
        buttons: [
          {
            action: 'open',
            label: translate(locale, 'feedback.button'),
            style: 'primary',
            args: [String(sequence)],
            command: FEEDBACK_COMMAND_ID,
          },
        ],
      },
      { key: `feedback|${sequence}|${userId}`, mayHaveBeenSent: ctx.mayHaveRun || ctx.attempt > 1 },
    );
    // Closed DMs or a person gone: nothing to retry; `/mentorat avis` stays open to them.
    if (!result.ok && result.reason === 'missing-permission') return { status: 'retry', error: `feedback DM: ${result.reason}` };
    return { status: 'done' };
  },
};
