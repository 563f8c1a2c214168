import type { CorePorts, UseCaseContext } from '../context';
import type { CommunityRef } from '../identity';
import { STALE_ATTEMPT_MS } from './announcement-steps';

export const ANNOUNCE_JOB = 'binomes.announce';
const KEY = 'announce';

/**
 * The safety net of a running announcement: due once the steps of a stopped run would be taken
 * for stopped (STALE_ATTEMPT_MS), so that a run cut by a restart is finished by the job layer
 * instead of waiting for a coordinator to type the command again. A run that ends cancels it.
 */
export async function scheduleAnnouncementResume(ctx: UseCaseContext): Promise<void> {
  await ctx.ports.queue.schedule({
    community: ctx.community,
    kind: ANNOUNCE_JOB,
    key: KEY,
    payload: { requestedBy: ctx.actor.id.userId, locale: ctx.locale },
    dueAt: new Date(ctx.ports.clock.now().getTime() + STALE_ATTEMPT_MS),
  });
}

export async function cancelAnnouncementResume(ports: CorePorts, community: CommunityRef): Promise<void> {
  await ports.queue.cancel(community, ANNOUNCE_JOB, KEY);
}

/** The next look, when a run is still under way here or was stopped again. */
export const nextResumeAt = (ports: CorePorts): Date => new Date(ports.clock.now().getTime() + STALE_ATTEMPT_MS);
