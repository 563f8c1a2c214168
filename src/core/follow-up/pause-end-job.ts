import { participantIdOf } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import { expirePause, PAUSE_END_JOB } from './pauses';

/**
 * A timed pause ends by itself at its date: the person is told once that they can be proposed and
 * asked again. A pause ended meanwhile (resumed early, cancelled job run anyway) is left alone; a
 * job that runs early (its pause moved) waits for the pause's own date.
 */
export const pauseEndJob: JobHandler = {
  kind: PAUSE_END_JOB,
  async run(ctx, job): Promise<JobOutcome> {
    const userId = job.payload.participant ?? '';
    const startedAt = job.payload.startedAt ?? '';
    const pauses = await ctx.ports.pauses.listFor(participantIdOf(ctx.community, userId));
    const pause = pauses.find((candidate) => candidate.startedAt === startedAt);
    if (!pause?.until) return { status: 'done' };
    // Ended by anything but running out (resumed, withdrawn): nothing to say. Expired already: a
    // rerun after a stop between saving and telling, so the DM goes with mayHaveBeenSent.
    if (pause.endedAt && pause.endedBecause !== 'expired') return { status: 'done' };
    const until = new Date(pause.until);
    if (until.getTime() > ctx.ports.clock.now().getTime()) return { status: 'reschedule', dueAt: until, payload: job.payload };
    await expirePause(ctx.ports, ctx.community, ctx.programme, pause, ctx.mayHaveRun || ctx.attempt > 1 || pause.endedAt !== undefined);
    return { status: 'done' };
  },
};
