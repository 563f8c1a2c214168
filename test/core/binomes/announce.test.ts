import { afterEach, describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import { announceBinomes } from '../../../src/core/binomes/announce';
import { MAX_MESSAGE_ATTEMPTS } from '../../../src/core/binomes/announcement-steps';
import { showMyBinomes } from '../../../src/core/binomes/my-binomes';
import { UserError } from '../../../src/core/errors';
import type { Locale } from '../../../src/core/i18n/locale';
import { type MessageKey, type MessageParams, translate, translateUnchecked } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { confirmWithdrawal, requestWithdrawal } from '../../../src/core/participants/withdraw';
import type { Reply } from '../../../src/core/reply';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createStore } from '../../../src/store/create-store';
import { createRecordingLog } from '../../support/recording-log';
import { withOutage } from '../../support/unavailable-store';
import type { UseCaseWorld } from '../../support/use-case-world';
import { type Arrived, COORDINATOR, createAnnounceWorld, type ScriptedChat, seedPeople } from './announce-world';

const text = (reply: Reply) => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');
const fragment = (locale: Locale, key: MessageKey, params?: MessageParams) =>
  (translateUnchecked(locale, key, params).split(/\{\w+\}/)[0] ?? '').trim();

const opened: UseCaseWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close().catch(() => undefined);
});

async function announceWorld(options: Parameters<typeof createAnnounceWorld>[0] = {}) {
  const made = await createAnnounceWorld(options);
  if (!options.store) opened.push(made.world);
  return made;
}

/** Two mentors with one place each, three mentorés (one speaks only German): two binômes, one on the waiting list. */
async function confirmedRound(world: UseCaseWorld) {
  await seedPeople(world, {
    mentors: [
      { id: 'erin', name: 'Erin Roux' },
      { id: 'fay', name: 'Fay Morel', locale: 'en' },
    ],
    mentees: [
      { id: 'dan', name: 'Dan Leroy' },
      { id: 'gus', name: 'Gus Klein' },
      { id: 'hans', name: 'Hans Weber', locale: 'en' },
    ],
    menteeLanguages: { hans: ['de'] },
  });
  const coordinator = world.as(COORDINATOR);
  await showProposal(coordinator);
  await confirmProposal(coordinator);
  return world.ports.binomes.listByCommunity(coordinator.community);
}

function keysOf(arrived: readonly Arrived[]): string[] {
  return arrived.flatMap((entry) => (entry.key ? [entry.key] : []));
}

function expectNothingTwice(scripted: ScriptedChat): void {
  const keys = keysOf(scripted.arrived);
  expect(keys.length, 'a keyed message arrived twice').toBe(new Set(keys).size);
  const spaces = scripted.arrived.filter((entry) => entry.kind === 'space');
  expect(spaces.length).toBe(scripted.spaces.size);
}

describe('announcing the confirmed binômes', () => {
  it('opens one private space per binôme holding exactly its three people, welcomes them there and writes to each', async () => {
    const { world, scripted } = await announceWorld();
    const binomes = await confirmedRound(world);
    expect(binomes).toHaveLength(2);

    const summary = text(await announceBinomes(world.as(COORDINATOR)));
    expect(summary).toContain(fragment('fr', 'announce.summary'));
    expect(summary).toContain('2/2');

    expect([...scripted.spaces.values()].map((space) => [...space.members].sort())).toEqual([
      ['dan', 'erin', 'ref'],
      ['fay', 'gus', 'ref'],
    ]);
    for (const space of scripted.spaces.values()) {
      const posts = scripted.postsIn(space.id);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.text).toContain(translate('fr', 'announce.welcome.title'));
      expect(posts[0]?.text).toContain(world.programme.pillars[0]?.title.fr);
    }
    // Everyone reads their DM in their own language; the référent gets one per binôme.
    expect(scripted.dmsTo('dan')[0]?.text).toContain(fragment('fr', 'announce.dm.mentee'));
    expect(scripted.dmsTo('fay')[0]?.text).toContain(fragment('en', 'announce.dm.mentor'));
    expect(scripted.dmsTo('ref')).toHaveLength(2);
    expect(scripted.dmsTo('ref')[0]?.text).toContain(fragment('fr', 'announce.dm.referent'));
    expectNothingTwice(scripted);
  });

  it('writes the welcome in each language the three read, and in one when they share it', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    await announceBinomes(world.as(COORDINATOR));
    const [french = '', mixed = ''] = [...scripted.spaces.values()].map((space) => scripted.postsIn(space.id)[0]?.text ?? '');
    expect(french).toContain(translate('fr', 'announce.welcome.title'));
    expect(french).not.toContain(translate('en', 'announce.welcome.title'));
    expect(mixed).toContain(translate('fr', 'announce.welcome.title'));
    expect(mixed).toContain(translate('en', 'announce.welcome.title'));
    expect(mixed.indexOf(translate('fr', 'announce.welcome.title'))).toBeLessThan(mixed.indexOf(translate('en', 'announce.welcome.title')));
  });

  it('tells the mentoré left without a binôme why, in their language, and what happens next', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    const summary = text(await announceBinomes(world.as(COORDINATOR)));
    const [notice] = scripted.dmsTo('hans');
    expect(notice?.text).toContain(translate('en', 'announce.waitlist.title'));
    expect(notice?.text).toContain(translate('en', 'match.notice.no-shared-language'));
    expect(notice?.text).toContain(world.programme.texts.waitlist.en.split('\n')[0]?.slice(0, 40));
    expect(summary).toContain(translate('fr', 'announce.noticesSent', { count: 1 }));
  });

  it('does nothing the second time, and says so', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    await announceBinomes(world.as(COORDINATOR));
    const before = scripted.arrived.length;
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    expect(scripted.arrived).toHaveLength(before);
  });

  it('refuses to announce when nothing was confirmed', async () => {
    const { world } = await announceWorld();
    await expect(announceBinomes(world.as(COORDINATOR))).rejects.toMatchObject({ messageKey: 'announce.nothingConfirmed' });
  });

  it('shows each member their binôme, référent and space once announced, not before', async () => {
    const { world } = await announceWorld();
    await confirmedRound(world);
    expect(text(await showMyBinomes(world.as({ userId: 'dan' })))).toBe(translate('fr', 'binome.mine.pending'));
    await announceBinomes(world.as(COORDINATOR));
    const shown = text(await showMyBinomes(world.as({ userId: 'dan' })));
    expect(shown).toContain(translate('fr', 'binome.mine.title'));
    expect(shown).toContain('Erin Roux');
    expect(shown).toContain('<@ref>');
    expect(shown).toContain('<#space-1|');
    expect(text(await showMyBinomes(world.as({ userId: 'ref', locale: 'en' })))).toContain(fragment('en', 'binome.mine.follows'));
  });
});

describe('announcing when the platform refuses', () => {
  it('reports closed DMs, retries them at the next runs, then gives up without touching the rest', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    scripted.refuseDms('dan');
    const first = text(await announceBinomes(world.as(COORDINATOR)));
    expect(first).toContain(translate('fr', 'announce.messageFailures', { count: 1 }));
    expect(first).toContain(fragment('fr', 'chat.problem.dmsClosed'));
    expect(first).toContain(translate('fr', 'announce.willRetry', { attempt: 1 }));
    // The binôme still counts as announced: its space has the message.
    expect(first).toContain('2/2');
    const spacesBefore = scripted.spaces.size;
    const postsBefore = scripted.arrived.filter((entry) => entry.kind === 'post').length;

    for (let run = 2; run < MAX_MESSAGE_ATTEMPTS; run += 1) {
      expect(text(await announceBinomes(world.as(COORDINATOR)))).toContain(translate('fr', 'announce.willRetry', { attempt: run }));
    }
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toContain(translate('fr', 'announce.givenUp'));
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    expect(scripted.spaces.size).toBe(spacesBefore);
    expect(scripted.arrived.filter((entry) => entry.kind === 'post')).toHaveLength(postsBefore);
    expect(scripted.dmsTo('dan')).toHaveLength(0);
  });

  it('lists the first 15 failures one by one and counts the rest', async () => {
    const { world, scripted } = await announceWorld();
    const mentors = Array.from({ length: 20 }, (_, index) => ({ id: `m${index}`, name: `Mentor ${index}` }));
    await seedPeople(world, { mentors, mentees: mentors.map((_, index) => ({ id: `e${index}`, name: `Mentee ${index}` })) });
    await showProposal(world.as(COORDINATOR));
    await confirmProposal(world.as(COORDINATOR));
    for (const mentor of mentors) scripted.refuseDms(mentor.id);
    const summary = text(await announceBinomes(world.as(COORDINATOR)));
    expect(summary).toContain(translate('fr', 'announce.messageFailures', { count: 20 }));
    expect(summary.split('\n').filter((line) => line.startsWith('- Mentor '))).toHaveLength(15);
    expect(summary).toContain(translate('fr', 'announce.moreFailures', { count: 5 }));
  });

  it('delivers a refused DM at the next run once the person opens their DMs', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    scripted.refuseDms('erin');
    await announceBinomes(world.as(COORDINATOR));
    scripted.allowDms('erin');
    const second = text(await announceBinomes(world.as(COORDINATOR)));
    expect(second).toContain(translate('fr', 'announce.messagesSent', { count: 1 }));
    expect(scripted.dmsTo('erin')).toHaveLength(1);
    expectNothingTwice(scripted);
  });

  it('stops at once when the bot lacks a permission, names it, and finishes everything once it is granted', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    scripted.refuseSpaces({ ok: false, reason: 'missing-permission', detail: 'Manage Channels' });
    const stopped = text(await announceBinomes(world.as(COORDINATOR)));
    expect(stopped).toContain(fragment('fr', 'announce.stoppedPlatform'));
    expect(stopped).toContain('Manage Channels');
    expect(stopped).toContain(translate('fr', 'announce.runAgain'));
    expect(scripted.arrived).toHaveLength(0);

    scripted.refuseSpaces(undefined);
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toContain('2/2');
    expect(scripted.spaces.size).toBe(2);
    expectNothingTwice(scripted);
  });

  it('records an error the platform threw as that step’s failure, and retries it next time', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    scripted.throwOnDmTo('gus');
    const first = text(await announceBinomes(world.as(COORDINATOR)));
    expect(first).toContain('socket hang up');
    scripted.throwOnDmTo(undefined);
    await announceBinomes(world.as(COORDINATOR));
    expect(scripted.dmsTo('gus')).toHaveLength(1);
    expectNothingTwice(scripted);
  });
});

describe('announcing, interrupted', () => {
  it('resumes after a restart without sending anything twice, even what was sent but never recorded', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    // The third delivery arrives, then its call never returns: the process "dies" right after sending.
    scripted.hangAfter(2);
    void announceBinomes(world.as(COORDINATOR));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const arrivedBeforeRestart = scripted.arrived.length;
    expect(arrivedBeforeRestart).toBeGreaterThan(0);
    scripted.hangAfter(undefined);

    // A new run of the bot on the same data, a minute later: the interrupted step may still be running elsewhere.
    const restarted = await announceWorld({ chat: scripted, store: world.store, now: '2026-12-01T09:01:00.000Z' });
    const early = text(await announceBinomes(restarted.world.as(COORDINATOR)));
    expect(early).toContain(translate('fr', 'announce.busy', { count: 1 }));
    expect(early).toContain(translate('fr', 'announce.runAgain'));

    // Past the stale delay it is taken for stopped: the retry finds the message already there.
    restarted.world.clock.set('2026-12-01T09:07:00.000Z');
    const finished = text(await announceBinomes(restarted.world.as(COORDINATOR)));
    expect(finished).not.toContain(translate('fr', 'announce.busy', { count: 1 }));
    expect(scripted.calls.some((call) => call.options?.mayHaveBeenSent === true)).toBe(true);
    expect(text(await announceBinomes(restarted.world.as(COORDINATOR)))).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    expectNothingTwice(scripted);
    expect(scripted.dmsTo('ref')).toHaveLength(2);
    expect(scripted.dmsTo('hans')).toHaveLength(1);
  });

  it('keeps looking before sending for as long as an interrupted attempt is in the log', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    // Space, welcome and Dan's DM arrive; Erin's DM arrives too, but the run dies before recording it.
    scripted.hangAfter(2);
    void announceBinomes(world.as(COORDINATOR));
    await new Promise((resolve) => setTimeout(resolve, 50));
    scripted.hangAfter(undefined);
    expect(scripted.dmsTo('erin')).toHaveLength(1);

    const later = await announceWorld({ chat: scripted, store: world.store, now: '2026-12-01T09:10:00.000Z' });
    scripted.refuseDms('erin');
    await announceBinomes(later.world.as(COORDINATOR));
    scripted.allowDms('erin');
    await announceBinomes(later.world.as(COORDINATOR));
    expect(scripted.dmsTo('erin')).toHaveLength(1);
    expectNothingTwice(scripted);
  });

  it('stops between two binômes when the bot is stopping, and the next run finishes', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    const send = scripted.chat.sendDirectMessage.bind(scripted.chat);
    scripted.chat.sendDirectMessage = async (...args) => {
      world.stop();
      return send(...args);
    };
    const stopped = text(await announceBinomes(world.as(COORDINATOR)));
    expect(stopped).toContain(translate('fr', 'announce.stoppedShutdown'));
    expect(stopped).toContain('1/2');
    scripted.chat.sendDirectMessage = send;

    const restarted = await announceWorld({ chat: scripted, store: world.store });
    expect(text(await announceBinomes(restarted.world.as(COORDINATOR)))).toContain('1/1');
    expectNothingTwice(scripted);
  });

  it('says what was announced and what is left when the store stops answering mid-way, and the next run finishes', async () => {
    const store = withOutage(await createStore('memory://'));
    const { world, scripted } = await announceWorld({ store });
    opened.push(world);
    await confirmedRound(world);
    const open = scripted.chat.openPrivateSpace.bind(scripted.chat);
    let spacesOpened = 0;
    scripted.chat.openPrivateSpace = async (...args) => {
      spacesOpened += 1;
      // The second binôme's space is opened, then the store stops answering before it is recorded.
      if (spacesOpened === 2) store.down = true;
      return open(...args);
    };
    const cut = text(await announceBinomes(world.as(COORDINATOR)));
    expect(cut).toContain(
      '**Annonce interrompue** : le stockage ne répond plus. Déjà fait et enregistré : 1 binôme annoncé. Reste à faire : la suite pour 1 binôme et 1 message aux mentoré·es sans binôme.',
    );
    expect(cut).not.toContain("rien n'a été enregistré");
    expect(cut).not.toContain('Annonce terminée');
    expect(cut).toContain(translate('fr', 'announce.runAgain'));
    expect(scripted.dmsTo('hans')).toEqual([]);

    store.down = false;
    const finished = text(await announceBinomes(world.as(COORDINATOR)));
    expect(finished).toContain('1/1');
    expect(scripted.dmsTo('hans')).toHaveLength(1);
    expect(scripted.spaces.size).toBe(2);
    expectNothingTwice(scripted);
  });

  it('counts in words when the store stops answering before anything was announced', () => {
    expect(translate('en', 'announce.interrupted', { announced: 0, binomesLeft: 3, noticesLeft: 1 })).toContain(
      'Done and recorded: no pair announced. Left to do: the rest for 3 pairs and 1 message to mentees without a pair.',
    );
    expect(translate('fr', 'announce.interrupted', { announced: 2, binomesLeft: 1, noticesLeft: 0 })).toContain(
      'Déjà fait et enregistré : 2 binômes annoncés. Reste à faire : la suite pour 1 binôme et aucun message',
    );
  });

  it('is finished by the job layer after a restart, without a coordinator typing it again, and nothing is sent twice', async () => {
    const { world, scripted } = await announceWorld({ now: '2026-12-01T09:00:00.000Z' });
    await confirmedRound(world);
    const send = scripted.chat.sendDirectMessage.bind(scripted.chat);
    scripted.chat.sendDirectMessage = async (...args) => {
      world.stop();
      return send(...args);
    };
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toContain('1/2');
    scripted.chat.sendDirectMessage = send;

    const restarted = await announceWorld({ chat: scripted, store: world.store, now: '2026-12-01T09:01:00.000Z' });
    const runner = createJobRunner(restarted.world.ports as AppPorts, {
      programmes: { programmeFor: () => restarted.world.programme },
      log: createRecordingLog(),
    });
    expect(await runner.runDue()).toBe(0);
    restarted.world.clock.set('2026-12-01T09:06:00.000Z');
    await runner.runDue();
    const summary = scripted.dmsTo('coord');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.text).toContain(translate('fr', 'announce.resumed'));
    expect(summary[0]?.text).toContain('1/1');
    expect(text(await announceBinomes(restarted.world.as(COORDINATOR)))).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    restarted.world.clock.set('2026-12-01T10:00:00.000Z');
    expect(await runner.runDue()).toBe(0);
    expectNothingTwice(scripted);
  });

  it('leaves nothing planned once a run ends normally', async () => {
    const { world } = await announceWorld();
    await confirmedRound(world);
    await announceBinomes(world.as(COORDINATOR));
    expect(await world.ports.queue.find(world.as().community, 'binomes.announce', 'announce')).toBeUndefined();
  });

  it('runs one announcement at a time in a process', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    scripted.hangAfter(0);
    void announceBinomes(world.as(COORDINATOR));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = announceBinomes(world.as({ ...COORDINATOR, userId: 'coord2' }));
    await expect(second).rejects.toBeInstanceOf(UserError);
    await expect(second).rejects.toMatchObject({ messageKey: 'announce.alreadyRunning' });
  });

  it('never sends a message twice when two processes announce at the same moment', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    const other = await announceWorld({ chat: scripted, store: world.store });
    const [first, second] = await Promise.all([announceBinomes(world.as(COORDINATOR)), announceBinomes(other.world.as(COORDINATOR))]);
    expect(text(first) + text(second)).toBeTruthy();
    expectNothingTwice(scripted);
    expect(text(await announceBinomes(world.as(COORDINATOR)))).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    expect(scripted.dmsTo('ref')).toHaveLength(2);
  });
});

describe('announcing while people change their minds', () => {
  async function withdrawNow(world: UseCaseWorld, userId: string) {
    const me = world.as({ userId });
    const asked = await requestWithdrawal(me);
    const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
    await confirmWithdrawal(me, yes?.args ?? []);
  }

  it('skips a binôme dissolved, and a mentoré who withdrew, while earlier binômes were being announced', async () => {
    const { world, scripted } = await announceWorld();
    await confirmedRound(world);
    const send = scripted.chat.sendDirectMessage.bind(scripted.chat);
    let first = true;
    scripted.chat.sendDirectMessage = async (...args) => {
      // While Dan's binôme is announced, Gus (the other binôme) and Hans (waiting list) withdraw.
      if (first) {
        first = false;
        await withdrawNow(world, 'gus');
        await withdrawNow(world, 'hans');
      }
      return send(...args);
    };
    const summary = text(await announceBinomes(world.as(COORDINATOR)));
    expect([...scripted.spaces.values()].map((space) => [...space.members].sort())).toEqual([['dan', 'erin', 'ref']]);
    expect(keysOf(scripted.arrived).filter((key) => /gus|p1-2|hans/.test(key))).toEqual([]);
    expect(summary).toContain('1/1');
    expectNothingTwice(scripted);
  });
});

describe('announcing many binômes', () => {
  it('reports its progress at each quarter, then sums up', async () => {
    const { world, scripted } = await announceWorld();
    const mentors = Array.from({ length: 12 }, (_, index) => ({ id: `m${index}`, name: `Mentor ${index}` }));
    const mentees = Array.from({ length: 12 }, (_, index) => ({ id: `e${index}`, name: `Mentee ${index}` }));
    await seedPeople(world, { mentors, mentees });
    const coordinator = world.as(COORDINATOR);
    await showProposal(coordinator);
    await confirmProposal(coordinator);
    const summary = text(await announceBinomes(coordinator));
    expect(world.responder.followUps.map((message) => message.text)).toEqual([
      translate('fr', 'announce.progress', { done: 3, total: 12 }),
      translate('fr', 'announce.progress', { done: 6, total: 12 }),
      translate('fr', 'announce.progress', { done: 9, total: 12 }),
    ]);
    expect(summary).toContain('12/12');
    expect(scripted.spaces.size).toBe(12);
    expectNothingTwice(scripted);
  });
});
