import { type StepAttempt, stepAttemptSchema } from '../core/binomes/announcement-log';
import type { AnnouncementLog, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const attemptSegment = (attempt: number) => String(attempt).padStart(4, '0');

/** One key per attempt at one step: claiming an attempt is an `add`, so exactly one run gets it. */
export function createAnnouncementLogRepository(store: KeyValueStore): AnnouncementLog & PersonalDataHolder {
  const records = createRecordCollection(store, 'announcement', stepAttemptSchema, (attempt) => [
    attempt.community.platform,
    attempt.community.id,
    attempt.subject,
    attempt.step,
    attemptSegment(attempt.attempt),
  ]);
  // `waitlist:<round>:<mentee>`: the mentee is everything after the round, ids holding ':' included.
  const aboutWaitlisted = (attempt: StepAttempt, userId: string) => /^waitlist:\d+:(.*)$/s.exec(attempt.subject)?.[1] === userId;

  return {
    section: 'announcements',
    list: (community) => records.list(community.platform, community.id),
    claim: (attempt) => records.add(attempt),
    finish: (attempt) => records.set(attempt),
    /** Binôme announcements name no one (the binôme record does); notices to a waitlisted mentoré name them. */
    async exportFor(participant) {
      const attempts = await records.list(participant.platform, participant.communityId);
      return attempts.filter((attempt) => aboutWaitlisted(attempt, participant.userId));
    },
    async eraseFor(participant) {
      let erased = false;
      for (const attempt of await records.list(participant.platform, participant.communityId)) {
        if (aboutWaitlisted(attempt, participant.userId)) erased = (await store.delete(records.keyOf(attempt))) || erased;
      }
      return erased;
    },
  };
}
