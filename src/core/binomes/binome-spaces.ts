import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import { type AnnouncedSpace, binomeSubject } from './announcement-log';
import { isMemberOf } from './binome';

/** The key a binôme's private space is opened under: the same key finds the same space. */
export const binomeSpaceKey = (binomeId: string): string => `binome-${binomeId}`;

/** The keys of the spaces of the binômes where this person is mentoré·e or mentor (their names are in them). */
export async function spaceKeysOf(ports: CorePorts, community: CommunityRef, userId: string): Promise<string[]> {
  const binomes = await ports.binomes.listByCommunity(community);
  return binomes.filter((binome) => isMemberOf(binome, userId)).map((binome) => binomeSpaceKey(binome.id));
}

/** The private space each binôme got when it was announced, by binôme id. */
export async function announcedSpaces(ports: CorePorts, community: CommunityRef): Promise<Map<string, AnnouncedSpace>> {
  const spaces = new Map<string, AnnouncedSpace>();
  for (const attempt of await ports.announcements.list(community)) {
    if (attempt.step === 'space' && attempt.state === 'done' && attempt.space && attempt.subject.startsWith('binome:')) {
      spaces.set(attempt.subject.slice(binomeSubject('').length), attempt.space);
    }
  }
  return spaces;
}
