import type { CommunityRef, ParticipantId } from '../../core/identity';
import type { ChatPersonalData } from '../../core/ports';
import type { createTerminalDeliveries } from './terminal-deliveries';
import type { createTerminalSpaces, TerminalSpace } from './terminal-spaces';

/**
 * What the terminal keeps about a person: the spaces of their binômes (named after both members,
 * listing their ids), the spaces they are in as référent, and the record of each message printed
 * to them whose key names them (a waiting-list notice, a report DM).
 */
export function createTerminalPersonalData(
  spaces: ReturnType<typeof createTerminalSpaces>,
  deliveries: ReturnType<typeof createTerminalDeliveries>,
): ChatPersonalData {
  const communityOf = (participant: ParticipantId): CommunityRef => ({ platform: participant.platform, id: participant.communityId });
  const namesThem = (deliveryKey: string, userId: string) => deliveryKey.split('|').includes(userId);

  async function about(participant: ParticipantId, spaceKeys: readonly string[]) {
    const community = communityOf(participant);
    const theirs = (space: TerminalSpace) => spaceKeys.includes(space.key) || space.members.includes(participant.userId);
    const [allSpaces, allDeliveries] = await Promise.all([spaces.list(community), deliveries.keys(community)]);
    return {
      community,
      spaces: allSpaces.filter(theirs),
      deliveries: allDeliveries.filter((key) => namesThem(key, participant.userId)),
    };
  }

  return {
    section: 'terminal',
    async exportFor(participant, spaceKeys) {
      const found = await about(participant, spaceKeys);
      return [...found.spaces.map((space) => ({ kind: 'space', ...space })), ...found.deliveries.map((key) => ({ kind: 'delivery', key }))];
    },
    async eraseFor(participant, spaceKeys) {
      const found = await about(participant, spaceKeys);
      let erased = false;
      for (const space of found.spaces) {
        // The space of their own binôme goes with it; one they followed as référent stays, without them.
        if (spaceKeys.includes(space.key)) erased = (await spaces.remove(found.community, space.key)) || erased;
        else {
          await spaces.save(found.community, { ...space, members: space.members.filter((member) => member !== participant.userId) });
          erased = true;
        }
      }
      for (const key of found.deliveries) erased = (await deliveries.forget(found.community, key)) || erased;
      return erased;
    },
  };
}
