import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import { type AnnouncedSpace, binomeSubject } from './announcement-log';

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
