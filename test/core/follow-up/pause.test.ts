import { afterEach, describe, expect, it } from 'vitest';
import { requestPause, resumeFromPause } from '../../../src/core/follow-up/pause-requests';
import { isPaused, startPause } from '../../../src/core/follow-up/pauses';
import { participantIdOf } from '../../../src/core/identity';
import { confirmWithdrawal, requestWithdrawal } from '../../../src/core/participants/withdraw';
import type { Reply } from '../../../src/core/reply';
import { dmRecipients, dmsTo, text } from '../../support/pairing-people';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { createFollowUpWorld, type FollowUpWorld } from './follow-up-world';

const opened: FollowUpWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

async function newWorld() {
  const world = await createFollowUpWorld();
  opened.push(world);
  return world;
}

const dan = (world: FollowUpWorld, locale: 'fr' | 'en' = 'fr') => world.as({ userId: 'dan', locale });
const DAN = participantIdOf(TERMINAL, 'dan');

function yesArgs(reply: Reply): readonly string[] {
  const yes = reply.kind === 'messages' ? reply.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
  if (!yes) throw new Error('no confirmation button');
  return yes.args;
}

describe('a participant who pauses for a number of weeks', () => {
  it('is told what the pause means and until when, and the binôme’s référent is told privately; the mentor hears nothing', async () => {
    const world = await newWorld();
    const reply = await requestPause(dan(world), { weeks: '3' });
    expect(text(reply)).toBe(
      '**Vous êtes en pause jusqu’au 23 mars 2026.** Pendant ce temps, on ne vous propose pas de nouveau binôme et vous ne recevez pas de relance. Votre binôme continue d’exister ; sa ou son référent·e est prévenu·e. La pause se terminera d’elle-même et vous le dira ; `/mentorat reprendre` pour revenir plus tôt.',
    );
    expect(dmsTo(world, 'ref')).toEqual([
      '<@dan> se met en pause (jusqu’au 23 mars 2026) dans un binôme que vous suivez : pas de nouveau binôme ni de relance pour elle ou lui pendant ce temps.',
    ]);
    expect(dmRecipients(world)).toEqual(['ref']);
    expect(await isPaused(world.ports, DAN)).toBe(true);
  });

  it('ends by itself once its date has passed, telling the person once and their référent', async () => {
    const world = await newWorld();
    await requestPause(dan(world), { weeks: '3' });
    expect(await world.at('2026-03-23T09:00:00.000Z')).toBe(0);
    expect(dmsTo(world, 'dan')).toEqual([]);
    expect(await isPaused(world.ports, DAN)).toBe(true);

    expect(await world.at('2026-03-23T10:00:01.000Z')).toBe(1);
    expect(dmsTo(world, 'dan')).toEqual([
      '**Votre pause est terminée.** Vous pouvez de nouveau être proposé·e pour un binôme et recevoir les points d’étape ; si vous avez un binôme, sa ou son référent·e le sait. Besoin de plus de temps ? `/mentorat pause`.',
    ]);
    expect(dmsTo(world, 'ref').at(-1)).toBe('<@dan> reprend le programme : sa pause est finie.');
    expect(await isPaused(world.ports, DAN)).toBe(false);
    const [pause] = await world.ports.pauses.listFor(DAN);
    expect(pause).toMatchObject({ because: 'asked', endedBecause: 'expired', endedAt: '2026-03-23T10:00:01.000Z' });

    expect(await world.at('2026-04-30T10:00:00.000Z')).toBe(0);
    expect(dmsTo(world, 'dan')).toHaveLength(1);
  });

  it('says it once even when its job runs again after a stop between recording the end and hearing back from the DM', async () => {
    const world = await newWorld();
    await requestPause(dan(world), { weeks: '1' });
    const job = await world.ports.queue.find(TERMINAL, 'pause.end', 'dan');
    await world.at('2026-03-09T10:00:01.000Z');
    expect(dmsTo(world, 'dan')).toHaveLength(1);
    // The same job again (another process took it over): the end is recorded, the DM already there.
    await world.ports.queue.schedule({
      community: TERMINAL,
      kind: 'pause.end',
      key: 'dan',
      dueAt: new Date('2026-03-09T10:00:00.000Z'),
      payload: job?.payload ?? {},
    });
    expect(await world.runner.runDue()).toBe(1);
    expect(dmsTo(world, 'dan')).toHaveLength(1);
    expect(dmsTo(world, 'ref')).toHaveLength(2);
  });

  it('is refused a second pause while the first lasts, with its end date', async () => {
    const world = await newWorld();
    await requestPause(dan(world), { weeks: '3' });
    expect(await refusal(() => requestPause(dan(world), {}), 'fr')).toBe(
      'Vous êtes déjà en pause (jusqu’au 23 mars 2026). `/mentorat reprendre` pour revenir plus tôt.',
    );
    expect(await world.ports.pauses.listFor(DAN)).toHaveLength(1);
  });

  it('refuses a number of weeks outside 1 to 52, saying what it takes', async () => {
    const world = await newWorld();
    for (const typed of ['0', '53', 'deux', '1.5']) {
      expect(await refusal(() => requestPause(dan(world, 'en'), { weeks: typed }))).toBe(
        `“${typed}” is not a possible number of weeks: 1 to 52, or nothing for a break until further notice. For example: \`/mentorat pause weeks:4\`.`,
      );
    }
    expect(await world.ports.pauses.listFor(DAN)).toEqual([]);
  });
});

describe('a participant who pauses until further notice, then resumes', () => {
  it('stays paused however long, and resuming tells them and their référent in their own languages', async () => {
    const world = await newWorld();
    expect(text(await requestPause(world.as({ userId: 'erin', locale: 'en' }), {}))).toBe(
      '**You are on a break until further notice.** Meanwhile you are not offered a new pair and receive no reminders. Your pair goes on; its referent has been told. `/mentorat resume` whenever you want to come back.',
    );
    await world.at('2027-01-01T10:00:00.000Z');
    expect(await isPaused(world.ports, participantIdOf(TERMINAL, 'erin'))).toBe(true);
    expect(text(await resumeFromPause(world.as({ userId: 'erin', locale: 'en' })))).toBe(
      '**Welcome back!** Your break is over: you can be offered a pair and receive check-ins again. Your pair’s referent has been told.',
    );
    expect(dmsTo(world, 'ref')).toEqual([
      '<@erin> se met en pause (jusqu’à nouvel ordre) dans un binôme que vous suivez : pas de nouveau binôme ni de relance pour elle ou lui pendant ce temps.',
      '<@erin> reprend le programme : sa pause est finie.',
    ]);
    expect(dmsTo(world, 'erin')).toEqual([]);
  });

  it('resuming early cancels the timed end: nothing is said when its date comes', async () => {
    const world = await newWorld();
    await requestPause(dan(world), { weeks: '2' });
    expect(await world.ports.queue.find(TERMINAL, 'pause.end', 'dan')).toBeDefined();
    world.clock.set('2026-03-05T10:00:00.000Z');
    await resumeFromPause(dan(world));
    expect(await world.ports.queue.find(TERMINAL, 'pause.end', 'dan')).toBeUndefined();
    expect(await world.at('2026-03-20T10:00:00.000Z')).toBe(0);
    expect(dmsTo(world, 'dan')).toEqual([]);
    const [pause] = await world.ports.pauses.listFor(DAN);
    expect(pause).toMatchObject({ endedBecause: 'resumed', endedAt: '2026-03-05T10:00:00.000Z' });
    // A new pause after that is a new record: history stays.
    await requestPause(dan(world), { weeks: '1' });
    expect(await world.ports.pauses.listFor(DAN)).toHaveLength(2);
  });

  it('refuses to resume someone who is not paused, and to pause someone not enrolled', async () => {
    const world = await newWorld();
    expect(await refusal(() => resumeFromPause(dan(world)), 'fr')).toBe(
      "Vous n'êtes pas en pause : il n'y a rien à reprendre. `/mentorat pause` si vous avez besoin d'en faire une.",
    );
    expect(await refusal(() => requestPause(world.as({ userId: 'zoe', locale: 'en' }), {}))).toBe(
      'You are not enrolled in the programme: pausing and resuming are for enrolled people. `/mentorat enrol` to enrol.',
    );
    expect(await refusal(() => resumeFromPause(world.as({ userId: 'zoe', locale: 'en' })))).toBe(
      'You are not enrolled in the programme: pausing and resuming are for enrolled people. `/mentorat enrol` to enrol.',
    );
  });

  it('does not mention a référent to someone without a binôme, and ends with a withdrawal without telling them it is over', async () => {
    const world = await newWorld();
    const gus = world.as({ userId: 'gus', locale: 'en' });
    expect(text(await requestPause(gus, { weeks: '1' }))).toBe(
      '**You are on a break until 9 March 2026.** Meanwhile you are not offered a new pair and receive no reminders. The break will end by itself and tell you so; `/mentorat resume` to come back sooner.',
    );
    await confirmWithdrawal(gus, yesArgs(await requestWithdrawal(gus)));
    expect(await world.ports.queue.find(TERMINAL, 'pause.end', 'gus')).toBeUndefined();
    expect(await world.ports.pauses.listFor(participantIdOf(TERMINAL, 'gus'))).toMatchObject([{ endedBecause: 'withdrawn' }]);
    expect(await world.at('2026-03-20T10:00:00.000Z')).toBe(0);
    expect(dmsTo(world, 'gus')).toEqual([]);
  });

  it('tells nobody when the paused person’s binôme has no référent (coordinators see it in the pairs list)', async () => {
    const world = await newWorld();
    const outcome = await startPause(world.ports, TERMINAL, world.programme, 'gus', { because: 'no-answer' });
    expect(outcome.started).toBe(true);
    expect(dmRecipients(world)).toEqual([]);
    // With a référent, one paused after unanswered check-ins is described so.
    await startPause(world.ports, TERMINAL, world.programme, 'erin', { because: 'no-answer', until: new Date('2026-04-01T10:00:00.000Z') });
    expect(dmsTo(world, 'ref')).toEqual([
      '<@erin> est mis·e en pause (jusqu’au 1 avril 2026) après plusieurs points d’étape sans réponse, dans un binôme que vous suivez : pas de nouveau binôme ni de relance pour elle ou lui pendant ce temps.',
    ]);
  });
});
