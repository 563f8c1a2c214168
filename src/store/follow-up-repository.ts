import { checkInSchema } from '../core/follow-up/check-in';
import { fitConcernSchema } from '../core/follow-up/fit-concern';
import { pauseSchema } from '../core/follow-up/pause';
import type { CheckInRepository, FitConcernRepository, PauseRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const roundSegment = (round: number) => String(round).padStart(4, '0');

/** Check-in rounds, one record per binôme and round; answers name who answered, so they are personal data. */
export function createCheckInRepository(store: KeyValueStore): CheckInRepository & PersonalDataHolder {
  const records = createRecordCollection(store, 'check-in', checkInSchema, (checkIn) => [
    checkIn.community.platform,
    checkIn.community.id,
    checkIn.binomeId,
    roundSegment(checkIn.round),
  ]);
  const answeredBy = async (participant: { platform: 'terminal' | 'discord' | 'slack'; communityId: string; userId: string }) =>
    (await records.list(participant.platform, participant.communityId)).filter((checkIn) =>
      checkIn.answers.some((answer) => answer.by === participant.userId),
    );
  return {
    section: 'checkIns',
    find: (community, binomeId, round) => records.find(community.platform, community.id, binomeId, roundSegment(round)),
    listForBinome: (community, binomeId) => records.list(community.platform, community.id, binomeId),
    listByCommunity: (community) => records.list(community.platform, community.id),
    add: (checkIn) => records.add(checkIn),
    save: (checkIn) => records.set(checkIn),
    async exportFor(participant) {
      return (await answeredBy(participant)).map((checkIn) => ({
        binomeId: checkIn.binomeId,
        round: checkIn.round,
        postedAt: checkIn.postedAt,
        answers: checkIn.answers.filter((answer) => answer.by === participant.userId),
      }));
    },
    /** The rounds stay (the binôme's history, counted in stats); the person's answers lose their name. */
    async eraseFor(participant) {
      const theirs = await answeredBy(participant);
      for (const checkIn of theirs) {
        await records.set({
          ...checkIn,
          answers: checkIn.answers.map((answer) => (answer.by === participant.userId ? { ...answer, by: ERASED } : answer)),
        });
      }
      return theirs.length > 0;
    },
  };
}

/** What an erased person's answers are signed with: counts stay right, nobody is named. */
export const ERASED = 'erased';

const startSegment = (startedAt: string) => String(Date.parse(startedAt)).padStart(15, '0');

export function createPauseRepository(store: KeyValueStore): PauseRepository & PersonalDataHolder {
  const records = createRecordCollection(store, 'pause', pauseSchema, (pause) => [
    pause.participant.platform,
    pause.participant.communityId,
    pause.participant.userId,
    startSegment(pause.startedAt),
  ]);
  return {
    section: 'pauses',
    listFor: (participant) => records.list(participant.platform, participant.communityId, participant.userId),
    listByCommunity: (community) => records.list(community.platform, community.id),
    save: (pause) => records.set(pause),
    exportFor: (participant) => records.list(participant.platform, participant.communityId, participant.userId),
    async eraseFor(participant) {
      const theirs = await records.list(participant.platform, participant.communityId, participant.userId);
      for (const pause of theirs) {
        await records.remove(participant.platform, participant.communityId, participant.userId, startSegment(pause.startedAt));
      }
      return theirs.length > 0;
    },
  };
}

export function createFitConcernRepository(store: KeyValueStore): FitConcernRepository & PersonalDataHolder {
  const records = createRecordCollection(store, 'fit-concern', fitConcernSchema, (concern) => [
    concern.community.platform,
    concern.community.id,
    concern.binomeId,
    concern.by,
  ]);
  const theirs = async (participant: { platform: 'terminal' | 'discord' | 'slack'; communityId: string; userId: string }) =>
    (await records.list(participant.platform, participant.communityId)).filter((concern) => concern.by === participant.userId);
  return {
    section: 'fitConcerns',
    listForBinome: (community, binomeId) => records.list(community.platform, community.id, binomeId),
    listByCommunity: (community) => records.list(community.platform, community.id),
    add: (concern) => records.add(concern),
    save: (concern) => records.set(concern),
    remove: (concern) => records.remove(concern.community.platform, concern.community.id, concern.binomeId, concern.by),
    exportFor: theirs,
    async eraseFor(participant) {
      const found = await theirs(participant);
      for (const concern of found) await records.remove(concern.community.platform, concern.community.id, concern.binomeId, concern.by);
      return found.length > 0;
    },
  };
}
