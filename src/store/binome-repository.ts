import { type Binome, binomeSchema } from '../core/binomes/binome';
import { binomeV1Schema, upgradeBinomeV1 } from '../core/binomes/binome-versions';
import type { BinomeRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection, olderShape } from './record-collection';

/** One key per binôme: creating one never rewrites the others, and ids are claimed with `add`. */
export function createBinomeRepository(store: KeyValueStore): BinomeRepository & PersonalDataHolder {
  const records = createRecordCollection(
    store,
    'binome',
    binomeSchema,
    (binome) => [binome.community.platform, binome.community.id, binome.id],
    [olderShape(1, binomeV1Schema, upgradeBinomeV1)],
  );
  const involving = async (participant: { platform: Binome['community']['platform']; communityId: string; userId: string }) =>
    (await records.list(participant.platform, participant.communityId)).filter(
      (binome) => binome.mentee === participant.userId || binome.mentor === participant.userId || binome.referent === participant.userId,
    );

  return {
    section: 'binomes',
    find: (community, id) => records.find(community.platform, community.id, id),
    listByCommunity: (community) => records.list(community.platform, community.id),
    add: (binome) => records.add(binome),
    save: (binome) => records.set(binome),
    exportFor: involving,
    /** The person's own binômes go; binômes they followed as référent lose their référent. */
    async eraseFor(participant) {
      let erased = false;
      for (const binome of await involving(participant)) {
        if (binome.referent === participant.userId && binome.mentee !== participant.userId && binome.mentor !== participant.userId) {
          const { referent: _gone, ...rest } = binome;
          await records.set(rest);
        } else {
          await records.remove(binome.community.platform, binome.community.id, binome.id);
        }
        erased = true;
      }
      return erased;
    },
  };
}
