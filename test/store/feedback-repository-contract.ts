import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { createFeedbackRepository } from '../../src/store/feedback-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { LOCAL, participantIn } from './enrolment-fixture';

const OTHER: CommunityRef = { platform: 'discord', id: '111' };

/** The feedback store on one backend: one claim per person and cycle, answers apart and anonymous. */
export function describeFeedbackRepository(backend: string, open: () => Promise<KeyValueStore>) {
  describe(`feedback on ${backend}`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives the right to answer a cycle to one of two concurrent claims, and back when released', async () => {
      const feedback = createFeedbackRepository(store);
      const alice = participantIn(LOCAL, 'alice');
      const claims = await Promise.all([feedback.claim(alice, 1), feedback.claim(alice, 1)]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await feedback.hasAnswered(alice, 1)).toBe(true);
      expect(await feedback.hasAnswered(alice, 2)).toBe(false);
      await feedback.release(alice, 1);
      expect(await feedback.claim(alice, 1)).toBe(true);
    });

    it('keeps answers per community and cycle under random ids, and erasure forgets only who answered', async () => {
      const feedback = createFeedbackRepository(store);
      await feedback.addAnswer({ community: LOCAL, cycle: 1, satisfaction: 5, recommend: true, comment: 'Très bien' });
      await feedback.addAnswer({ community: LOCAL, cycle: 1, satisfaction: 5, recommend: true, comment: 'Très bien' });
      await feedback.addAnswer({ community: LOCAL, cycle: 2, satisfaction: 1, recommend: false });
      await feedback.addAnswer({ community: OTHER, cycle: 1, satisfaction: 3, recommend: true });
      const first = await feedback.listAnswers(LOCAL, 1);
      expect(first).toHaveLength(2);
      expect(new Set(first.map((answer) => answer.id)).size).toBe(2);
      expect((await feedback.listAnswers(LOCAL, 2)).map((answer) => answer.satisfaction)).toEqual([1]);
      expect((await feedback.listAnswers(OTHER, 1)).map((answer) => answer.satisfaction)).toEqual([3]);

      const bob = participantIn(LOCAL, 'bob');
      await feedback.claim(bob, 1);
      await feedback.claim(bob, 2);
      expect(await feedback.exportFor(bob)).toEqual([
        { cycle: 1, answered: true },
        { cycle: 2, answered: true },
      ]);
      expect(await feedback.eraseFor(bob)).toBe(true);
      expect(await feedback.eraseFor(bob)).toBe(false);
      expect(await feedback.exportFor(bob)).toEqual([]);
      expect(await feedback.listAnswers(LOCAL, 1)).toHaveLength(2);
    });
  });
}
