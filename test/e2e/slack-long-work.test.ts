import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type SlackApp, startSlackApp } from '../../src/app/start-apps';
import { type Command, defineCommand } from '../../src/core/command';
import type { Clock } from '../../src/core/ports';
import { messages } from '../../src/core/reply';
import { systemClock } from '../../src/infra/clock';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import type { FakeSlack, FakeSlackOptions } from '../fakes/slack/types';
import { MENTOR_FORM } from '../scenarios/participant-journey';
import { says } from '../scenarios/scenario';
import { slackPerson } from '../scenarios/slack-driver';
import { createRecordingLog } from '../support/recording-log';
import { SLACK_PEOPLE, slackProgrammes, slackUserIdOf, startSlackWorld } from '../support/slack-world';

const ALICE = slackUserIdOf('alice');
const STEPS = 7;
const steps = Array.from({ length: STEPS }, (_, index) => `Étape ${index + 1}/${STEPS}`);
const SUMMARY = 'Terminé : 7/7';

interface Running {
  fake: FakeSlack;
  bot: SlackApp;
  store: KeyValueStore;
  log: ReturnType<typeof createRecordingLog>;
}

let running: Running | undefined;
afterEach(async () => {
  await running?.bot.stop();
  await running?.store.close();
  await running?.fake.close();
  running = undefined;
});

/** A gate the test opens: the job waits behind it, so that the acknowledgement is seen to come first. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * A job standing for long work (an announcement): acknowledged at once, it reports seven steps of
 * progress through the responder, then answers with its summary. `afterStep` lets a test act between steps.
 */
function progressJob(start: Promise<void>, done: { finished: boolean }, afterStep?: (step: number) => Promise<void>): Command {
  return defineCommand({
    id: 'mentorat.longJob',
    group: 'mentorat',
    name: { fr: 'long', en: 'long' },
    description: 'command.mentorat.help.description',
    audience: 'everyone',
    options: [],
    input: z.object({}),
    run: async (ctx) => {
      await start;
      for (const [index, text] of steps.entries()) {
        await ctx.responder.followUp({ text });
        await afterStep?.(index + 1);
      }
      done.finished = true;
      return messages(SUMMARY);
    },
  });
}

async function startBot(job: Command, options: { fake?: Partial<FakeSlackOptions>; clock?: Clock } = {}): Promise<Running> {
  const fake = await startFakeSlack({
    users: SLACK_PEOPLE.map((name) => ({ id: slackUserIdOf(name), name, locale: 'fr-FR' })),
    ...options.fake,
  });
  const store = await createStore('memory://');
  const log = createRecordingLog();
  const bot = await startSlackApp({
    botToken: fake.botToken,
    signingSecret: fake.signingSecret,
    port: 0,
    apiUrl: fake.apiUrl,
    store,
    programmes: slackProgrammes(),
    clock: options.clock ?? systemClock,
    log,
    retries: 0,
    commands: [job],
  });
  fake.setTarget(`http://127.0.0.1:${bot.port}/slack/events`);
  running = { fake, bot, store, log };
  return running;
}

/** What alice saw in the channel, in order, and how each message came. */
function seenByAlice(fake: FakeSlack) {
  return fake.ephemeralsTo(ALICE).map((message) => [message.text, message.viaResponseUrl ? 'response_url' : 'ephemeral']);
}

describe('long work on Slack, reporting progress', () => {
  it('is acknowledged at once; five reports take the response_url, the rest come as ephemeral messages, none lost, in order', async () => {
    const start = gate();
    const done = { finished: false };
    const { fake, bot } = await startBot(progressJob(start.opened, done));

    const began = Date.now();
    const ack = await fake.slashCommand({ command: '/mentorat', text: 'long', userId: ALICE });
    // The job has not even started: the acknowledgement does not wait for it.
    expect(Date.now() - began).toBeLessThan(3000);
    expect([ack.status, ack.body]).toEqual([200, '']);
    expect(fake.responseUrlPosts).toEqual([]);

    start.open();
    await bot.idle();
    expect(done.finished).toBe(true);
    expect(fake.responseUrlPosts.map((post) => [post.url, (post.body as { text: string }).text])).toEqual(
      steps.slice(0, 5).map((text) => [ack.responseUrl, text]),
    );
    expect(seenByAlice(fake)).toEqual([
      ...steps.slice(0, 5).map((text) => [text, 'response_url']),
      ...[...steps.slice(5), SUMMARY].map((text) => [text, 'ephemeral']),
    ]);
    // The bot counted: Slack never had to refuse a sixth post.
    expect(fake.responseUrlRefusals).toEqual([]);
    expect(fake.dmsTo(ALICE)).toEqual([]);
  });

  it('in a private channel the bot is not in, the reports beyond five come by DM', async () => {
    const start = gate();
    const done = { finished: false };
    const { fake, bot } = await startBot(progressJob(start.opened, done), {
      fake: { channels: [{ id: 'C0BUREAU', name: 'bureau', isPrivate: true, members: [ALICE] }] },
    });
    await fake.slashCommand({ command: '/mentorat', text: 'long', userId: ALICE, channelId: 'C0BUREAU' });
    start.open();
    await bot.idle();
    expect(done.finished).toBe(true);
    expect(fake.ephemeralsTo(ALICE).map((message) => message.text)).toEqual(steps.slice(0, 5));
    expect(fake.dmsTo(ALICE).map((message) => message.text)).toEqual([...steps.slice(5), SUMMARY]);
    expect(fake.responseUrlRefusals).toEqual([]);
  });

  it('stops using the response_url once it is 30 minutes old by the bot’s clock, without asking Slack', async () => {
    let offsetMs = 0;
    const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
    const start = gate();
    const done = { finished: false };
    const job = progressJob(start.opened, done, async (step) => {
      if (step === 2) offsetMs = 30 * 60_000;
    });
    const { fake, bot } = await startBot(job, { clock });
    await fake.slashCommand({ command: '/mentorat', text: 'long', userId: ALICE });
    start.open();
    await bot.idle();
    expect(done.finished).toBe(true);
    expect(seenByAlice(fake)).toEqual([
      ...steps.slice(0, 2).map((text) => [text, 'response_url']),
      ...[...steps.slice(2), SUMMARY].map((text) => [text, 'ephemeral']),
    ]);
    expect(fake.responseUrlRefusals).toEqual([]);
  });

  it('takes a refusal from Slack (the URL expired sooner) as the end of the response_url, and the job carries on', async () => {
    const start = gate();
    const done = { finished: false };
    const job = progressJob(start.opened, done, async (step) => {
      if (step === 2) await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const { fake, bot, log } = await startBot(job, { fake: { responseUrlTtlMs: 200 } });
    const { responseUrl } = await fake.slashCommand({ command: '/mentorat', text: 'long', userId: ALICE });
    start.open();
    await bot.idle();
    expect(done.finished).toBe(true);
    expect(seenByAlice(fake)).toEqual([
      ...steps.slice(0, 2).map((text) => [text, 'response_url']),
      ...[...steps.slice(2), SUMMARY].map((text) => [text, 'ephemeral']),
    ]);
    // Refused once; the later reports did not try it again.
    expect(fake.responseUrlRefusals).toEqual([{ url: responseUrl, status: 404, error: 'expired_url' }]);
    expect(log.entries.filter((entry) => entry.message.includes('response_url refused'))).toHaveLength(1);
  });

  it('logs a report that cannot be delivered in any way, and the job still finishes', async () => {
    const start = gate();
    const done = { finished: false };
    const { fake, bot, log } = await startBot(progressJob(start.opened, done), {
      fake: { channels: [{ id: 'C0BUREAU', name: 'bureau', isPrivate: true, members: [ALICE] }] },
    });
    // Not in the channel, and alice's DMs with the app are closed: beyond five, nothing can reach her.
    fake.refuseUser(ALICE, 'messages_tab_disabled');
    await fake.slashCommand({ command: '/mentorat', text: 'long', userId: ALICE, channelId: 'C0BUREAU' });
    start.open();
    await bot.idle();
    expect(done.finished).toBe(true);
    expect(fake.ephemeralsTo(ALICE).map((message) => message.text)).toEqual(steps.slice(0, 5));
    const lost = log.entries.filter((entry) => entry.message === 'a follow-up could not be delivered');
    expect(lost).toHaveLength(2);
    for (const entry of lost) expect(entry).toMatchObject({ level: 'warn', details: { userId: ALICE } });
    expect(JSON.stringify(log.entries)).not.toContain('Étape 6');
  });

  it('knows how old a form’s response_url is after a restart: the outcome of a form submitted 30 minutes on comes as an ephemeral message', async () => {
    const world = await startSlackWorld();
    let later: SlackApp | undefined;
    try {
      const alice = slackPerson(world, 'alice', 'fr');
      await alice.runCommand('mentorat.enrol');
      const viewId = world.fake.views.find((view) => view.kind === 'open')?.id ?? '';
      await world.stopBot();
      const halfAnHourOn: Clock = { now: () => new Date(Date.now() + 30 * 60_000) };
      later = await startSlackApp({
        botToken: world.fake.botToken,
        signingSecret: world.fake.signingSecret,
        port: 0,
        apiUrl: world.fake.apiUrl,
        store: world.store,
        programmes: slackProgrammes(),
        clock: halfAnHourOn,
        log: createRecordingLog(),
        retries: 0,
      });
      world.fake.setTarget(`http://127.0.0.1:${later.port}/slack/events`);
      const restarted = later;
      await slackPerson({ ...world, bot: restarted, settle: () => restarted.idle() }, 'alice', 'fr').fillModal(viewId, MENTOR_FORM);
      expect(world.fake.responseUrlPosts).toEqual([]);
      expect(world.fake.ephemeralsTo(ALICE).at(-1)).toMatchObject({
        text: expect.stringContaining(says('fr', 'enrol.saved.mentor').replace(/\*\*/g, '*')),
      });
      expect(world.fake.ephemeralsTo(ALICE).at(-1)?.viaResponseUrl).toBeUndefined();
    } finally {
      await later?.stop();
      await world.close();
    }
  });
});
