import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBinomeByHand } from '../../../src/core/binomes/manage-binome';
import { currentCycle } from '../../../src/core/cycles/current-cycle';
import { requestCycleAction, showCycle } from '../../../src/core/cycles/manage-cycle';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { openEnrolmentForm, submitEnrolment } from '../../../src/core/participants/enrol';
import { answersWith, MENTEE_ANSWERS } from '../../support/enrolment-answers';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { refusal } from '../../support/refusal';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';
import { cycleRecord, pressYes } from './cycle-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld({ now: '2026-03-02T10:00:00.000Z' });
});
afterEach(async () => {
  await world.close();
});

const coordinator = (locale: 'fr' | 'en' = 'fr') => world.as({ ...COORDINATOR, locale });
const state = async () => (await currentCycle(world.ports, TERMINAL)).state;

describe('the cycle command', () => {
  it('shows a new community’s first cycle, open, with its counts and what comes next', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentee(world, 'dan', 'Dan Leroy');
    const shown = text(await showCycle(coordinator()));
    expect(shown).toContain(
      translate('fr', 'cycle.show.title', { name: '2025-2026', state: translate('fr', 'cycle.state.enrolment-open') }),
    );
    expect(shown).toContain('Ouvert le 2 mars 2026.');
    expect(shown).toContain(translate('fr', 'cycle.show.counts', { enrolled: 2, binomes: 0, waiting: 0 }));
    expect(shown).toContain('2 inscrit·es · 0 binôme en cours · 0 mentoré·e en attente');
    expect(shown).toContain(translate('fr', 'cycle.meaning.enrolment-open'));
  });

  it('closes enrolment only after the coordinator confirms, then says matching goes on', async () => {
    const question = await requestCycleAction(coordinator('en'), 'close-enrolment');
    expect(text(question)).toContain('Close enrolment for the cycle **2025-2026**');
    expect(await state()).toBe('enrolment-open');
    const done = await pressYes(world, question, coordinator('en'));
    expect(text(done)).toBe(translate('en', 'cycle.done.close-enrolment', { name: '2025-2026' }));
    expect(await state()).toBe('enrolment-closed');
    expect(await refusal(() => requestCycleAction(coordinator('en'), 'close-enrolment'))).toBe(
      translate('en', 'cycle.move.wrongState', { name: '2025-2026', state: 'enrolment closed' }),
    );
  });

  it('does nothing when the confirmation comes too late', async () => {
    const question = await requestCycleAction(coordinator('en'), 'close');
    world.clock.set('2026-03-02T10:16:00.000Z');
    expect(await refusal(() => pressYes(world, question, coordinator('en')))).toBe(translate('en', 'confirm.expired'));
    expect(await state()).toBe('enrolment-open');
  });

  it('refuses to open the next cycle while the current one runs, and opens it once closed, named after the next academic year', async () => {
    expect(await refusal(() => requestCycleAction(coordinator('en'), 'open-next'))).toBe(
      translate('en', 'cycle.open.notClosed', { name: '2025-2026' }),
    );
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    // Still in the academic year 2025-2026: the default name is the next free one.
    const question = await requestCycleAction(coordinator(), 'open-next');
    expect(text(question)).toContain('Ouvrir le cycle **2026-2027**, après 2025-2026 ?');
    const done = text(await pressYes(world, question));
    expect(done).toContain(translate('fr', 'cycle.done.open-next', { name: '2026-2027' }));
    expect(done).toContain(translate('fr', 'cycle.state.enrolment-open'));
    const cycles = await world.ports.cycles.list(TERMINAL);
    expect(cycles.map((cycle) => [cycle.sequence, cycle.name, cycle.state])).toEqual([
      [1, '2025-2026', 'closed'],
      [2, '2026-2027', 'enrolment-open'],
    ]);
  });

  it('refuses a name already used in the community, or one that cannot name a cycle', async () => {
    await world.ports.cycles.add(cycleRecord(1, '2024-2025', 'closed'));
    await world.ports.cycles.add(cycleRecord(2, 'pilote', 'closed'));
    expect(await refusal(() => requestCycleAction(coordinator('en'), 'open-next', 'pilote'))).toBe(
      translate('en', 'cycle.open.nameTaken', { name: 'pilote' }),
    );
    expect(await refusal(() => requestCycleAction(coordinator('en'), 'open-next', 'a b'))).toBe(
      translate('en', 'cycle.open.badName', { name: 'a b' }),
    );
    expect(text(await requestCycleAction(coordinator('en'), 'open-next', '2027-2028'))).toContain('Open the cycle **2027-2028**');
  });

  it('opens one cycle when two coordinators confirm at once; the second is told it changed', async () => {
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    const first = await requestCycleAction(coordinator(), 'open-next', '2026-2027');
    const second = await requestCycleAction(world.as({ userId: 'coord2', roles: ['coordinator'], locale: 'en' }), 'open-next', 'autre');
    await pressYes(world, first);
    expect(await refusal(() => pressYes(world, second, world.as({ userId: 'coord2', roles: ['coordinator'], locale: 'en' })))).toBe(
      translate('en', 'cycle.changedMeanwhile', { name: '2026-2027' }),
    );
    expect((await world.ports.cycles.list(TERMINAL)).map((cycle) => cycle.name)).toEqual(['2025-2026', '2026-2027']);
  });
});

describe('enrolment outside an open enrolment', () => {
  beforeEach(async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await pressYes(world, await requestCycleAction(coordinator(), 'close-enrolment'));
  });

  it('is refused to someone new, in their language, naming the coordinators; nothing is saved', async () => {
    expect(await refusal(() => submitEnrolment(world.as({ userId: 'zoe', locale: 'en' }), MENTEE_ANSWERS), 'en')).toBe(
      translate('en', 'cycle.enrolmentRefused.enrolmentClosed', { name: '2025-2026' }),
    );
    expect(await refusal(() => openEnrolmentForm(world.as({ userId: 'zoe', locale: 'fr' })), 'fr')).toContain(
      'Écrivez à la coordination du programme',
    );
    expect(await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'zoe' })).toBeUndefined();
  });

  it('still lets an enrolled person open and update their profile', async () => {
    expect((await openEnrolmentForm(world.as({ userId: 'dan' }))).kind).toBe('form');
    const reply = await submitEnrolment(world.as({ userId: 'dan' }), answersWith(MENTEE_ANSWERS, { name: 'Dan Leroy-Martin' }));
    expect(text(reply)).toContain(translate('fr', 'enrol.updated'));
    expect((await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'dan' }))?.profile.name).toBe(
      'Dan Leroy-Martin',
    );
  });

  it('is refused to someone who withdrew and comes back: that is a new enrolment', async () => {
    await enrolMentee(world, 'ida', 'Ida Blanc', { status: 'withdrawn' });
    expect(await refusal(() => submitEnrolment(world.as({ userId: 'ida' }), MENTEE_ANSWERS), 'fr')).toBe(
      translate('fr', 'cycle.enrolmentRefused.enrolmentClosed', { name: '2025-2026' }),
    );
  });

  it('is refused once the cycle is closed, saying enrolment reopens with the next cycle', async () => {
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    expect(await refusal(() => submitEnrolment(world.as({ userId: 'zoe', locale: 'en' }), MENTEE_ANSWERS), 'en')).toBe(
      translate('en', 'cycle.enrolmentRefused.closed', { name: '2025-2026' }),
    );
  });
});

describe('matching rounds and the cycle', () => {
  beforeEach(async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentee(world, 'dan', 'Dan Leroy');
  });

  it('go on after enrolment closed: someone who enrolled after the first round is matched in a later one', async () => {
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    await enrolMentor(world, 'gus', 'Gus Moreau');
    await enrolMentee(world, 'hal', 'Hal Garnier');
    await pressYes(world, await requestCycleAction(coordinator(), 'close-enrolment'));
    expect(text(await showProposal(coordinator()))).toContain('Hal Garnier');
    await confirmProposal(coordinator());
    expect((await world.ports.binomes.listByCommunity(TERMINAL)).map((b) => [b.mentee, b.mentor, b.cycle])).toEqual([
      ['dan', 'erin', 1],
      ['hal', 'gus', 1],
    ]);
  });

  it('are refused once the cycle is closed, saying to open the next one (proposal, confirmation, binôme by hand)', async () => {
    await showProposal(coordinator());
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    const refused = translate('en', 'cycle.matchingRefused', { name: '2025-2026' });
    expect(await refusal(() => showProposal(coordinator('en')))).toBe(refused);
    expect(await refusal(() => confirmProposal(coordinator('en')))).toBe(refused);
    expect(await refusal(() => createBinomeByHand(coordinator('en'), { mentee: 'dan', mentor: 'erin' }))).toBe(refused);
    expect(refused).toContain('`/mentorat-admin cycle action:open-next`');
    expect(await world.ports.binomes.listByCommunity(TERMINAL)).toEqual([]);
  });

  it('count a cycle’s own binômes only', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'b1', mentee: 'dan', mentor: 'erin' }));
    expect(text(await showCycle(coordinator('en')))).toContain('2 enrolled · 1 running pair · 0 mentees waiting');
  });
});
