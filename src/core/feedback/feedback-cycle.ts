import { isMemberOf } from '../binomes/binome';
import type { CorePorts } from '../context';
import type { Cycle } from '../cycles/cycle';
import type { CommunityRef } from '../identity';
import { feedbackOpen } from './feedback';

/** Whether this person was one of a pair (not a référent) in a binôme of this cycle, ended or not. */
export async function tookPartIn(
  ports: Pick<CorePorts, 'binomes'>,
  community: CommunityRef,
  cycle: number,
  userId: string,
): Promise<boolean> {
  const binomes = await ports.binomes.listByCommunity(community);
  return binomes.some((binome) => binome.cycle === cycle && isMemberOf(binome, userId));
}

/**
 * The cycle whose feedback this person may give now: closed less than FEEDBACK_OPEN_WEEKS ago,
 * one they took part in, latest first. Undefined when there is none (nothing open, or not theirs).
 */
export async function feedbackCycleFor(
  ports: Pick<CorePorts, 'binomes' | 'cycles' | 'clock'>,
  community: CommunityRef,
  userId: string,
): Promise<Cycle | undefined> {
  const now = ports.clock.now();
  const open = (await ports.cycles.list(community)).filter((cycle) => feedbackOpen(cycle, now)).sort((a, b) => b.sequence - a.sequence);
  if (open.length === 0) return undefined;
  const binomes = await ports.binomes.listByCommunity(community);
  return open.find((cycle) => binomes.some((binome) => binome.cycle === cycle.sequence && isMemberOf(binome, userId)));
}
