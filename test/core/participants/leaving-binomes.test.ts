import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/core/i18n/locale';
import { translate } from '../../../src/core/i18n/translate';
import { forbidPair, pinPair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { confirmErasure, exportOwnData, requestErasure } from '../../../src/core/participants/own-data';
import { confirmWithdrawal, requestWithdrawal } from '../../../src/core/participants/withdraw';
import type { Reply } from '../../../src/core/reply';
import { attachmentText } from '../../../src/core/reply';
import { COORDINATOR, dmRecipients, dmsTo, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein', { locale: 'en' });
  await enrolMentor(world, 'erin', 'Erin Roux', { locale: 'en', profile: { capacity: 2 } });
  await world.ports.referents.add({
    schemaVersion: 1,
    community: TERMINAL,
    userId: 'omar',
    addedAt: '2026-03-01T10:00:00.000Z',
    addedBy: 'coord',
  });
  await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
  await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'erin', referent: 'omar' }));
  // Both were announced: their people know of them, and are told when they end.
  await markAnnounced(world, 'p1-1');
  await markAnnounced(world, 'p1-2');
});
afterEach(async () => {
  await world.close();
});

const memberLeft = (locale: Locale, pair: string) =>
  [translate(locale, 'binome.dissolved.memberLeft', { pair }), translate(locale, 'binome.dissolved.next')].join('\n\n');
const DAN_ERIN = 'Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)';
const GUS_ERIN = 'Gus Klein (<@gus>) ↔ Erin Roux (<@erin>)';

function yes(reply: Reply): readonly string[] {
  const button = reply.kind === 'messages' ? reply.messages[0]?.buttons?.find((candidate) => candidate.action === 'confirm') : undefined;
  if (!button) throw new Error('expected a confirmation button');
  return button.args;
}

async function withdraw(userId: string) {
  const me = world.as({ userId, locale: 'en' });
  const asked = await requestWithdrawal(me);
  return { asked, done: await confirmWithdrawal(me, yes(asked)) };
}

async function erase(userId: string) {
  const me = world.as({ userId, locale: 'en' });
  return confirmErasure(me, yes(await requestErasure(me)));
}

const statusOf = async (id: string) => (await world.ports.binomes.find(TERMINAL, id))?.status;

describe('withdrawing while in a binôme', () => {
  it('warns first that the binôme will end', async () => {
    const { asked } = await withdraw('dan');
    expect(text(asked)).toContain('Your pair will end: the other member and your referent will be told.');
    expect(text(asked)).toContain('You will no longer have access to its private space.');
    await enrolMentee(world, 'hal', 'Hal Simon');
    expect(text(await requestWithdrawal(world.as({ userId: 'hal', locale: 'en' })))).not.toContain('Your pair will end');
  });

  it('ends it and tells the other member and the référent in their language, never the person who left', async () => {
    const { done } = await withdraw('dan');
    expect(text(done)).toContain('1 pair ended; the other people concerned were told.');
    expect(await world.ports.binomes.find(TERMINAL, 'p1-1')).toMatchObject({
      status: 'dissolved',
      dissolvedBy: 'dan',
      dissolvedBecause: 'withdrawal',
    });
    expect(dmsTo(world, 'erin')).toEqual([memberLeft('en', DAN_ERIN)]);
    expect(dmsTo(world, 'ref')).toEqual([memberLeft('fr', DAN_ERIN)]);
    expect(dmRecipients(world)).not.toContain('dan');
    expect(await statusOf('p1-2')).toBe('confirmed');
  });

  it('ends a binôme not yet announced without a word about it, to them or to anyone', async () => {
    await enrolMentee(world, 'hal', 'Hal Simon');
    await world.ports.binomes.add(makeBinome({ id: 'p1-3', mentee: 'hal', mentor: 'fay', referent: 'ref' }));
    const { asked, done } = await withdraw('hal');
    expect(text(asked)).not.toContain('Your pair will end');
    expect(text(done)).not.toMatch(/pairs? ended/);
    expect(await statusOf('p1-3')).toBe('dissolved');
    expect(dmRecipients(world)).toEqual([]);
  });

  it('ends every binôme of a mentor who leaves, each told once', async () => {
    const { done } = await withdraw('erin');
    expect(text(done)).toContain('2 pairs ended');
    expect(await statusOf('p1-1')).toBe('dissolved');
    expect(await statusOf('p1-2')).toBe('dissolved');
    expect(dmRecipients(world).sort()).toEqual(['dan', 'gus', 'omar', 'ref']);
    expect(dmsTo(world, 'gus')).toEqual([memberLeft('en', GUS_ERIN)]);
  });

  it('can be finished by pressing again when the store failed while ending the binôme', async () => {
    const save = world.ports.binomes.save;
    world.ports.binomes.save = async () => {
      world.ports.binomes.save = save;
      throw new Error('store unavailable');
    };
    const me = world.as({ userId: 'dan', locale: 'en' });
    const confirm = yes(await requestWithdrawal(me));
    await expect(confirmWithdrawal(me, confirm)).rejects.toThrow('store unavailable');
    expect(text(await confirmWithdrawal(me, confirm))).toContain('1 pair ended');
    expect(await statusOf('p1-1')).toBe('dissolved');
    expect((await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'dan' }))?.status).toBe('withdrawn');
    expect(dmsTo(world, 'erin')).toEqual([memberLeft('en', DAN_ERIN)]);
  });

  it('takes a mentoré off the waiting list', async () => {
    await enrolMentee(world, 'hal', 'Hal Simon');
    await world.ports.waitlist.save({
      schemaVersion: 2,
      community: TERMINAL,
      mentee: 'hal',
      round: 1,
      reasons: [{ kind: 'no-mentor' }],
      since: '2026-03-01T10:00:00.000Z',
    });
    const { done } = await withdraw('hal');
    expect(text(done)).not.toMatch(/pairs? ended/);
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
  });
});

describe('erasing one’s data while in a binôme', () => {
  it('tells the other member and the référent first, then forgets the binôme', async () => {
    expect(text(await erase('dan'))).toBe('Your data has been erased.');
    expect(dmsTo(world, 'erin')).toEqual([memberLeft('en', DAN_ERIN)]);
    expect(dmsTo(world, 'ref')).toEqual([memberLeft('fr', DAN_ERIN)]);
    expect(dmRecipients(world)).not.toContain('dan');
    expect(await world.ports.binomes.find(TERMINAL, 'p1-1')).toBeUndefined();
    expect(await statusOf('p1-2')).toBe('confirmed');
  });

  it('forgets their place on the waiting list, their pins and forbids and the référent choices about them', async () => {
    await enrolMentee(world, 'hal', 'Hal Simon');
    await enrolMentor(world, 'fay', 'Fay Morel');
    await world.ports.waitlist.save({
      schemaVersion: 2,
      community: TERMINAL,
      mentee: 'hal',
      round: 1,
      reasons: [{ kind: 'no-mentor' }],
      since: '2026-03-01T10:00:00.000Z',
    });
    const coordinator = world.as(COORDINATOR);
    await pinPair(coordinator, { mentee: 'hal', mentor: 'fay' });
    await forbidPair(coordinator, { mentee: 'hal', mentor: 'erin' });
    await world.ports.matching.saveReferentChoice({
      schemaVersion: 1,
      community: TERMINAL,
      mentee: 'hal',
      referent: 'omar',
      by: 'coord',
      at: '2026-03-01T10:00:00.000Z',
    });
    await showProposal(coordinator);
    await erase('hal');
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([]);
    expect(await world.ports.matching.listReferentChoices(TERMINAL)).toEqual([]);
    expect(JSON.stringify(await world.ports.matching.findProposal(TERMINAL))).not.toContain('hal');
  });

  it('forgets what was announced for their binômes: the private space is named after both members', async () => {
    await markAnnounced(world, 'p1-1', { id: 'C1', name: 'binome-dan-leroy-erin-roux' });
    await markAnnounced(world, 'p1-2', { id: 'C2', name: 'binome-gus-klein-erin-roux' });
    await erase('dan');
    const left = JSON.stringify(await world.ports.announcements.list(TERMINAL));
    expect(left).not.toContain('dan-leroy');
    expect(left).toContain('binome-gus-klein-erin-roux');
  });

  it('forgets a référent added in chat, and the binômes they followed go on without référent', async () => {
    expect(text(await erase('omar'))).toBe('Your data has been erased.');
    expect(await world.ports.referents.includes(TERMINAL, 'omar')).toBe(false);
    const followed = await world.ports.binomes.find(TERMINAL, 'p1-2');
    expect(followed?.status).toBe('confirmed');
    expect(followed?.referent).toBeUndefined();
    expect(dmRecipients(world)).toEqual([]);
  });
});

describe('exporting one’s data', () => {
  async function exported(userId: string) {
    const reply = await exportOwnData(world.as({ userId, locale: 'en' }));
    const attached = reply.kind === 'messages' ? reply.messages[0]?.attachments?.[0] : undefined;
    const content = attached && attachmentText(attached);
    return JSON.parse(content ?? '{}');
  }

  it('holds the binômes one belongs to, and those one follows as référent', async () => {
    expect((await exported('erin')).binomes.map((binome: { id: string }) => binome.id)).toEqual(['p1-1', 'p1-2']);
    expect((await exported('dan')).binomes).toMatchObject([{ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }]);
    const omar = await exported('omar');
    expect(omar.binomes.map((binome: { id: string }) => binome.id)).toEqual(['p1-2']);
    expect(omar.referent).toMatchObject({ userId: 'omar', addedBy: 'coord' });
  });

  it('holds the private spaces of one’s binômes, named after their members', async () => {
    await markAnnounced(world, 'p1-1', { id: 'C1', name: 'binome-dan-leroy-erin-roux' });
    await markAnnounced(world, 'p1-2', { id: 'C2', name: 'binome-gus-klein-erin-roux' });
    const spaces = (await exported('dan')).announcements.map((attempt: { space?: { name: string } }) => attempt.space?.name);
    expect(spaces).toEqual(['binome-dan-leroy-erin-roux']);
  });

  it('holds every pair of the last proposal one is in: both of a mentor with two places', async () => {
    await enrolMentor(world, 'fay', 'Fay Morel', { profile: { capacity: 2 } });
    await enrolMentee(world, 'hal', 'Hal Simon');
    await enrolMentee(world, 'ivy', 'Ivy Blanc');
    await showProposal(world.as(COORDINATOR));
    const pairs = (await exported('fay')).matching.proposedPairs.map((pair: { mentee: string; mentor: string }) => pair.mentee);
    expect(pairs).toEqual(['hal', 'ivy']);
  });

  it('holds one’s place on the waiting list, the decisions about one and one’s place in the last proposal', async () => {
    await enrolMentee(world, 'hal', 'Hal Simon', { profile: { languages: ['de'] } });
    await world.ports.waitlist.save({
      schemaVersion: 2,
      community: TERMINAL,
      mentee: 'hal',
      round: 1,
      reasons: [{ kind: 'no-mentor' }],
      since: '2026-03-01T10:00:00.000Z',
    });
    await forbidPair(world.as(COORDINATOR), { mentee: 'hal', mentor: 'erin' });
    await showProposal(world.as(COORDINATOR));
    const hal = await exported('hal');
    expect(hal.waitlist).toMatchObject({ mentee: 'hal', round: 1 });
    expect(hal.matching.pairRules).toMatchObject([{ kind: 'forbid', mentee: 'hal', mentor: 'erin' }]);
    // Erin is full and speaks no German: Hal is told the language, not that no mentor enrolled.
    expect(hal.matching.leftOutOfProposal).toEqual({
      mentee: 'hal',
      reasons: [{ kind: 'blocked', because: 'no-shared-language', mentors: 1 }],
    });
    expect(hal.binomes).toEqual([]);
  });
});
