import type { CommunityRef } from '../core/identity';
import type { PersonalDataHolder, ReferentRepository } from '../core/ports';
import { referentSchema } from '../core/referents/referent';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

export function createReferentRepository(store: KeyValueStore): ReferentRepository & PersonalDataHolder {
  const records = createRecordCollection(store, 'referent', referentSchema, (referent) => [
    referent.community.platform,
    referent.community.id,
    referent.userId,
  ]);
  const remove = (community: CommunityRef, userId: string) => records.remove(community.platform, community.id, userId);
  return {
    section: 'referent',
    list: (community) => records.list(community.platform, community.id),
    includes: async (community, userId) => (await records.find(community.platform, community.id, userId)) !== undefined,
    add: (referent) => records.add(referent),
    remove,
    exportFor: async (participant) => (await records.find(participant.platform, participant.communityId, participant.userId)) ?? null,
    eraseFor: (participant) => remove({ platform: participant.platform, id: participant.communityId }, participant.userId),
  };
}
