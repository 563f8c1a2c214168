import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { Programme } from '../programme/programme-schema';
import type { Pause } from './pause';
import { startPause } from './pauses';

/**
 * Pauses a member who left check-ins unanswered, as `/mentorat pause` would until further notice
 * (their référent is told, and told why). The DM saying how to resume is sent by the check-in
 * round, keyed, so that a restart does not repeat it.
 */
export async function pauseForSilence(ports: CorePorts, community: CommunityRef, programme: Programme, userId: string): Promise<Pause> {
  return (await startPause(ports, community, programme, userId, { because: 'no-answer' })).pause;
}
