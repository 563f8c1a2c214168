import { randomUUID } from 'node:crypto';
import { feedbackAnswerSchema, feedbackClaimSchema } from '../core/feedback/feedback';
import type { FeedbackRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const cycleSegment = (cycle: number) => String(cycle).padStart(4, '0');

/**
 * Claims (`feedback-claim`, keyed by person and cycle) and answers (`feedback-answer`, keyed by
 * cycle and a random id) are two kinds of record: nothing in an answer, its key or its order
 * leads back to a claim. Erasure forgets the claim; the anonymous answer stays in the counts.
 */
export function createFeedbackRepository(store: KeyValueStore): FeedbackRepository & PersonalDataHolder {
  const claims = createRecordCollection(store, 'feedback-claim', feedbackClaimSchema, (claim) => [
    claim.participant.platform,
    claim.participant.communityId,
    claim.participant.userId,
    cycleSegment(claim.cycle),
  ]);
  const answers = createRecordCollection(store, 'feedback-answer', feedbackAnswerSchema, (answer) => [
    answer.community.platform,
    answer.community.id,
    cycleSegment(answer.cycle),
    answer.id,
  ]);
  return {
    section: 'feedback',
    claim: (participant, cycle) => claims.add({ schemaVersion: 1, participant, cycle }),
    async release(participant, cycle) {
      await claims.remove(participant.platform, participant.communityId, participant.userId, cycleSegment(cycle));
    },
    async hasAnswered(participant, cycle) {
      return (await claims.find(participant.platform, participant.communityId, participant.userId, cycleSegment(cycle))) !== undefined;
    },
    async addAnswer(answer) {
      await answers.add({ ...answer, schemaVersion: 1, id: randomUUID() });
    },
    listAnswers: (community, cycle) => answers.list(community.platform, community.id, cycleSegment(cycle)),
    /** Only that they answered, per cycle: the answer itself is nobody's to export. */
    async exportFor(participant) {
      const theirs = await claims.list(participant.platform, participant.communityId, participant.userId);
      return theirs.map((claim) => ({ cycle: claim.cycle, answered: true }));
    },
    async eraseFor(participant) {
      const theirs = await claims.list(participant.platform, participant.communityId, participant.userId);
      for (const claim of theirs)
        await claims.remove(participant.platform, participant.communityId, participant.userId, cycleSegment(claim.cycle));
      return theirs.length > 0;
    },
  };
}
