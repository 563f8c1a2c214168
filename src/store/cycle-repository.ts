import { type Cycle, cycleSchema } from '../core/cycles/cycle';
import type { CycleRepository } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

/** Zero-padded, so that keys sort as numbers do. */
const sequenceSegment = (sequence: number) => String(sequence).padStart(6, '0');

/** One record per cycle, keyed by its number: opening the next one is an `add`, so two coordinators open one. */
export function createCycleRepository(store: KeyValueStore): CycleRepository {
  const records = createRecordCollection(store, 'cycle', cycleSchema, (cycle) => [
    cycle.community.platform,
    cycle.community.id,
    sequenceSegment(cycle.sequence),
  ]);
  return {
    list: (community) => records.list(community.platform, community.id),
    async latest(community) {
      return (await records.list(community.platform, community.id)).at(-1);
    },
    find: (community, sequence) => records.find(community.platform, community.id, sequenceSegment(sequence)),
    add: (cycle: Cycle) => records.add(cycle),
    save: (cycle: Cycle) => records.set(cycle),
  };
}
