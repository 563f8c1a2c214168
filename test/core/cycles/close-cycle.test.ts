import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import type { Binome } from '../../../src/core/binomes/binome';
import { BINOMES_PER_RUN } from '../../../src/core/cycles/close-cycle-job';
import { requestCycleAction } from '../../../src/core/cycles/manage-cycle';
import type { CheckIn } from '../../../src/core/follow-up/check-in';
import { translate } from '../../../src/core/i18n/translate';
import { participantIdOf } from '../../../src/core/identity';
import { mention } from '../../../src/core/reply';
import { COORDINATOR, dmsTo, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';
import { closingRunner, jobRunner, pressYes, runAllDue } from './cycle-world';

const START = '2026-06-20T10:00:00.000Z';
let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld({ now: START });
  await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 2 } });
  await enrolMentor(world, 'gus', 'Gus Moreau');
  for (const [id, name] of [
    ['dan', 'Dan Leroy'],
    ['fay', 'Fay Dubois'],
    ['hal', 'Hal Garnier'],
  ] as const)
    await enrolMentee(world, id, name);
  for (const binome of BINOMES) {
    await world.ports.binomes.add(binome);
    await markAnnounced(world, binome.id);
    // A check-in round waiting for each: closing the cycle cancels it.
    await world.ports.queue.schedule({
      community: TERMINAL,
      kind: 'check-in.round',
      key: binome.id,
      payload: { binome: binome.id, round: '2' },
      dueAt: new Date('2026-07-15T08:00:00.000Z'),
    });
  }
});
afterEach(async () => {
  await world.close();
});

const BINOMES: Binome[] = [
  makeBinome({ id: 'b1', mentee: 'dan', mentor: 'erin', referent: 'ref' }),
  makeBinome({ id: 'b2', mentee: 'fay', mentor: 'gus' }),
  makeBinome({ id: 'b3', mentee: 'hal', mentor: 'erin' }),
];
const coordinator = () => world.as({ ...COORDINATOR });
const thanks = (pair: string) => translate('fr', 'binome.dissolved.cycleClosed', { pair });
const DAN_ERIN = `Dan Leroy (${mention('dan')}) ↔ Erin Roux (${mention('erin')})`;
const HAL_ERIN = `Hal Garnier (${mention('hal')}) ↔ Erin Roux (${mention('erin')})`;
const FAY_GUS = `Fay Dubois (${mention('fay')}) ↔ Gus Moreau (${mention('gus')})`;

async function queued(kind: string, key: string) {
  return world.ports.queue.find(TERMINAL, kind, key);
}

describe('closing a cycle', () => {
  it('marks it closed at once and tells the coordinator how many binômes end and that feedback forms go out', async () => {
    const question = await requestCycleAction(coordinator(), 'close');
    expect(text(question)).toContain('Ses 3 binômes en cours prendront fin');
    const done = text(await pressYes(world, question));
    expect(done).toBe(translate('fr', 'cycle.done.close', { name: '2025-2026', binomes: 3, participants: 5 }));
    expect(done).toContain('Ses 3 binômes en cours prennent fin maintenant');
    expect(done).toContain('Le formulaire de retour part aux 5 participant·es.');
    expect((await world.ports.cycles.latest(TERMINAL))?.state).toBe('closed');
  });

  it('ends every binôme of the cycle, thanking its people privately, cancels their check-ins, and queues archives and feedback forms', async () => {
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    await runAllDue(closingRunner(world));

    const binomes = await world.ports.binomes.listByCommunity(TERMINAL);
    expect(binomes.map((binome) => [binome.id, binome.status, binome.dissolvedBecause])).toEqual([
      ['b1', 'dissolved', 'cycle-closed'],
      ['b2', 'dissolved', 'cycle-closed'],
      ['b3', 'dissolved', 'cycle-closed'],
    ]);
    expect(dmsTo(world, 'dan')).toEqual([thanks(DAN_ERIN)]);
    expect(dmsTo(world, 'erin')).toEqual([thanks(DAN_ERIN), thanks(HAL_ERIN)]);
    // The référent is thanked too, without the promise of a form only members get.
    expect(dmsTo(world, 'ref')).toEqual([translate('fr', 'binome.dissolved.cycleClosed.referent', { pair: DAN_ERIN })]);
    expect(dmsTo(world, 'gus')).toEqual([thanks(FAY_GUS)]);
    expect(thanks(DAN_ERIN)).toContain('Merci à vous');
    for (const id of ['b1', 'b2', 'b3']) {
      expect(await queued('check-in.round', id)).toBeUndefined();
      expect((await queued('space.archive', id))?.payload).toEqual({ binome: id });
    }
    for (const person of ['dan', 'erin', 'fay', 'gus', 'hal'])
      expect((await queued('feedback.ask', `1-${person}`))?.payload).toEqual({ cycle: '1', participant: person });
    // The référent gives no participant feedback.
    expect(await queued('feedback.ask', '1-ref')).toBeUndefined();
  });

  it('leaves the binômes of other cycles alone', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'old', cycle: 2, mentee: 'ida', mentor: 'gus', status: 'dissolved' }));
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    await runAllDue(closingRunner(world));
    expect(await queued('space.archive', 'old')).toBeUndefined();
    expect(await queued('feedback.ask', '1-ida')).toBeUndefined();
  });

  it('archives the space of a binôme that ended earlier in the cycle too, without asking its members for feedback', async () => {
    await world.ports.binomes.add(
      makeBinome({ id: 'gone', mentee: 'ida', mentor: 'gus', status: 'dissolved', dissolvedBecause: 'coordinator' }),
    );
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    await runAllDue(closingRunner(world));
    expect((await queued('space.archive', 'gone'))?.payload).toEqual({ binome: 'gone' });
    expect(await queued('feedback.ask', '1-ida')).toBeUndefined();
  });

  it('asks for feedback the members of a binôme that ended earlier who are still enrolled, not one who withdrew', async () => {
    await enrolMentee(world, 'ida', 'Ida Roy');
    await enrolMentee(world, 'jo', 'Jo Blanc');
    await world.ports.binomes.add(
      makeBinome({ id: 'early', mentee: 'ida', mentor: 'gus', status: 'dissolved', dissolvedBecause: 'coordinator' }),
    );
    await world.ports.binomes.add(
      makeBinome({ id: 'left', mentee: 'jo', mentor: 'gus', status: 'dissolved', dissolvedBecause: 'withdrawal' }),
    );
    const jo = await world.ports.enrolments.find(participantIdOf(TERMINAL, 'jo'));
    if (!jo) throw new Error('jo is not enrolled');
    await world.ports.enrolments.save({ ...jo, status: 'withdrawn' });

    const done = text(await pressYes(world, await requestCycleAction(coordinator(), 'close')));
    // dan, erin, fay, gus, hal, and ida; not jo.
    expect(done).toBe(translate('fr', 'cycle.done.close', { name: '2025-2026', binomes: 3, participants: 6 }));
    await runAllDue(closingRunner(world));
    expect((await queued('feedback.ask', '1-ida'))?.payload).toEqual({ cycle: '1', participant: 'ida' });
    expect(await queued('feedback.ask', '1-jo')).toBeUndefined();
    // Their thanks at the end of the cycle are for the binômes it ends: ida's ended before.
    expect(dmsTo(world, 'ida')).toEqual([]);
  });

  it('ends more binômes than one run takes, over several runs, each once', async () => {
    const extra = BINOMES_PER_RUN + 2;
    for (let index = 0; index < extra; index += 1)
      await world.ports.binomes.add(makeBinome({ id: `x${index}`, mentee: `mentee${index}`, mentor: `mentor${index}` }));
    // Only people still enrolled are asked for feedback: the last mentor is.
    await enrolMentor(world, `mentor${extra - 1}`, 'Mia Perrin');
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    await runAllDue(closingRunner(world));
    const binomes = await world.ports.binomes.listByCommunity(TERMINAL);
    expect(binomes.filter((binome) => binome.dissolvedBecause === 'cycle-closed')).toHaveLength(extra + 3);
    expect(await queued('feedback.ask', `1-mentor${extra - 1}`)).toBeDefined();
    expect(await queued('space.archive', `x${extra - 1}`)).toBeDefined();
  });

  it('after a restart in the middle, skips nothing and doubles nothing', async () => {
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    // The first run dies while saving the second binôme's end: its lease is never settled.
    let saves = 0;
    const dying: AppPorts = {
      ...(world.ports as AppPorts),
      binomes: {
        ...world.ports.binomes,
        save: (binome) => (++saves === 2 ? new Promise<void>(() => {}) : world.ports.binomes.save(binome)),
      },
    };
    void closingRunner(world, dying).runDue();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await world.ports.binomes.listByCommunity(TERMINAL)).map((binome) => binome.status)).toEqual([
      'dissolved',
      'confirmed',
      'confirmed',
    ]);

    // Another process, on the same data, once the lease ran out.
    const restarted = await createUseCaseWorld({ store: world.store, now: '2026-06-20T10:11:00.000Z' });
    await runAllDue(closingRunner(restarted));
    expect((await restarted.ports.binomes.listByCommunity(TERMINAL)).map((binome) => binome.status)).toEqual([
      'dissolved',
      'dissolved',
      'dissolved',
    ]);
    const all = (userId: string) => [...dmsTo(world, userId), ...dmsTo(restarted, userId)];
    expect(all('dan')).toEqual([thanks(DAN_ERIN)]);
    expect(all('erin')).toEqual([thanks(DAN_ERIN), thanks(HAL_ERIN)]);
    expect(all('fay')).toEqual([thanks(FAY_GUS)]);
    for (const person of ['dan', 'erin', 'fay', 'gus', 'hal'])
      expect(await restarted.ports.queue.find(TERMINAL, 'feedback.ask', `1-${person}`)).toBeDefined();
    for (const id of ['b1', 'b2', 'b3']) {
      expect(await restarted.ports.queue.find(TERMINAL, 'space.archive', id)).toBeDefined();
      expect(await restarted.ports.queue.find(TERMINAL, 'check-in.round', id)).toBeUndefined();
    }
  });
});

describe('the personal data of a closed cycle', () => {
  const checkIn: CheckIn = {
    schemaVersion: 1,
    community: TERMINAL,
    binomeId: 'b1',
    round: 1,
    postedAt: '2026-04-01T08:00:00.000Z',
    answers: [
      { by: 'dan', answer: 'met', at: '2026-04-02T08:00:00.000Z' },
      { by: 'erin', answer: 'met', at: '2026-04-03T08:00:00.000Z' },
    ],
  };

  it('is kept for the months set in config, then its binômes, check-in answers and "not a good fit" name nobody; the counts stay', async () => {
    await world.ports.checkIns.add(checkIn);
    await world.ports.fitConcerns.add({
      schemaVersion: 1,
      community: TERMINAL,
      binomeId: 'b1',
      by: 'erin',
      at: '2026-05-01T08:00:00.000Z',
    });
    await pressYes(world, await requestCycleAction(coordinator(), 'close'));
    const runner = jobRunner(world);
    await runAllDue(runner);
    expect(world.programme.followUp.pastCyclesRetentionMonths).toBe(24);

    world.clock.set('2028-06-20T09:59:00.000Z');
    await runAllDue(runner);
    expect((await world.ports.binomes.find(TERMINAL, 'b1'))?.mentee).toBe('dan');

    world.clock.set('2028-06-20T10:00:00.000Z');
    await runAllDue(runner);
    const binomes = await world.ports.binomes.listByCommunity(TERMINAL);
    expect(binomes).toHaveLength(3);
    expect(binomes.map((binome) => [binome.cycle, binome.mentee, binome.mentor, binome.referent ?? '', binome.createdBy])).toEqual([
      [1, '~mentee', '~mentor', '~referent', '~coordination'],
      [1, '~mentee', '~mentor', '', '~coordination'],
      [1, '~mentee', '~mentor', '', '~coordination'],
    ]);
    const answers = (await world.ports.checkIns.listForBinome(TERMINAL, 'b1')).flatMap((round) => round.answers);
    expect(answers.map((answer) => [answer.by, answer.answer])).toEqual([
      ['~mentee', 'met'],
      ['~mentor', 'met'],
    ]);
    const concerns = await world.ports.fitConcerns.listForBinome(TERMINAL, 'b1');
    expect(concerns.map((concern) => [concern.by, concern.at])).toEqual([['~mentor', '2026-05-01T08:00:00.000Z']]);
    const everything = JSON.stringify([binomes, answers, concerns]);
    for (const person of ['dan', 'erin', 'fay', 'gus', 'hal', 'ref', COORDINATOR.userId]) expect(everything).not.toContain(`"${person}"`);
  });
});
