import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands';
import { confirmDissolution, createBinomeByHand, requestDissolution } from '../../../src/core/binomes/manage-binome';
import type { Locale } from '../../../src/core/i18n/locale';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { chooseReferent } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import type { ChatPlatform } from '../../../src/core/ports';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import type { Reply } from '../../../src/core/reply';
import { createDispatcher, type Delivery } from '../../../src/dispatch/dispatcher';
import { COORDINATOR, dmRecipients, dmsTo, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { createRecordingChat, createRecordingResponder } from '../../support/recording-chat';
import { createRecordingLog } from '../../support/recording-log';
import { refusal } from '../../support/refusal';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

const opened: UseCaseWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

async function newWorld(chat?: ChatPlatform & { events: never[] }) {
  const world = await createUseCaseWorld(chat ? { chat } : {});
  opened.push(world);
  return world;
}

const coordinator = (world: UseCaseWorld) => world.as({ ...COORDINATOR, locale: 'en' });

/** Dan and Gus (mentorés), Erin (mentor, one place, reads English), Fay (mentor, two places). */
async function people(world: UseCaseWorld) {
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein');
  await enrolMentor(world, 'erin', 'Erin Roux', { locale: 'en' });
  await enrolMentor(world, 'fay', 'Fay Morel', { profile: { capacity: 2 } });
}

describe('creating a binôme by hand', () => {
  it('stores it with its score and a référent, takes the mentoré off the waiting list, and says nobody is told yet', async () => {
    const world = await newWorld();
    await people(world);
    await world.ports.waitlist.save({
      schemaVersion: 2,
      community: TERMINAL,
      mentee: 'dan',
      round: 1,
      reasons: [{ kind: 'no-mentor' }],
      since: '2026-03-01T10:00:00.000Z',
    });
    expect(text(await createBinomeByHand(coordinator(world), { mentee: 'Dan Leroy', mentor: 'erin' }))).toBe(
      [
        '**Pair created**: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>).',
        'Referent: <@ref>',
        'Score 20 (1 shared field: Proteomics; wished sector: Either, mentor’s sector: Both ✓; 1 expectation covered: Building your network; compatible format; language: fr).',
        '',
        'Nobody has been told yet: `/mentorat-admin announce` will announce it.',
      ].join('\n'),
    );
    const [binome] = await world.ports.binomes.listByCommunity(TERMINAL);
    expect(binome).toMatchObject({
      mentee: 'dan',
      mentor: 'erin',
      referent: 'ref',
      status: 'confirmed',
      origin: 'manual',
      score: 20,
      createdBy: 'coord',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    expect(binome?.id).toMatch(/^m[a-z0-9]+$/);
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
    expect(dmRecipients(world)).toEqual([]);
  });

  it('gives two binômes made in the same instant distinct ids', async () => {
    const world = await newWorld();
    await people(world);
    await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'fay' });
    await createBinomeByHand(coordinator(world), { mentee: 'gus', mentor: 'fay' });
    const ids = (await world.ports.binomes.listByCommunity(TERMINAL)).map((binome) => `${binome.id}:${binome.mentee}`);
    expect(ids).toHaveLength(2);
    expect(new Set(ids.map((id) => id.split(':')[0])).size).toBe(2);
    expect(ids.map((id) => id.split(':')[1]).sort()).toEqual(['dan', 'gus']);
  });

  it('respects the mentor’s capacity, counting only binômes still running', async () => {
    const world = await newWorld();
    await people(world);
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'ivy', mentor: 'erin', status: 'dissolved' }));
    await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin' });
    expect(await refusal(() => createBinomeByHand(coordinator(world), { mentee: 'gus', mentor: 'erin' }))).toBe(
      'Erin Roux (<@erin>) already mentors 1 mentee, their capacity.',
    );
    expect((await world.ports.binomes.listByCommunity(TERMINAL)).filter((binome) => binome.status === 'confirmed')).toHaveLength(1);
  });

  it('refuses a mentoré who already has a binôme', async () => {
    const world = await newWorld();
    await people(world);
    await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'fay' });
    expect(await refusal(() => createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin' }))).toBe(
      'This mentee already has a pair: Dan Leroy (<@dan>) ↔ Fay Morel (<@fay>). Dissolve it first if needed.',
    );
  });

  it('refuses a mentor the mentoré asked to avoid', async () => {
    const world = await newWorld();
    await people(world);
    await enrolMentee(world, 'hal', 'Hal Simon', { profile: { excluded: ['ERIN ROUX'] } });
    expect(await refusal(() => createBinomeByHand(coordinator(world), { mentee: 'hal', mentor: 'erin' }))).toBe(
      'Not possible: the mentee asked not to be paired with this mentor (Hal Simon (<@hal>) ↔ Erin Roux (<@erin>)).',
    );
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toEqual([]);
  });

  it('creates a pair that breaks a usual rule, but says which', async () => {
    const world = await newWorld();
    await people(world);
    await enrolMentee(world, 'hal', 'Hal Simon', { profile: { languages: ['de'] } });
    const shown = text(await createBinomeByHand(coordinator(world), { mentee: 'hal', mentor: 'erin' }));
    expect(shown).toContain('Note: a usual rule is not met: no shared language.');
    expect(shown).not.toContain('Score');
    expect((await world.ports.binomes.listByCommunity(TERMINAL))[0]).toMatchObject({ mentee: 'hal', score: 0, terms: [], languages: [] });
  });

  it('creates a pair with no way to meet, but says so', async () => {
    const world = await newWorld();
    await people(world);
    await enrolMentor(world, 'ines', 'Ines Roy', { profile: { format: 'in-person', region: 'bretagne' } });
    const shown = text(await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'ines' }));
    expect(shown).toContain('Note: a usual rule is not met: no way to meet.');
  });

  it('gives the least busy référent, never a member, or the one coordinators name', async () => {
    const world = await newWorld();
    await people(world);
    await manageReferents(coordinator(world), { action: 'add', person: 'omar' });
    await manageReferents(coordinator(world), { action: 'add', person: 'fay' });
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'zed', mentor: 'yan', referent: 'omar' }));
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'zoe', mentor: 'yan', referent: 'ref' }));
    await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'fay' });
    await createBinomeByHand(coordinator(world), { mentee: 'gus', mentor: 'erin', referent: 'ref' });
    const referentOf = async (mentee: string) =>
      (await world.ports.binomes.listByCommunity(TERMINAL)).find((binome) => binome.mentee === mentee)?.referent;
    expect(await referentOf('dan')).toBe('omar');
    expect(await referentOf('gus')).toBe('ref');
  });

  it('follows the référent coordinators chose for that mentoré beforehand', async () => {
    const world = await newWorld();
    await people(world);
    await manageReferents(coordinator(world), { action: 'add', person: 'omar' });
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'zed', mentor: 'yan', referent: 'omar' }));
    await chooseReferent(coordinator(world), { mentee: 'dan', referent: 'omar' });
    expect(text(await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin' }))).toContain('Referent: <@omar>');
  });

  it('refuses a named référent who is not one, or who belongs to the pair', async () => {
    const world = await newWorld();
    await people(world);
    expect(await refusal(() => createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin', referent: 'nobody' }))).toBe(
      '<@nobody> is not a referent: add them first with `/mentorat-admin referents action:add person:@…`.',
    );
    await manageReferents(coordinator(world), { action: 'add', person: 'erin' });
    expect(await refusal(() => createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin', referent: 'erin' }))).toBe(
      'A referent cannot follow a pair they belong to.',
    );
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toEqual([]);
  });

  it('makes a proposal computed before it unconfirmable: its basis changed', async () => {
    const world = await newWorld();
    await people(world);
    await showProposal(coordinator(world));
    await createBinomeByHand(coordinator(world), { mentee: 'dan', mentor: 'erin' });
    expect(await refusal(() => confirmProposal(coordinator(world)))).toContain('Things changed since this proposal');
  });
});

const dissolvedText = (locale: Locale, pair: string) =>
  [translate(locale, 'binome.dissolved.byCoordinator', { pair }), translate(locale, 'binome.dissolved.next')].join('\n\n');
const PAIR = 'Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)';

function yesButton(reply: Reply) {
  const button = reply.kind === 'messages' ? reply.messages[0]?.buttons?.find((candidate) => candidate.action === 'confirm') : undefined;
  if (!button) throw new Error('expected a confirmation button');
  return button;
}

describe('dissolving a binôme', () => {
  /** Dan and Erin's binôme, announced: its people know of it. */
  async function paired(world: UseCaseWorld) {
    await people(world);
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await markAnnounced(world, 'p1-1');
  }

  it('tells nobody when the binôme was never announced, and says so before and after', async () => {
    const world = await newWorld();
    await people(world);
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    const asked = await requestDissolution(coordinator(world), { mentee: 'dan' });
    expect(text(asked)).toBe(`Dissolve the pair ${PAIR}? It has not been announced yet: nobody will be told.`);
    const done = await confirmDissolution(coordinator(world), yesButton(asked).args);
    expect(text(done)).toBe(
      [`The pair ${PAIR} is dissolved.`, 'It had not been announced yet: nobody is told, and its members can be paired again.'].join('\n'),
    );
    expect(dmRecipients(world)).toEqual([]);
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('dissolved');
  });

  it('asks first, naming the pair, and changes nothing until confirmed', async () => {
    const world = await newWorld();
    await paired(world);
    const asked = await requestDissolution(coordinator(world), { mentee: 'dan leroy' });
    expect(text(asked)).toBe(`Dissolve the pair ${PAIR}? Both members and the referent will be told privately.`);
    expect(
      asked.kind === 'messages' && asked.messages[0]?.buttons?.map((button) => `${button.action}:${button.label}:${button.style}`),
    ).toEqual(['confirm:Yes, dissolve:danger', 'cancel:Cancel:secondary']);
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('confirmed');
    expect(dmRecipients(world)).toEqual([]);
  });

  it('says when the mentoré has no binôme running', async () => {
    const world = await newWorld();
    await people(world);
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', status: 'dissolved' }));
    expect(await refusal(() => requestDissolution(coordinator(world), { mentee: 'dan' }))).toBe('Dan Leroy (<@dan>) has no current pair.');
  });

  it('once confirmed, ends it and tells the three privately, each in their own language', async () => {
    const world = await newWorld();
    await paired(world);
    const yes = yesButton(await requestDissolution(coordinator(world), { mentee: 'dan' }));
    const done = await confirmDissolution(coordinator(world), yes.args);
    expect(done).toMatchObject({ kind: 'messages', replacesOriginal: true });
    expect(text(done)).toBe([`The pair ${PAIR} is dissolved.`, 'Told: <@dan>, <@erin>, <@ref>.'].join('\n'));
    expect(await world.ports.binomes.find(TERMINAL, 'p1-1')).toMatchObject({
      status: 'dissolved',
      dissolvedAt: '2026-03-02T10:00:00.000Z',
      dissolvedBy: 'coord',
      dissolvedBecause: 'coordinator',
    });
    expect(dmsTo(world, 'dan')).toEqual([dissolvedText('fr', PAIR)]);
    expect(dmsTo(world, 'erin')).toEqual([dissolvedText('en', PAIR)]);
    // The référent never enrolled: the community's language.
    expect(dmsTo(world, 'ref')).toEqual([dissolvedText('fr', PAIR)]);
  });

  it('names who could not be reached privately', async () => {
    const recording = createRecordingChat();
    const chat = {
      ...recording,
      events: recording.events,
      sendDirectMessage: async (...args: Parameters<ChatPlatform['sendDirectMessage']>) => {
        if (args[1] === 'erin') return { ok: false as const, reason: 'dms-closed' as const };
        if (args[1] === 'ref') throw new Error('socket hang up');
        return recording.sendDirectMessage(...args);
      },
    };
    const world = await newWorld(chat as never);
    await paired(world);
    const yes = yesButton(await requestDissolution(coordinator(world), { mentee: 'dan' }));
    expect(text(await confirmDissolution(coordinator(world), yes.args))).toBe(
      [`The pair ${PAIR} is dissolved.`, 'Told: <@dan>.', 'Could not be reached privately: <@erin>, <@ref>.'].join('\n'),
    );
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('dissolved');
  });

  it('says a button pressed again, or too late, has expired', async () => {
    const world = await newWorld();
    await paired(world);
    const yes = yesButton(await requestDissolution(coordinator(world), { mentee: 'dan' }));
    await confirmDissolution(coordinator(world), yes.args);
    const expired = 'This confirmation has expired: things changed in the meantime. Run the command again if you still want to.';
    expect(await refusal(() => confirmDissolution(coordinator(world), yes.args))).toBe(expired);
    expect(dmRecipients(world)).toHaveLength(3);

    await world.ports.binomes.add(makeBinome({ id: 'p2-1', mentee: 'gus', mentor: 'fay' }));
    await markAnnounced(world, 'p2-1');
    const late = yesButton(await requestDissolution(coordinator(world), { mentee: 'gus' }));
    world.clock.set('2026-03-02T10:30:00.000Z');
    expect(await refusal(() => confirmDissolution(coordinator(world), late.args))).toBe(expired);
    expect((await world.ports.binomes.find(TERMINAL, 'p2-1'))?.status).toBe('confirmed');
  });

  it('lets the mentoré be proposed again at the next round', async () => {
    const world = await newWorld();
    await paired(world);
    await confirmDissolution(coordinator(world), yesButton(await requestDissolution(coordinator(world), { mentee: 'dan' })).args);
    await showProposal(coordinator(world));
    expect((await world.ports.matching.findProposal(TERMINAL))?.pairs.map((pair) => pair.mentee)).toContain('dan');
  });
});

describe('/mentorat-admin binome at the dispatcher', () => {
  async function send(world: UseCaseWorld, invocation: { commandId: string; options: Record<string, string> } | { buttonId: string }) {
    const dispatcher = createDispatcher({
      commands,
      programmes: { programmeFor: () => world.programme },
      ports: world.ports,
      log: createRecordingLog(),
    });
    const result = await dispatcher.dispatch({
      community: TERMINAL,
      actor: { userId: 'coord', displayName: 'Coord', platformRoles: [], isAdministrator: false },
      locale: 'en',
      invocation: 'buttonId' in invocation ? { type: 'press', ...invocation } : { type: 'command', ...invocation },
      responder: createRecordingResponder(),
    });
    return result.delivery;
  }
  const texts = (delivery: Delivery) => (delivery.kind === 'form' ? '' : delivery.messages.map((message) => message.text).join('\n'));

  it('asks for the mentor when creating without one', async () => {
    const world = await newWorld();
    await people(world);
    expect(texts(await send(world, { commandId: 'admin.binome', options: { action: 'create', mentee: 'dan' } }))).toBe(
      'The option “mentor” is missing.',
    );
  });

  it('creates, then dissolves through its buttons: cancel changes nothing, yes ends it', async () => {
    const world = await newWorld();
    await people(world);
    expect(texts(await send(world, { commandId: 'admin.binome', options: { action: 'create', mentee: 'dan', mentor: 'erin' } }))).toContain(
      '**Pair created**',
    );
    const asked = await send(world, { commandId: 'admin.binome', options: { action: 'dissolve', mentee: 'dan' } });
    const [yes, cancel] = asked.kind === 'messages' ? (asked.messages[0]?.buttons ?? []) : [];
    expect(texts(await send(world, { buttonId: cancel?.id ?? '' }))).toBe('All right: nothing was done.');
    expect((await world.ports.binomes.listByCommunity(TERMINAL))[0]?.status).toBe('confirmed');
    expect(texts(await send(world, { buttonId: yes?.id ?? '' }))).toContain(`The pair ${PAIR} is dissolved.`);
    expect((await world.ports.binomes.listByCommunity(TERMINAL))[0]?.status).toBe('dissolved');
  });
});
