import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentCycle } from '../../src/core/cycles/current-cycle';
import type { Cycle } from '../../src/core/cycles/cycle';
import type { CheckIn } from '../../src/core/follow-up/check-in';
import type { Pause } from '../../src/core/follow-up/pause';
import type { CommunityRef } from '../../src/core/identity';
import { createBinomeRepository } from '../../src/store/binome-repository';
import { createCycleRepository } from '../../src/store/cycle-repository';
import { createCheckInRepository, createFitConcernRepository, createPauseRepository, ERASED } from '../../src/store/follow-up-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { LOCAL, participantIn } from './enrolment-fixture';

const AT = '2026-09-07T08:00:00.000Z';
const OTHER: CommunityRef = { platform: 'discord', id: '111' };

const cycle = (sequence: number, overrides: Partial<Cycle> = {}): Cycle => ({
  schemaVersion: 1,
  community: LOCAL,
  sequence,
  name: `cycle-${sequence}`,
  state: 'enrolment-open',
  openedAt: AT,
  openedBy: 'coord',
  ...overrides,
});
const checkIn = (binomeId: string, round: number, answers: CheckIn['answers'] = []): CheckIn => ({
  schemaVersion: 1,
  community: LOCAL,
  binomeId,
  round,
  postedAt: AT,
  answers,
});
const pause = (userId: string, startedAt: string, overrides: Partial<Pause> = {}): Pause => ({
  schemaVersion: 1,
  participant: participantIn(LOCAL, userId),
  startedAt,
  because: 'asked',
  ...overrides,
});

/** Cycles, check-ins, pauses and "not a good fit", and binômes stored before cycles, on one backend. */
export function describeFollowUpRepositories(name: string, open: () => Promise<KeyValueStore>): void {
  describe(`the follow-up repositories on ${name}`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('lists cycles in number order (10 after 9) and claims each number once', async () => {
      const cycles = createCycleRepository(store);
      for (const sequence of [10, 9, 1]) expect(await cycles.add(cycle(sequence))).toBe(true);
      expect(await cycles.add(cycle(9, { name: 'again' }))).toBe(false);
      expect((await cycles.list(LOCAL)).map((found) => found.sequence)).toEqual([1, 9, 10]);
      expect((await cycles.latest(LOCAL))?.sequence).toBe(10);
      expect(await cycles.latest(OTHER)).toBeUndefined();
      await cycles.save({ ...cycle(10), state: 'closed', closedAt: AT, closedBy: 'coord' });
      expect((await cycles.find(LOCAL, 10))?.state).toBe('closed');
    });

    it('opens a first cycle for a community that never had one, once, named after the academic year', async () => {
      const cycles = createCycleRepository(store);
      const clock = { now: () => new Date(AT) };
      const [first, second] = await Promise.all([currentCycle({ cycles, clock }, LOCAL), currentCycle({ cycles, clock }, LOCAL)]);
      expect(first).toEqual(second);
      expect(first).toMatchObject({ sequence: 1, name: '2026-2027', state: 'enrolment-open' });
      expect(await cycles.list(LOCAL)).toHaveLength(1);
    });

    it('reads a binôme stored before cycles as one of the first cycle, without rewriting it', async () => {
      const key = keyOf('binome', 'terminal', 'local', 'p1-1');
      const stored = {
        schemaVersion: 1,
        id: 'p1-1',
        community: LOCAL,
        mentee: 'dan',
        mentor: 'erin',
        status: 'confirmed',
        origin: 'proposal',
        score: 12,
        terms: [],
        languages: ['fr'],
        createdAt: AT,
        createdBy: 'coord',
      };
      await store.set(key, stored);
      const binomes = createBinomeRepository(store);
      expect(await binomes.find(LOCAL, 'p1-1')).toMatchObject({ schemaVersion: 2, cycle: 1, mentee: 'dan' });
      expect((await binomes.listByCommunity(LOCAL)).map((binome) => binome.cycle)).toEqual([1]);
      expect(await store.get(key)).toEqual(stored);
    });

    it('keeps one check-in per binôme and round, and erases a person’s name from their answers only', async () => {
      const checkIns = createCheckInRepository(store);
      expect(await checkIns.add(checkIn('p1-1', 2))).toBe(true);
      expect(await checkIns.add(checkIn('p1-1', 1, [{ by: 'dan', answer: 'met', at: AT }]))).toBe(true);
      expect(await checkIns.add(checkIn('p1-1', 1))).toBe(false);
      await checkIns.save(checkIn('p1-1', 2, [{ by: 'erin', answer: 'not-yet', at: AT }]));
      await checkIns.add(checkIn('p1-10', 1));
      expect((await checkIns.listForBinome(LOCAL, 'p1-1')).map((found) => found.round)).toEqual([1, 2]);
      expect(await checkIns.listByCommunity(LOCAL)).toHaveLength(3);
      expect(await checkIns.exportFor(participantIn(LOCAL, 'dan'))).toEqual([
        { binomeId: 'p1-1', round: 1, postedAt: AT, answers: [{ by: 'dan', answer: 'met', at: AT }] },
      ]);
      expect(await checkIns.eraseFor(participantIn(LOCAL, 'dan'))).toBe(true);
      expect((await checkIns.find(LOCAL, 'p1-1', 1))?.answers).toEqual([{ by: ERASED, answer: 'met', at: AT }]);
      expect((await checkIns.find(LOCAL, 'p1-1', 2))?.answers[0]?.by).toBe('erin');
      expect(await checkIns.eraseFor(participantIn(LOCAL, 'dan'))).toBe(false);
    });

    it('keeps every pause of a person in order, and forgets them on erasure', async () => {
      const pauses = createPauseRepository(store);
      await pauses.save(pause('dan', '2026-11-01T08:00:00.000Z'));
      await pauses.save(pause('dan', '2026-10-01T08:00:00.000Z', { endedAt: '2026-10-15T08:00:00.000Z', endedBecause: 'resumed' }));
      await pauses.save(pause('erin', '2026-10-01T08:00:00.000Z'));
      expect((await pauses.listFor(participantIn(LOCAL, 'dan'))).map((found) => found.startedAt)).toEqual([
        '2026-10-01T08:00:00.000Z',
        '2026-11-01T08:00:00.000Z',
      ]);
      expect(await pauses.listByCommunity(LOCAL)).toHaveLength(3);
      expect(await pauses.eraseFor(participantIn(LOCAL, 'dan'))).toBe(true);
      expect(await pauses.listFor(participantIn(LOCAL, 'dan'))).toEqual([]);
      expect(await pauses.listByCommunity(LOCAL)).toHaveLength(1);
    });

    it('keeps one "not a good fit" per binôme and member', async () => {
      const concerns = createFitConcernRepository(store);
      const concern = { schemaVersion: 1 as const, community: LOCAL, binomeId: 'p1-1', by: 'dan', at: AT };
      expect(await concerns.add(concern)).toBe(true);
      expect(await concerns.add({ ...concern, at: '2026-10-01T08:00:00.000Z' })).toBe(false);
      await concerns.save({ ...concern, resolvedAt: AT, resolution: 'dissolved' });
      expect(await concerns.listForBinome(LOCAL, 'p1-1')).toEqual([{ ...concern, resolvedAt: AT, resolution: 'dissolved' }]);
      expect(await concerns.eraseFor(participantIn(LOCAL, 'dan'))).toBe(true);
      expect(await concerns.listByCommunity(LOCAL)).toEqual([]);
    });

    it('forgets one "not a good fit" and keeps the others of the binôme', async () => {
      const concerns = createFitConcernRepository(store);
      const concern = { schemaVersion: 1 as const, community: LOCAL, binomeId: 'p1-1', by: 'dan', at: AT };
      await concerns.add(concern);
      await concerns.add({ ...concern, by: 'erin' });
      expect(await concerns.remove(concern)).toBe(true);
      expect(await concerns.remove(concern)).toBe(false);
      expect((await concerns.listForBinome(LOCAL, 'p1-1')).map((found) => found.by)).toEqual(['erin']);
    });
  });
}
