import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import { academicYearName, type Cycle, FIRST_CYCLE_OPENER } from './cycle';

/**
 * The community's current cycle. A community that never had one starts with a first cycle open
 * (so that a new programme works as the README's small round shows, with no set-up step); two
 * processes doing so at once open one, as the number is claimed with `add`.
 */
export async function currentCycle(ports: Pick<CorePorts, 'cycles' | 'clock'>, community: CommunityRef): Promise<Cycle> {
  const latest = await ports.cycles.latest(community);
  if (latest) return latest;
  const now = ports.clock.now();
  const first: Cycle = {
    schemaVersion: 1,
    community,
    sequence: 1,
    name: academicYearName(now),
    state: 'enrolment-open',
    openedAt: now.toISOString(),
    openedBy: FIRST_CYCLE_OPENER,
  };
  if (await ports.cycles.add(first)) return first;
  const claimed = await ports.cycles.latest(community);
  if (!claimed) throw new Error('the first cycle was claimed but cannot be read');
  return claimed;
}
