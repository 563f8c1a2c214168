import { waitlistEntrySchema } from '../core/binomes/waitlist';
import { upgradeWaitlistEntryV1, waitlistEntryV1Schema } from '../core/binomes/waitlist-versions';
import type { PersonalDataHolder, WaitlistRepository } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection, olderShape } from './record-collection';

export function createWaitlistRepository(store: KeyValueStore): WaitlistRepository & PersonalDataHolder {
  const records = createRecordCollection(
    store,
    'waitlist',
    waitlistEntrySchema,
    (entry) => [entry.community.platform, entry.community.id, entry.mentee],
    [olderShape(1, waitlistEntryV1Schema, upgradeWaitlistEntryV1)],
  );
  return {
    section: 'waitlist',
    list: (community) => records.list(community.platform, community.id),
    save: (entry) => records.set(entry),
    remove: (community, mentee) => records.remove(community.platform, community.id, mentee),
    exportFor: async (participant) => (await records.find(participant.platform, participant.communityId, participant.userId)) ?? null,
    eraseFor: (participant) => records.remove(participant.platform, participant.communityId, participant.userId),
  };
}
