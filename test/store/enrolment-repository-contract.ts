import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRecordError, StoreUnavailableError } from '../../src/core/errors';
import type { CommunityRef } from '../../src/core/identity';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { LOCAL, makeEnrolment, participantIn } from './enrolment-fixture';

/** Every case, on every backend: each `open` gives a store with no records in it yet. */
export function describeEnrolmentRepository(name: string, open: () => Promise<KeyValueStore>): void {
  describe(`the enrolment repository on ${name}`, () => {
    let store: KeyValueStore;
    let repository: ReturnType<typeof createEnrolmentRepository>;
    beforeEach(async () => {
      store = await open();
      repository = createEnrolmentRepository(store);
    });
    afterEach(async () => {
      await store.close();
    });

    const alice = participantIn(LOCAL, 'alice');
    const userIds = (enrolments: Array<{ participant: { userId: string } }>) => enrolments.map((enrolment) => enrolment.participant.userId);

    it('finds the enrolment it saved', async () => {
      const enrolment = makeEnrolment();
      await repository.save(enrolment);
      expect(await repository.find(alice)).toEqual(enrolment);
    });

    it('finds nothing for someone who never enrolled', async () => {
      expect(await repository.find(participantIn(LOCAL, 'nobody'))).toBeUndefined();
    });

    it('keeps one record per participant: saving again replaces the first', async () => {
      await repository.save(makeEnrolment());
      const updated = makeEnrolment({ revision: 2, locale: 'en', updatedAt: '2025-02-01T10:00:00.000Z' });
      await repository.save(updated);
      expect(await repository.find(alice)).toEqual(updated);
      expect(await repository.listByCommunity(LOCAL)).toEqual([updated]);
    });

    it('a record stored under one community is never listed under another', async () => {
      const communities: CommunityRef[] = [
        { platform: 'discord', id: 'guild' },
        { platform: 'discord', id: 'Guild' },
        { platform: 'discord', id: 'guild_' },
        { platform: 'discord', id: 'guil%' },
        { platform: 'discord', id: 'guild.x' },
        { platform: 'slack', id: 'guild' },
      ];
      for (const community of communities) {
        await repository.save(makeEnrolment({ participant: participantIn(community, 'member') }));
      }
      for (const community of communities) {
        const listed = await repository.listByCommunity(community);
        expect(listed.map((enrolment) => enrolment.participant)).toEqual([participantIn(community, 'member')]);
      }
      expect(await repository.listByCommunity({ platform: 'terminal', id: 'guild' })).toEqual([]);
    });

    it('stores participants whose ids hold "_", "%", ":", "*", spaces, accents and capitals', async () => {
      const ids = ['a_b', 'aXb', 'a%b', 'U:1', 'a*?[b]', 'Jean Dupont', 'Élodie', 'élodie', '~7e', 'ALICE'];
      for (const userId of ids) {
        await repository.save(makeEnrolment({ participant: participantIn(LOCAL, userId) }));
      }
      for (const userId of ids) {
        expect((await repository.find(participantIn(LOCAL, userId)))?.participant.userId).toBe(userId);
      }
      expect(userIds(await repository.listByCommunity(LOCAL)).sort()).toEqual([...ids].sort());
    });

    it('reports a stored record that no longer matches the schema as corrupt, in find and in listings', async () => {
      await repository.save(makeEnrolment({ participant: participantIn(LOCAL, 'bob') }));
      await store.set(keyOf('enrolment', 'terminal', 'local', 'alice'), { ...makeEnrolment(), revision: 0 });
      await expect(repository.find(alice)).rejects.toBeInstanceOf(CorruptRecordError);
      await expect(repository.listByCommunity(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
    });

    it('reports a record stored under another participant’s key as corrupt', async () => {
      await store.set(keyOf('enrolment', 'terminal', 'local', 'mallory'), makeEnrolment());
      await expect(repository.find(participantIn(LOCAL, 'mallory'))).rejects.toBeInstanceOf(CorruptRecordError);
    });

    it('refuses to save an enrolment that does not match the schema', async () => {
      await expect(repository.save({ ...makeEnrolment(), revision: 0 })).rejects.toThrow(/invalid enrolment/);
      expect(await repository.find(alice)).toBeUndefined();
    });

    it('lists a community by enrolment date, then user id, the same way whatever the saving order', async () => {
      const enrolled = [
        ['zoe', '2025-01-01T08:00:00Z'],
        ['bob', '2025-01-02T08:00:00.000Z'],
        ['amy', '2025-01-02T08:00:00Z'],
        ['Carl', '2025-01-02T08:00:00.000Z'],
        ['dan', '2025-01-02T07:59:59.999Z'],
      ] as const;
      for (const [userId, enrolledAt] of [...enrolled].reverse()) {
        await repository.save(makeEnrolment({ participant: participantIn(LOCAL, userId), enrolledAt }));
      }
      const expected = ['zoe', 'dan', 'Carl', 'amy', 'bob'];
      expect(userIds(await repository.listByCommunity(LOCAL))).toEqual(expected);
      expect(userIds(await repository.listByCommunity(LOCAL))).toEqual(expected);
    });

    it('removes an enrolment once: true the first time, false the second', async () => {
      await repository.save(makeEnrolment());
      expect(await repository.remove(alice)).toBe(true);
      expect(await repository.find(alice)).toBeUndefined();
      expect(await repository.remove(alice)).toBe(false);
    });

    it('exports a participant’s enrolment under the "enrolment" section, or null when there is none', async () => {
      const enrolment = makeEnrolment();
      await repository.save(enrolment);
      expect(repository.section).toBe('enrolment');
      expect(await repository.exportFor(alice)).toEqual(enrolment);
      expect(await repository.exportFor(participantIn(LOCAL, 'nobody'))).toBeNull();
    });

    it('erases one participant’s enrolment and nobody else’s, and erasing twice is not an error', async () => {
      const bob = participantIn(LOCAL, 'bob');
      await repository.save(makeEnrolment());
      await repository.save(makeEnrolment({ participant: bob }));
      expect(await repository.eraseFor(alice)).toBe(true);
      expect(await repository.eraseFor(alice)).toBe(false);
      expect(await repository.exportFor(alice)).toBeNull();
      expect(await repository.find(bob)).toBeDefined();
    });

    it('lets a store outage reach the caller as StoreUnavailableError, never as "not enrolled"', async () => {
      await repository.save(makeEnrolment());
      await store.close();
      await expect(repository.find(alice)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(repository.listByCommunity(LOCAL)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(repository.exportFor(alice)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(repository.eraseFor(alice)).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });
}
