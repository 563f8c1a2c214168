import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepAttempt } from '../../src/core/binomes/announcement-log';
import type { WaitlistEntry } from '../../src/core/binomes/waitlist';
import { CorruptRecordError } from '../../src/core/errors';
import type { CommunityRef } from '../../src/core/identity';
import type { PairRule, ReferentChoice, StoredProposal } from '../../src/core/matching/matching-state';
import type { Referent } from '../../src/core/referents/referent';
import { createAnnouncementLogRepository } from '../../src/store/announcement-log-repository';
import { createBinomeRepository } from '../../src/store/binome-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { createMatchingRepository } from '../../src/store/matching-repository';
import { createReferentRepository } from '../../src/store/referent-repository';
import { createWaitlistRepository } from '../../src/store/waitlist-repository';
import { makeBinome } from '../support/pairing-people';
import { LOCAL, participantIn } from './enrolment-fixture';

const AT = '2026-03-01T10:00:00.000Z';
const OTHER: CommunityRef = { platform: 'discord', id: '111' };

const rule = (kind: PairRule['kind'], mentee: string, mentor: string, community = LOCAL): PairRule => ({
  schemaVersion: 1,
  community,
  kind,
  mentee,
  mentor,
  by: 'coord',
  at: AT,
});
const choice = (mentee: string, referent: string): ReferentChoice => ({
  schemaVersion: 1,
  community: LOCAL,
  mentee,
  referent,
  by: 'coord',
  at: AT,
});
const waiting = (mentee: string, community = LOCAL): WaitlistEntry => ({
  schemaVersion: 2,
  community,
  mentee,
  round: 1,
  reasons: [{ kind: 'compatible-mentors-full', mentors: 2 }],
  since: AT,
});
const referent = (userId: string, community = LOCAL): Referent => ({ schemaVersion: 1, community, userId, addedAt: AT, addedBy: 'coord' });
const proposal = (overrides: Partial<StoredProposal> = {}): StoredProposal => ({
  schemaVersion: 1,
  community: LOCAL,
  revision: 3,
  basis: 'abc123',
  computedAt: AT,
  computedBy: 'coord',
  pairs: [{ mentee: 'dan', mentor: 'erin', score: 20, terms: [], languages: ['fr'], pinned: false, referent: 'ref' }],
  unmatched: [{ mentee: 'hal', reasons: [{ kind: 'no-mentor' }] }],
  ...overrides,
});
const attempt = (subject: string, overrides: Partial<StepAttempt> = {}): StepAttempt => ({
  schemaVersion: 1,
  community: LOCAL,
  subject,
  step: subject.startsWith('waitlist:') ? 'notice' : 'space',
  attempt: 1,
  state: 'started',
  instance: 'run-1',
  startedAt: AT,
  ...overrides,
});

/** Binômes, pair decisions, the waiting list, référents and the announcement log, on one backend. */
export function describePairingRepositories(name: string, open: () => Promise<KeyValueStore>): void {
  describe(`the pairing repositories on ${name}`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('binômes', () => {
      it('are created once under their id: a second add with the id keeps the first', async () => {
        const binomes = createBinomeRepository(store);
        const first = makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: LOCAL });
        expect(await binomes.add(first)).toBe(true);
        expect(await binomes.add({ ...first, mentee: 'gus' })).toBe(false);
        expect(await binomes.find(LOCAL, 'p1-1')).toEqual(first);
        expect(await binomes.find(LOCAL, 'p1-9')).toBeUndefined();
      });

      it('are listed by community, by id, and saved over when dissolved', async () => {
        const binomes = createBinomeRepository(store);
        await binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'erin', community: LOCAL }));
        await binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: LOCAL }));
        await binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: OTHER }));
        const dissolved = { ...makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: LOCAL }), status: 'dissolved' as const };
        await binomes.save(dissolved);
        expect((await binomes.listByCommunity(LOCAL)).map((binome) => `${binome.id}:${binome.status}`)).toEqual([
          'p1-1:dissolved',
          'p1-2:confirmed',
        ]);
        expect(await binomes.listByCommunity(OTHER)).toHaveLength(1);
      });

      it('refuses one stored under another binôme’s key as corrupt, in find and in listings', async () => {
        const binomes = createBinomeRepository(store);
        await store.set(
          keyOf('binome', 'terminal', 'local', 'p9-9'),
          makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: LOCAL }),
        );
        await expect(binomes.find(LOCAL, 'p9-9')).rejects.toBeInstanceOf(CorruptRecordError);
        await expect(binomes.listByCommunity(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
      });

      it('refuses to store an invalid one', async () => {
        const binomes = createBinomeRepository(store);
        const invalid = { ...makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', community: LOCAL }), id: 'P 1' };
        await expect(binomes.add(invalid)).rejects.toThrow(/invalid binome/);
        await expect(binomes.save(invalid)).rejects.toThrow(/invalid binome/);
        expect(await binomes.listByCommunity(LOCAL)).toEqual([]);
      });

      it('export the binômes a person belongs to or follows; erasure removes theirs and keeps the ones they only followed', async () => {
        const binomes = createBinomeRepository(store);
        await binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref', community: LOCAL }));
        await binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'fay', referent: 'erin', community: LOCAL }));
        await binomes.add(makeBinome({ id: 'p1-3', mentee: 'hal', mentor: 'fay', referent: 'ref', community: LOCAL }));
        const erin = participantIn(LOCAL, 'erin');
        expect(binomes.section).toBe('binomes');
        expect(((await binomes.exportFor(erin)) as { id: string }[]).map((binome) => binome.id)).toEqual(['p1-1', 'p1-2']);
        expect(await binomes.eraseFor(erin)).toBe(true);
        expect(await binomes.eraseFor(erin)).toBe(false);
        const left = await binomes.listByCommunity(LOCAL);
        expect(left.map((binome) => `${binome.id}:${binome.referent ?? '-'}`)).toEqual(['p1-2:-', 'p1-3:ref']);
        expect(await binomes.exportFor(erin)).toEqual([]);
      });
    });

    describe('pair decisions and the proposal', () => {
      it('keep one rule per pair and one pin per mentoré; forbids of that mentoré stay', async () => {
        const matching = createMatchingRepository(store);
        await matching.saveRule(rule('forbid', 'dan', 'fay'));
        await matching.saveRule(rule('pin', 'dan', 'erin'));
        await matching.saveRule(rule('pin', 'dan', 'gil'));
        await matching.saveRule(rule('pin', 'gus', 'erin'));
        await matching.saveRule(rule('forbid', 'gus', 'erin'));
        expect((await matching.listRules(LOCAL)).map((saved) => `${saved.kind}:${saved.mentee}-${saved.mentor}`)).toEqual([
          'forbid:dan-fay',
          'pin:dan-gil',
          'forbid:gus-erin',
        ]);
        expect(await matching.removeRule(LOCAL, 'dan', 'fay')).toBe(true);
        expect(await matching.removeRule(LOCAL, 'dan', 'fay')).toBe(false);
      });

      it('keep one référent choice per mentoré, and forget rules and choices, not the proposal, when cleared', async () => {
        const matching = createMatchingRepository(store);
        await matching.saveReferentChoice(choice('dan', 'ref'));
        await matching.saveReferentChoice(choice('dan', 'omar'));
        expect(await matching.listReferentChoices(LOCAL)).toEqual([choice('dan', 'omar')]);
        await matching.saveRule(rule('pin', 'dan', 'erin'));
        await matching.saveRule(rule('pin', 'dan', 'erin', OTHER));
        await matching.saveProposal(proposal());
        await matching.clearDecisions(LOCAL);
        expect(await matching.listRules(LOCAL)).toEqual([]);
        expect(await matching.listReferentChoices(LOCAL)).toEqual([]);
        expect(await matching.listRules(OTHER)).toHaveLength(1);
        expect(await matching.findProposal(LOCAL)).toEqual(proposal());
      });

      it('refuse a rule, a choice or a proposal stored under another key as corrupt', async () => {
        const matching = createMatchingRepository(store);
        await store.set(keyOf('pair-rule', 'terminal', 'local', 'mallory', 'erin'), rule('pin', 'dan', 'erin'));
        await expect(matching.listRules(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
        await store.set(keyOf('referent-choice', 'terminal', 'local', 'mallory'), choice('dan', 'ref'));
        await expect(matching.listReferentChoices(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
        await store.set(keyOf('proposal', 'discord', '111'), proposal());
        await expect(matching.findProposal(OTHER)).rejects.toBeInstanceOf(CorruptRecordError);
      });

      it('export what names a person, or null; erasure empties a proposal naming them but keeps its revision', async () => {
        const matching = createMatchingRepository(store);
        await matching.saveRule(rule('forbid', 'hal', 'erin'));
        await matching.saveRule(rule('pin', 'dan', 'erin'));
        await matching.saveReferentChoice(choice('gus', 'hal'));
        await matching.saveProposal(proposal());
        const hal = participantIn(LOCAL, 'hal');
        expect(matching.section).toBe('matching');
        expect(await matching.exportFor(hal)).toEqual({
          pairRules: [rule('forbid', 'hal', 'erin')],
          referentChoices: [choice('gus', 'hal')],
          proposedPairs: [],
          leftOutOfProposal: { mentee: 'hal', reasons: [{ kind: 'no-mentor' }] },
        });
        expect(await matching.exportFor(participantIn(LOCAL, 'nobody'))).toBeNull();
        expect(await matching.eraseFor(hal)).toBe(true);
        expect(await matching.eraseFor(hal)).toBe(false);
        expect(await matching.exportFor(hal)).toBeNull();
        expect(await matching.listRules(LOCAL)).toEqual([rule('pin', 'dan', 'erin')]);
        expect(await matching.findProposal(LOCAL)).toMatchObject({ revision: 3, pairs: [], unmatched: [] });
      });
    });

    describe('the waiting list', () => {
      it('keeps one entry per mentoré and community', async () => {
        const waitlist = createWaitlistRepository(store);
        await waitlist.save(waiting('hal'));
        await waitlist.save({ ...waiting('hal'), round: 2 });
        await waitlist.save(waiting('ivy'));
        await waitlist.save(waiting('hal', OTHER));
        expect((await waitlist.list(LOCAL)).map((entry) => `${entry.mentee}:${entry.round}`)).toEqual(['hal:2', 'ivy:1']);
        expect(await waitlist.remove(LOCAL, 'hal')).toBe(true);
        expect(await waitlist.remove(LOCAL, 'hal')).toBe(false);
        expect(await waitlist.list(OTHER)).toHaveLength(1);
      });

      it('refuses an entry stored under someone else’s key as corrupt', async () => {
        const waitlist = createWaitlistRepository(store);
        await store.set(keyOf('waitlist', 'terminal', 'local', 'mallory'), waiting('hal'));
        await expect(waitlist.list(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
        await expect(waitlist.exportFor(participantIn(LOCAL, 'mallory'))).rejects.toBeInstanceOf(CorruptRecordError);
      });

      it('exports and erases one mentoré’s entry only', async () => {
        const waitlist = createWaitlistRepository(store);
        await waitlist.save(waiting('hal'));
        await waitlist.save(waiting('ivy'));
        const hal = participantIn(LOCAL, 'hal');
        expect(await waitlist.exportFor(hal)).toEqual(waiting('hal'));
        expect(await waitlist.eraseFor(hal)).toBe(true);
        expect(await waitlist.exportFor(hal)).toBeNull();
        expect((await waitlist.list(LOCAL)).map((entry) => entry.mentee)).toEqual(['ivy']);
      });
    });

    describe('référents added in chat', () => {
      it('are added once, listed by community and removed once', async () => {
        const referents = createReferentRepository(store);
        expect(await referents.add(referent('omar'))).toBe(true);
        expect(await referents.add({ ...referent('omar'), addedBy: 'other' })).toBe(false);
        await referents.add(referent('nina'));
        await referents.add(referent('omar', OTHER));
        expect((await referents.list(LOCAL)).map((saved) => `${saved.userId}:${saved.addedBy}`)).toEqual(['nina:coord', 'omar:coord']);
        expect(await referents.includes(LOCAL, 'omar')).toBe(true);
        expect(await referents.remove(LOCAL, 'omar')).toBe(true);
        expect(await referents.remove(LOCAL, 'omar')).toBe(false);
        expect(await referents.includes(LOCAL, 'omar')).toBe(false);
        expect(await referents.includes(OTHER, 'omar')).toBe(true);
      });

      it('refuse a record stored under someone else’s key as corrupt, never granting that person the role', async () => {
        const referents = createReferentRepository(store);
        await store.set(keyOf('referent', 'terminal', 'local', 'mallory'), referent('omar'));
        await expect(referents.includes(LOCAL, 'mallory')).rejects.toBeInstanceOf(CorruptRecordError);
        await expect(referents.list(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
      });

      it('export and erase one référent’s record', async () => {
        const referents = createReferentRepository(store);
        await referents.add(referent('omar'));
        const omar = participantIn(LOCAL, 'omar');
        expect(await referents.exportFor(omar)).toEqual(referent('omar'));
        expect(await referents.eraseFor(omar)).toBe(true);
        expect(await referents.eraseFor(omar)).toBe(false);
        expect(await referents.exportFor(omar)).toBeNull();
      });
    });

    describe('the announcement log', () => {
      it('lets exactly one run claim an attempt, and records its outcome over it', async () => {
        const log = createAnnouncementLogRepository(store, createBinomeRepository(store));
        expect(await log.claim(attempt('binome:p1-1'))).toBe(true);
        expect(await log.claim(attempt('binome:p1-1', { instance: 'run-2' }))).toBe(false);
        await log.finish(attempt('binome:p1-1', { state: 'done', finishedAt: AT, space: { id: 'C1', name: 'binome' } }));
        expect(await log.list(LOCAL)).toEqual([
          attempt('binome:p1-1', { state: 'done', finishedAt: AT, space: { id: 'C1', name: 'binome' } }),
        ]);
      });

      it('exports and erases the notices about one waitlisted mentoré only, whatever their id holds', async () => {
        const log = createAnnouncementLogRepository(store, createBinomeRepository(store));
        await log.claim(attempt('binome:p1-1'));
        await log.claim(attempt('waitlist:1:hal'));
        await log.claim(attempt('waitlist:2:hal'));
        await log.claim(attempt('waitlist:1:U:hal'));
        await log.claim(attempt('waitlist:1:al'));
        const hal = participantIn(LOCAL, 'hal');
        expect(((await log.exportFor(hal)) as StepAttempt[]).map((saved) => saved.subject)).toEqual(['waitlist:1:hal', 'waitlist:2:hal']);
        expect(await log.eraseFor(hal)).toBe(true);
        expect(await log.eraseFor(hal)).toBe(false);
        expect((await log.list(LOCAL)).map((saved) => saved.subject).sort()).toEqual(['binome:p1-1', 'waitlist:1:U:hal', 'waitlist:1:al']);
      });

      it('refuses an attempt stored under another key as corrupt', async () => {
        const log = createAnnouncementLogRepository(store, createBinomeRepository(store));
        await store.set(keyOf('announcement', 'terminal', 'local', 'binome:p9-9', 'space', '0001'), attempt('binome:p1-1'));
        await expect(log.list(LOCAL)).rejects.toBeInstanceOf(CorruptRecordError);
      });
    });
  });
}
