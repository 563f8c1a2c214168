import type { ParticipantId } from '../../core/identity';
import type { ChatPersonalData } from '../../core/ports';
import type { KeyValueStore } from '../../store/key-value-store';
import { createSlackSpaceRecords, type SlackSpaceRecord } from './slack-spaces';

/**
 * What the Slack adapter keeps about a person: the record of each of their binômes' channels
 * (its name holds both members' names). Erasure forgets the record; the channel itself stays in
 * the workspace, where its members and the workspace's owners manage it.
 */
export function createSlackPersonalData(store: KeyValueStore): ChatPersonalData {
  const records = createSlackSpaceRecords(store);

  async function theirs(participant: ParticipantId, spaceKeys: readonly string[]): Promise<SlackSpaceRecord[]> {
    const community = { platform: participant.platform, id: participant.communityId };
    const found = await Promise.all(spaceKeys.map((key) => records.find(community, key)));
    return found.filter((record) => record !== undefined);
  }

  return {
    section: 'slack',
    async exportFor(participant, spaceKeys) {
      return (await theirs(participant, spaceKeys)).map((record) => ({ kind: 'space', ...record }));
    },
    async eraseFor(participant, spaceKeys) {
      const community = { platform: participant.platform, id: participant.communityId };
      let erased = false;
      for (const record of await theirs(participant, spaceKeys)) erased = (await records.remove(community, record.key)) || erased;
      return erased;
    },
  };
}
