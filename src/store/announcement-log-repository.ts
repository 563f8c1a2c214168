import { binomeSubject, type StepAttempt, stepAttemptSchema } from '../core/binomes/announcement-log';
import { isMemberOf } from '../core/binomes/binome';
import type { ParticipantId } from '../core/identity';
import type { AnnouncementLog, BinomeRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const attemptSegment = (attempt: number) => String(attempt).padStart(4, '0');

/**
 * One key per attempt at one step: claiming an attempt is an `add`, so exactly one run gets it.
 * It reads the binômes to find a person's: their erasure must come before the binômes'.
 */
export function createAnnouncementLogRepository(
  store: KeyValueStore,
  binomes: Pick<BinomeRepository, 'listByCommunity'>,
): AnnouncementLog & PersonalDataHolder {
  const records = createRecordCollection(store, 'announcement', stepAttemptSchema, (attempt) => [
    attempt.community.platform,
    attempt.community.id,
    attempt.subject,
    attempt.step,
    attemptSegment(attempt.attempt),
  ]);
  // `waitlist:<round>:<mentee>`: the mentee is everything after the round, ids holding ':' included.
  const aboutWaitlisted = (attempt: StepAttempt, userId: string) => /^waitlist:\d+:(.*)$/s.exec(attempt.subject)?.[1] === userId;

  /** Notices to them on the waiting list, and the steps of their binômes, whose space is named after both members. */
  async function about(participant: ParticipantId): Promise<StepAttempt[]> {
    const { platform, communityId, userId } = participant;
    const [attempts, known] = await Promise.all([
      records.list(platform, communityId),
      binomes.listByCommunity({ platform, id: communityId }),
    ]);
    const theirs = new Set(known.filter((binome) => isMemberOf(binome, userId)).map((binome) => binomeSubject(binome.id)));
    return attempts.filter((attempt) => aboutWaitlisted(attempt, userId) || theirs.has(attempt.subject));
  }

  return {
    section: 'announcements',
    list: (community) => records.list(community.platform, community.id),
    claim: (attempt) => records.add(attempt),
    finish: (attempt) => records.set(attempt),
    exportFor: about,
    async eraseFor(participant) {
      let erased = false;
      for (const attempt of await about(participant)) erased = (await store.delete(records.keyOf(attempt))) || erased;
      return erased;
    },
  };
}
