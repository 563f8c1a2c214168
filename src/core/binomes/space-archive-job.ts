import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobHandler } from '../jobs/job-handler';
import { archiveBinomeSpace, tellCoordinatorsOfSpaceProblems } from './binome-ending';

export const SPACE_ARCHIVE_JOB = 'space.archive';

/** A missing permission or archive category takes a person to fix: retried for about a day, as coordinators' posts are. */
const ARCHIVE_ATTEMPTS = 50;

/**
 * Plans the archiving of a binôme's space (at the end of its cycle): one job per binôme, payload its
 * id only; scheduling it again while it is pending keeps the one job.
 */
export function scheduleSpaceArchive(ports: CorePorts, community: CommunityRef, binomeId: string, dueAt: Date): Promise<boolean> {
  return ports.queue.schedule({ community, kind: SPACE_ARCHIVE_JOB, key: binomeId, payload: { binome: binomeId }, dueAt });
}

/**
 * Posts the end notice if nobody did, then archives the space. A refusal the coordinators must fix
 * (a permission, the archive category) is told to them once, on the first failed run, and the job
 * tries again until it works or its attempts run out (then they are told again); a space that is gone
 * has nothing to archive.
 */
export const spaceArchiveJob: JobHandler = {
  kind: SPACE_ARCHIVE_JOB,
  maxAttempts: ARCHIVE_ATTEMPTS,
  async run(ctx, job): Promise<JobOutcome> {
    const binome = await ctx.ports.binomes.find(ctx.community, job.payload.binome ?? '');
    if (!binome) return { status: 'done' };
    const outcome = await archiveBinomeSpace(ctx.ports, ctx.community, ctx.programme, binome);
    if (outcome.problems.length === 0) return { status: 'done' };
    // Told on the first failure, not at every retry: a day of retries must not fill their space.
    if (ctx.attempt === 1) {
      await tellCoordinatorsOfSpaceProblems(
        ctx.ports,
        ctx.community,
        ctx.programme,
        outcome.problems,
        `space-archive-problems:${binome.id}`,
      );
    }
    const first = outcome.problems[0];
    return {
      status: 'retry',
      error: `space ${first?.action}: ${first?.failure.reason}${first?.failure.detail ? ` (${first.failure.detail})` : ''}`,
    };
  },
  /** Still refused after all its attempts: the coordinators hear it once more, as the last word. */
  async exhausted(ctx, job) {
    const binome = await ctx.ports.binomes.find(ctx.community, job.payload.binome ?? '');
    if (!binome) return;
    const outcome = await archiveBinomeSpace(ctx.ports, ctx.community, ctx.programme, binome);
    await tellCoordinatorsOfSpaceProblems(ctx.ports, ctx.community, ctx.programme, outcome.problems, `space-archive-gave-up:${binome.id}`, {
      gaveUp: true,
    });
  },
};
