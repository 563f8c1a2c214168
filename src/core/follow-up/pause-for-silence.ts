import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import { participantIdOf } from '../identity';
import type { Pause } from './pause';

/**
 * Pauses a member who left check-ins unanswered. Written here, through the repository, until
 * i12-pause's `startPause(ports, community, programme, userId, { because: 'no-answer' })` is on
 * main; then this calls it (its referent notice included). The DM saying how to resume is sent by
 * the check-in round, keyed, so that a restart does not repeat it.
 */
export async function pauseForSilence(ports: CorePorts, community: CommunityRef, userId: string): Promise<Pause> {
  const pause: Pause = {
    schemaVersion: 1,
    participant: participantIdOf(community, userId),
    startedAt: ports.clock.now().toISOString(),
    because: 'no-answer',
  };
  await ports.pauses.save(pause);
  return pause;
}
