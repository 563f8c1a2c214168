import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { chooseReferent, forbidPair, pinPair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { confirmErasure, requestErasure } from '../../../src/core/participants/own-data';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import { createDispatcher, type Delivery } from '../../../src/dispatch/dispatcher';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { createRecordingResponder } from '../../support/recording-chat';
import { createRecordingLog } from '../../support/recording-log';
import { refusal } from '../../support/refusal';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

const coordinator = () => world.as({ ...COORDINATOR, locale: 'en' });
const pairsOf = async () =>
  (await world.ports.binomes.listByCommunity(TERMINAL)).map((binome) => `${binome.id}:${binome.mentee}-${binome.mentor}:${binome.status}`);

/** Erin and Fay have one place each; Dan and Gus suit them, Hal speaks only German. */
async function roundOfThree() {
  await enrolMentor(world, 'erin', 'Erin Roux');
  await enrolMentor(world, 'fay', 'Fay Morel');
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein');
  await enrolMentee(world, 'hal', 'Hal Simon', { profile: { languages: ['de'] } });
}

describe('confirming the proposal coordinators last saw', () => {
  it('turns its pairs into binômes named after the revision, with their référent and reasons', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    const reply = await confirmProposal(coordinator());
    expect(text(reply)).toBe(
      [
        '**2 pairs confirmed.**',
        '- Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)',
        '- Gus Klein (<@gus>) ↔ Fay Morel (<@fay>)',
        '',
        '1 mentee without a pair goes on the waiting list; they will be told when the pairs are announced.',
        '',
        'Nobody has been told yet. Next step: the button below or `/mentorat-admin announce`.',
      ].join('\n'),
    );
    expect(reply.kind === 'messages' && reply.messages[0]?.buttons).toEqual([
      { action: 'announce', label: 'Announce now', style: 'primary', args: [] },
    ]);
    const binomes = await world.ports.binomes.listByCommunity(TERMINAL);
    expect(binomes).toHaveLength(2);
    expect(binomes[0]).toMatchObject({
      id: 'p1-1',
      mentee: 'dan',
      mentor: 'erin',
      referent: 'ref',
      status: 'confirmed',
      origin: 'proposal',
      score: 20,
      languages: ['fr'],
      createdAt: '2026-03-02T10:00:00.000Z',
      createdBy: 'coord',
    });
    expect(binomes[1]).toMatchObject({ id: 'p1-2', mentee: 'gus', mentor: 'fay' });
  });

  it('puts every mentoré left out on the waiting list with why, and marks the proposal confirmed', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([
      {
        schemaVersion: 2,
        community: TERMINAL,
        mentee: 'hal',
        round: 1,
        reasons: [{ kind: 'blocked', because: 'no-shared-language', mentors: 2 }],
        since: '2026-03-02T10:00:00.000Z',
      },
    ]);
    expect((await world.ports.matching.findProposal(TERMINAL))?.confirmed).toEqual({ at: '2026-03-02T10:00:00.000Z', by: 'coord' });
  });

  it('forgets the pins, forbids and référent choices it used', async () => {
    await roundOfThree();
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    await pinPair(coordinator(), { mentee: 'dan', mentor: 'fay' });
    await forbidPair(coordinator(), { mentee: 'hal', mentor: 'erin' });
    await chooseReferent(coordinator(), { mentee: 'gus', referent: 'omar' });
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    expect(await pairsOf()).toEqual(['p1-1:dan-fay:confirmed', 'p1-2:gus-erin:confirmed']);
    expect((await world.ports.binomes.find(TERMINAL, 'p1-2'))?.referent).toBe('omar');
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([]);
    expect(await world.ports.matching.listReferentChoices(TERMINAL)).toEqual([]);
  });

  it('takes a mentoré off the waiting list once a later round pairs them', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    await enrolMentor(world, 'kai', 'Kai Braun', { profile: { languages: ['de', 'fr'] } });
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    expect(await pairsOf()).toEqual(['p1-1:dan-erin:confirmed', 'p1-2:gus-fay:confirmed', 'p2-1:hal-kai:confirmed']);
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
  });

  it('lists ten pairs and says how many more were confirmed', async () => {
    for (let index = 0; index < 12; index += 1) {
      const id = String(index).padStart(2, '0');
      await enrolMentee(world, `dan${id}`, `Mentee ${id}`);
      await enrolMentor(world, `erin${id}`, `Mentor ${id}`);
    }
    await showProposal(coordinator());
    const shown = text(await confirmProposal(coordinator()));
    expect(shown.split('\n').filter((line) => line.startsWith('- Mentee'))).toHaveLength(10);
    expect(shown).toContain('… and 2 more.');
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toHaveLength(12);
  });

  it('is refused when there is no proposal, or it is already confirmed', async () => {
    expect(await refusal(() => confirmProposal(coordinator()))).toBe('No proposal to confirm: run `/mentorat-admin match` first.');
    await roundOfThree();
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    expect(await refusal(() => confirmProposal(coordinator()))).toBe(
      'This proposal is already confirmed (2 pairs). Next step: `/mentorat-admin announce`.',
    );
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toHaveLength(2);
  });

  it('is refused when someone enrolled or withdrew since it was computed, and nothing is written', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    await enrolMentee(world, 'ivy', 'Ivy Blanc');
    const changed =
      'Things changed since this proposal (enrolments, withdrawals, pins, pairs…): run `/mentorat-admin match` again, read it, then confirm.';
    expect(await refusal(() => confirmProposal(coordinator()))).toBe(changed);

    await showProposal(coordinator());
    const gus = await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'gus' });
    if (!gus) throw new Error('gus is enrolled');
    await world.enrolments.save({ ...gus, status: 'withdrawn', revision: gus.revision + 1 });
    expect(await refusal(() => confirmProposal(coordinator()))).toBe(changed);
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toEqual([]);
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
    expect((await world.ports.matching.findProposal(TERMINAL))?.confirmed).toBeUndefined();
  });

  it('finishes a confirmation cut short after some binômes were written, without writing any twice', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    const proposal = await world.ports.matching.findProposal(TERMINAL);
    const first = proposal?.pairs[0];
    if (!first) throw new Error('expected a pair');
    await world.ports.binomes.add(
      makeBinome({ id: 'p1-1', mentee: first.mentee, mentor: first.mentor, referent: first.referent ?? 'ref' }),
    );
    expect(text(await confirmProposal(coordinator()))).toContain('**2 pairs confirmed.**');
    expect(await pairsOf()).toEqual(['p1-1:dan-erin:confirmed', 'p1-2:gus-fay:confirmed']);
    expect((await world.ports.matching.findProposal(TERMINAL))?.confirmed).toBeDefined();
  });

  it('never reuses an earlier round’s binôme ids after an erasure emptied the stored proposal', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    // Hal, on the waiting list, erases their data: the proposal that named them is emptied, its revision kept.
    const hal = world.as({ userId: 'hal', locale: 'en' });
    const asked = await requestErasure(hal);
    const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.[0] : undefined;
    await confirmErasure(hal, yes?.args ?? []);
    const emptied = await world.ports.matching.findProposal(TERMINAL);
    expect(emptied).toMatchObject({ revision: 1, pairs: [], unmatched: [] });
    expect(JSON.stringify(emptied)).not.toContain('hal');
    expect(await refusal(() => confirmProposal(coordinator()))).toContain('Things changed since this proposal');

    await enrolMentor(world, 'kai', 'Kai Braun');
    await enrolMentee(world, 'ivy', 'Ivy Blanc');
    await showProposal(coordinator());
    expect(text(await confirmProposal(coordinator()))).toContain('**1 pair confirmed.**');
    expect(await pairsOf()).toEqual(['p1-1:dan-erin:confirmed', 'p1-2:gus-fay:confirmed', 'p2-1:ivy-kai:confirmed']);
  });

  it('refuses rather than skip a pair whose binôme id another pair already holds', async () => {
    await roundOfThree();
    await showProposal(coordinator());
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'zed', mentor: 'yan' }));
    expect(await refusal(() => confirmProposal(coordinator()))).toContain('Things changed since this proposal');
    expect(await pairsOf()).toEqual(['p1-2:zed-yan:confirmed']);
    expect((await world.ports.matching.findProposal(TERMINAL))?.confirmed).toBeUndefined();
  });
});

describe('the Confirm button under a proposal', () => {
  function dispatcher() {
    return createDispatcher({
      commands,
      programmes: { programmeFor: () => world.programme },
      ports: world.ports,
      log: createRecordingLog(),
    });
  }
  const coordinatorFacts = { userId: 'coord', displayName: 'Coord', platformRoles: [], isAdministrator: false };
  async function send(invocation: { type: 'command'; commandId: string } | { type: 'press'; buttonId: string }) {
    const request = invocation.type === 'command' ? { ...invocation, options: {} } : invocation;
    const result = await dispatcher().dispatch({
      community: TERMINAL,
      actor: coordinatorFacts,
      locale: 'en',
      invocation: request,
      responder: createRecordingResponder(),
    });
    return result.delivery;
  }
  const confirmButton = (delivery: Delivery) =>
    delivery.kind === 'messages'
      ? delivery.messages.flatMap((message) => message.buttons).find((button) => button.label.startsWith('Confirm'))
      : undefined;
  const texts = (delivery: Delivery) => (delivery.kind === 'form' ? '' : delivery.messages.map((message) => message.text).join('\n'));

  it('confirms the proposal it was shown under, in place of the proposal message', async () => {
    await roundOfThree();
    const shown = await send({ type: 'command', commandId: 'admin.propose' });
    const pressed = await send({ type: 'press', buttonId: confirmButton(shown)?.id ?? '' });
    expect(pressed).toMatchObject({ kind: 'messages', replacesOriginal: true });
    expect(texts(pressed)).toContain('**2 pairs confirmed.**');
  });

  it('is refused once a newer proposal was computed, and confirms nothing', async () => {
    await roundOfThree();
    const stale = await send({ type: 'command', commandId: 'admin.propose' });
    await send({ type: 'command', commandId: 'admin.propose' });
    const pressed = await send({ type: 'press', buttonId: confirmButton(stale)?.id ?? '' });
    expect(texts(pressed)).toBe(
      'This proposal is no longer the latest: another one was computed since. Confirm the newest one, or run `/mentorat-admin match` again.',
    );
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toEqual([]);
  });
});
