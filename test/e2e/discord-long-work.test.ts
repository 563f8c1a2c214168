import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type DiscordApp, startDiscordApp } from '../../src/app/start-apps';
import { loadProgrammes } from '../../src/config/load-programmes';
import { type Command, defineCommand } from '../../src/core/command';
import type { Responder } from '../../src/core/ports';
import { messages } from '../../src/core/reply';
import { systemClock } from '../../src/infra/clock';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import type { FakeDiscord } from '../fakes/discord/types';
import { GUILD_ID, guildSeed, userIdOf } from '../support/discord-world';
import { CONFIG_DIR } from '../support/programme';
import { createRecordingLog } from '../support/recording-log';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  fake: FakeDiscord;
  app: DiscordApp;
  store: KeyValueStore;
  log: ReturnType<typeof createRecordingLog>;
}

let running: Running | undefined;
afterEach(async () => {
  await running?.app.stop();
  await running?.store.close();
  await running?.fake.close();
  running = undefined;
});

/**
 * A job standing for a long announcement: it reports at once, works past the interaction's
 * token, reports twice more, then gives its summary as the final answer.
 */
function longJob(workMs: number, done: { finished: boolean }): Command {
  return defineCommand({
    id: 'mentorat.longJob',
    group: 'mentorat',
    name: { fr: 'long', en: 'long' },
    description: 'command.mentorat.help.description',
    audience: 'everyone',
    options: [],
    input: z.object({}),
    run: async (ctx) => {
      const responder: Responder = ctx.responder;
      await responder.followUp({ text: 'Annonce en cours : 1/3…' });
      await pause(workMs);
      await responder.followUp({ text: 'Annonce en cours : 2/3…' });
      await responder.followUp({ text: 'Annonce en cours : 3/3…' });
      done.finished = true;
      return messages('**Annonce terminée** : 3/3');
    },
  });
}

/** Discord's tokens live `tokenLifetimeMs` here instead of 15 minutes; the bot switches to DMs after `answerByDmAfterMs`. */
async function startBot(options: { tokenLifetimeMs: number; answerByDmAfterMs?: number; job: Command }): Promise<Running> {
  const fake = await startFakeDiscord({ guilds: [guildSeed()], interactionTokenLifetimeMs: options.tokenLifetimeMs });
  const store = await createStore('memory://');
  const log = createRecordingLog();
  const app = await startDiscordApp({
    token: fake.token,
    apiUrl: fake.apiUrl,
    store,
    programmes: loadProgrammes(CONFIG_DIR),
    clock: systemClock,
    log,
    commands: [options.job],
    ...(options.answerByDmAfterMs === undefined ? {} : { answerByDmAfterMs: options.answerByDmAfterMs }),
  });
  running = { fake, app, store, log };
  return running;
}

async function runJob(bot: Running) {
  const interaction = await bot.fake.runCommand({
    guildId: GUILD_ID,
    userId: userIdOf('coord'),
    locale: 'fr',
    command: 'mentorat',
    subcommand: 'long',
  });
  await bot.app.idle();
  return interaction;
}

const refusedTokens = (bot: Running) => bot.fake.requests.filter((request) => request.status === 401);

describe('work that outlives the interaction’s 15 minutes on Discord', () => {
  it('answers by DM once the interaction is nearly as old as its token: the later reports and the summary arrive there, in order', async () => {
    const done = { finished: false };
    const bot = await startBot({ tokenLifetimeMs: 600, answerByDmAfterMs: 300, job: longJob(400, done) });
    const interaction = await runJob(bot);
    expect(interaction.callbacks.map((callback) => callback.type)).toEqual([4]);
    expect(interaction.original).toMatchObject({ content: 'Annonce en cours : 1/3…', ephemeral: true });
    expect(interaction.followUps).toEqual([]);
    expect(bot.fake.dmsTo(userIdOf('coord')).map((message) => message.content)).toEqual([
      'Annonce en cours : 2/3…',
      'Annonce en cours : 3/3…',
      '**Annonce terminée** : 3/3',
    ]);
    // The bot switched on its own clock: Discord never had to refuse the token.
    expect(refusedTokens(bot)).toEqual([]);
    expect(done.finished).toBe(true);
  });

  it('answers by DM when Discord refuses the token first (401, 50027), and the job carries on to its summary', async () => {
    const done = { finished: false };
    // The bot would wait its usual 14 minutes: Discord's clock decides first.
    const bot = await startBot({ tokenLifetimeMs: 200, job: longJob(300, done) });
    const interaction = await runJob(bot);
    expect(interaction.original?.content).toBe('Annonce en cours : 1/3…');
    expect(interaction.followUps).toEqual([]);
    expect(bot.fake.dmsTo(userIdOf('coord')).map((message) => message.content)).toEqual([
      'Annonce en cours : 2/3…',
      'Annonce en cours : 3/3…',
      '**Annonce terminée** : 3/3',
    ]);
    // Refused once: after that, every answer goes by DM straight away.
    expect(refusedTokens(bot).map((request) => [request.method, request.path])).toEqual([
      ['POST', `/webhooks/${bot.fake.applicationId}/${interaction.token}`],
    ]);
    expect(done.finished).toBe(true);
    expect(bot.log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('never lets a refused report stop the job, even when the person takes no DM: the loss is logged as a warning', async () => {
    const done = { finished: false };
    const bot = await startBot({ tokenLifetimeMs: 600, answerByDmAfterMs: 300, job: longJob(400, done) });
    bot.fake.closeDms(userIdOf('coord'));
    const interaction = await runJob(bot);
    expect(done.finished).toBe(true);
    expect(interaction.original?.content).toBe('Annonce en cours : 1/3…');
    expect(bot.fake.dmsTo(userIdOf('coord'))).toEqual([]);
    expect(bot.log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(bot.log.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.message)).toEqual([
      'could not deliver a follow-up',
      'could not deliver a follow-up',
      'the answer came after the interaction expired and the person takes no DM: lost',
    ]);
  });
});
