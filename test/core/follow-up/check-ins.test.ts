import { afterEach, describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import { dissolveBinome } from '../../../src/core/binomes/dissolve';
import { CHECK_IN_JOB } from '../../../src/core/follow-up/check-in-jobs';
import { translate } from '../../../src/core/i18n/translate';
import { participantIdOf } from '../../../src/core/identity';
import type { Reply } from '../../../src/core/reply';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createRecordingLog } from '../../support/recording-log';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { binomeOf, checkInWorld, START, WEEK } from './check-in-world';

const text = (reply: Reply) => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close().catch(() => undefined);
});

async function world(options: Parameters<typeof checkInWorld>[0] = {}) {
  const made = await checkInWorld(options);
  closers.push(() => made.world.close());
  return made;
}

describe('check-in rounds', () => {
  it('posts the first round in the binôme’s space two weeks after the announcement, not a minute before, then every four weeks', async () => {
    const { runner, at, posts } = await world();
    at(2, -1);
    await runner.runDue();
    expect(posts()).toEqual([]);
    at(2);
    await runner.runDue();
    expect(posts()).toHaveLength(1);
    const first = posts()[0];
    expect(first?.key).toBe('check-in:b1:1');
    expect(first?.text).toContain(translate('fr', 'checkIn.post.title', { round: 1 }));
    expect(first?.text).toContain(translate('fr', 'checkIn.post.question', { people: '<@dan>, <@erin>' }));
    expect(first?.buttons?.map((button) => [button.command, button.action, button.args.join(',')])).toEqual([
      ['mentorat.binome', 'met', 'b1,1'],
      ['mentorat.binome', 'not-yet', 'b1,1'],
      ['mentorat.binome', 'help', 'b1,1'],
    ]);
    at(6, -1);
    await runner.runDue();
    expect(posts()).toHaveLength(1);
    at(6);
    await runner.runDue();
    expect(posts().map((post) => post.key)).toEqual(['check-in:b1:1', 'check-in:b1:2']);
  });

  it('stores each answer with who and when, acknowledges it privately to that member only, and lets them change it', async () => {
    const { world: w, runner, at, answer, since } = await world();
    at(2);
    await runner.runDue();
    at(2, 30);
    const before = since().length;
    expect(text(await answer('dan', 1, 'not-yet'))).toBe(translate('fr', 'checkIn.answered.notYet', { round: 1 }));
    at(2, 90);
    expect(text(await answer('dan', 1, 'met'))).toBe(translate('fr', 'checkIn.answered.met', { round: 1 }));
    const round = await w.ports.checkIns.find(TERMINAL, 'b1', 1);
    expect(round?.answers).toEqual([
      { by: 'dan', answer: 'not-yet', at: new Date(Date.parse(START) + 2 * WEEK + 30 * 60_000).toISOString() },
      { by: 'dan', answer: 'met', at: new Date(Date.parse(START) + 2 * WEEK + 90 * 60_000).toISOString() },
    ]);
    // Nothing was posted or sent to anyone: the answers are private acknowledgements.
    expect(since()).toHaveLength(before);
  });

  it('refuses the référent (or anyone else) politely and stores nothing', async () => {
    const { world: w, runner, at, answer } = await world();
    at(2);
    await runner.runDue();
    expect(await refusal(() => answer('ref', 1, 'met'), 'fr')).toBe(translate('fr', 'checkIn.notAMember'));
    expect(await refusal(() => answer('stranger', 1, 'not-yet'), 'fr')).toBe(translate('fr', 'checkIn.notAMember'));
    expect((await w.ports.checkIns.find(TERMINAL, 'b1', 1))?.answers).toEqual([]);
  });

  it('closes a round once the next one is posted', async () => {
    const { runner, at, answer } = await world();
    at(2);
    await runner.runDue();
    at(6);
    await runner.runDue();
    expect(await refusal(() => answer('erin', 1, 'met'), 'fr')).toBe(translate('fr', 'checkIn.closedRound', { round: 1, latest: 2 }));
    expect(text(await answer('erin', 2, 'met'))).toBe(translate('fr', 'checkIn.answered.met', { round: 2 }));
  });

  it('opens the report form privately on “I need help”, naming the binôme, and keeps the answer', async () => {
    const { world: w, runner, at, answer } = await world();
    at(2);
    await runner.runDue();
    const reply = await answer('dan', 1, 'help');
    expect(reply.kind).toBe('form');
    if (reply.kind !== 'form') return;
    expect(reply.form.id).toBe('mentorat.report');
    expect(reply.initial).toEqual({ binome: 'Erin Roux' });
    expect((await w.ports.checkIns.find(TERMINAL, 'b1', 1))?.answers.map((item) => [item.by, item.answer])).toEqual([['dan', 'help']]);
  });
});

describe('the référent’s alert', () => {
  it('comes once, privately, after two “not yet” in a row; the members are told nothing', async () => {
    const { runner, at, answer, dmsTo } = await world();
    at(2);
    await runner.runDue();
    await answer('dan', 1, 'not-yet');
    at(6);
    await runner.runDue();
    expect(dmsTo('ref')).toEqual([]);
    await answer('erin', 2, 'not-yet');
    at(10);
    await runner.runDue();
    expect(dmsTo('ref')).toHaveLength(1);
    const alert = dmsTo('ref')[0]?.text ?? '';
    expect(alert).toContain('<@dan>');
    expect(alert).toContain('<@erin>');
    expect(alert).toContain(translate('fr', 'checkIn.alert.todo'));
    expect(alert).toContain('2 « pas encore »');
    expect(dmsTo('dan')).toEqual([]);
    expect(dmsTo('erin')).toEqual([]);
    await answer('dan', 3, 'not-yet');
    at(14);
    await runner.runDue();
    expect(dmsTo('ref')).toHaveLength(1);
  });

  it('comes after two rounds without any answer, and goes to the coordinators’ space when the binôme has no référent', async () => {
    const { runner, at, posts, since } = await world({ referent: null });
    at(2);
    await runner.runDue();
    at(6);
    await runner.runDue();
    at(10);
    await runner.runDue();
    const alerts = posts().filter((post) => post.key?.startsWith('check-in-alert:'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain(translate('fr', 'checkIn.alert.noReferent'));
    expect(alerts[0]?.text).toContain('2 points sans réponse');
    // The coordination space is not the binôme's: the members see nothing there, and get no DM.
    expect(alerts[0]?.to).not.toBe(posts()[0]?.to);
    expect(since().filter((entry) => entry.kind === 'dm')).toEqual([]);
  });
  it('goes to the coordinators’ space, saying so, when the référent cannot be reached', async () => {
    const { scripted, runner, at, posts, dmsTo } = await world();
    scripted.refuseDms('ref');
    for (const weeks of [2, 6, 10]) {
      at(weeks);
      await runner.runDue();
    }
    const alerts = posts().filter((post) => post.key?.startsWith('check-in-alert:'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain(translate('fr', 'checkIn.alert.referentUnreachable', { referent: '<@ref>' }));
    expect(dmsTo('dan')).toEqual([]);
    expect(dmsTo('erin')).toEqual([]);
  });
});

describe('a member who ignores check-ins', () => {
  it('is paused after the third round left unanswered in a row, told privately how to resume, and no longer asked', async () => {
    const { runner, at, answer, dmsTo, pausesOf, posts } = await world();
    for (const [round, weeks] of [
      [1, 2],
      [2, 6],
      [3, 10],
    ] as const) {
      at(weeks);
      await runner.runDue();
      await answer('dan', round, 'met');
    }
    expect(await pausesOf('erin')).toEqual([]);
    at(14);
    await runner.runDue();
    const pauses = await pausesOf('erin');
    expect(pauses.map((pause) => [pause.because, pause.endedAt])).toEqual([['no-answer', undefined]]);
    expect(dmsTo('erin')).toHaveLength(1);
    expect(dmsTo('erin')[0]?.text).toContain(translate('fr', 'checkIn.paused.resume'));
    expect(dmsTo('erin')[0]?.text).toContain('<@dan>');
    expect(await pausesOf('dan')).toEqual([]);
    expect(dmsTo('dan')).toEqual([]);
    const fourth = posts().find((post) => post.key === 'check-in:b1:4');
    expect(fourth?.text).toContain(translate('fr', 'checkIn.post.question', { people: '<@dan>' }));
    // Still silent while paused: that silence is not counted, no second pause or message.
    at(18);
    await runner.runDue();
    expect(await pausesOf('erin')).toHaveLength(1);
    expect(dmsTo('erin')).toHaveLength(1);
  });

  it('is not counted while paused: a member on pause through three rounds is not paused again for them', async () => {
    const { world: w, runner, at, answer, pausesOf, dmsTo } = await world();
    await w.ports.pauses.save({ schemaVersion: 1, participant: participantIdOf(TERMINAL, 'dan'), startedAt: START, because: 'asked' });
    for (const [round, weeks] of [
      [1, 2],
      [2, 6],
      [3, 10],
    ] as const) {
      at(weeks);
      await runner.runDue();
      await answer('erin', round, 'met');
    }
    at(14);
    await runner.runDue();
    expect((await pausesOf('dan')).map((pause) => pause.because)).toEqual(['asked']);
    expect(dmsTo('dan')).toEqual([]);
  });

  it('skips the round without posting while both members are paused, and posts it once one comes back', async () => {
    const { world: w, runner, at, posts } = await world();
    for (const userId of ['dan', 'erin']) {
      await w.ports.pauses.save({ schemaVersion: 1, participant: participantIdOf(TERMINAL, userId), startedAt: START, because: 'asked' });
    }
    at(2);
    await runner.runDue();
    expect(posts()).toEqual([]);
    expect((await w.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1'))?.payload.round).toBe('1');
    const [dansPause] = await w.ports.pauses.listFor(participantIdOf(TERMINAL, 'dan'));
    if (!dansPause) throw new Error('no pause');
    at(3);
    await w.ports.pauses.save({ ...dansPause, endedAt: w.clock.now().toISOString(), endedBecause: 'resumed' });
    at(6);
    await runner.runDue();
    expect(posts().map((post) => post.key)).toEqual(['check-in:b1:1']);
    expect(posts()[0]?.text).toContain(translate('fr', 'checkIn.post.question', { people: '<@dan>' }));
  });
});

describe('a durable schedule', () => {
  it('posts once when the bot stopped between posting and recording the round', async () => {
    const { world: w, scripted, at, posts } = await world();
    at(2);
    const short = createJobRunner(w.ports as AppPorts, {
      programmes: { programmeFor: () => w.programme },
      log: createRecordingLog(),
      leaseMs: 60_000,
    });
    scripted.hangAfter(0);
    // The post arrives and its call never returns: the process is as good as dead.
    void short.runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posts()).toHaveLength(1);
    scripted.hangAfter(undefined);
    const { world: restarted, runner } = await checkInWorld({ chat: scripted, store: w.store });
    restarted.clock.set(new Date(Date.parse(START) + 2 * WEEK + 2 * 60_000).toISOString());
    await runner.runDue();
    expect(posts().map((post) => post.key)).toEqual(['check-in:b1:1']);
    expect(await restarted.ports.checkIns.find(TERMINAL, 'b1', 1)).toBeDefined();
    expect((await restarted.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1'))?.payload.round).toBe('2');
  });

  it('gives each of 50 binômes its round once when the bot stops in the middle of the round and starts again', async () => {
    const binomes = Array.from({ length: 50 }, (_, index) => binomeOf(`b${index}`, 'dan', 'erin', 'ref'));
    const { world: w, scripted, runner, at } = await world({ binomes });
    const announced = scripted.arrived.length;
    at(2);
    const original = scripted.chat.postInSpace;
    let seen = 0;
    scripted.chat.postInSpace = async (...args) => {
      seen += 1;
      if (seen === 20) w.stop();
      return original(...args);
    };
    await runner.runDue();
    const roundPosts = () => scripted.arrived.slice(announced).filter((entry) => entry.key?.startsWith('check-in:'));
    expect(roundPosts()).toHaveLength(20);
    scripted.chat.postInSpace = original;
    const { world: restarted, runner: again } = await checkInWorld({ chat: scripted, store: w.store });
    restarted.clock.set(w.clock.now().toISOString());
    await again.runDue();
    const keys = roundPosts().map((post) => post.key);
    expect(keys).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    for (const binome of binomes) expect(await restarted.ports.checkIns.find(TERMINAL, binome.id, 1)).toBeDefined();
  });

  it('keeps trying a round whose runs fail (a platform error thrown), instead of dropping the schedule after four', async () => {
    const { world: w, scripted, runner, at, posts } = await world();
    const original = scripted.chat.postInSpace;
    let failures = 0;
    scripted.chat.postInSpace = async (...args) => {
      if (failures < 6) {
        failures += 1;
        throw new Error('socket hang up');
      }
      return original(...args);
    };
    for (let hour = 0; hour <= 12; hour += 2) {
      at(2, hour * 60);
      await runner.runDue();
    }
    expect(failures).toBe(6);
    expect(posts().map((post) => post.key)).toEqual(['check-in:b1:1']);
    expect((await w.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1'))?.payload.round).toBe('2');
  });

  it('stops for good when the binôme ends: dissolving cancels the pending round', async () => {
    const { world: w, runner, at, posts } = await world();
    const binome = await w.ports.binomes.find(TERMINAL, 'b1');
    if (!binome) throw new Error('no binôme');
    await dissolveBinome(w.ports, TERMINAL, w.programme, binome, { by: 'coord', because: 'coordinator' });
    expect(await w.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1')).toBeUndefined();
    at(2);
    await runner.runDue();
    // Its space is only told that it ended; no round is asked there.
    expect(posts().map((post) => post.key)).toEqual(['binome-ended:b1']);
  });

  it('answers done without posting when the binôme ended or its cycle closed behind its back', async () => {
    const { world: w, runner, at, posts } = await world();
    const cycle = await w.ports.cycles.find(TERMINAL, 1);
    const now = w.clock.now().toISOString();
    if (cycle) await w.ports.cycles.save({ ...cycle, state: 'closed', closedAt: now, closedBy: 'coord' });
    else {
      await w.ports.cycles.add({
        schemaVersion: 1,
        community: TERMINAL,
        sequence: 1,
        name: '2026-2027',
        state: 'closed',
        openedAt: now,
        openedBy: 'programme',
        closedAt: now,
        closedBy: 'coord',
      });
    }
    at(2);
    await runner.runDue();
    expect(posts()).toEqual([]);
    expect(await w.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1')).toBeUndefined();

    const other = await world();
    const binome = await other.world.ports.binomes.find(TERMINAL, 'b1');
    if (!binome) throw new Error('no binôme');
    await other.world.ports.binomes.save({
      ...binome,
      status: 'dissolved',
      dissolvedAt: now,
      dissolvedBy: 'coord',
      dissolvedBecause: 'coordinator',
    });
    other.at(2);
    await other.runner.runDue();
    expect(other.posts()).toEqual([]);
    expect(await other.world.ports.queue.find(TERMINAL, CHECK_IN_JOB, 'b1')).toBeUndefined();
  });
});
