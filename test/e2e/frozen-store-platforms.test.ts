/*
 * Discord and Slack drop an interaction not answered within 3 seconds. With the bot on a Redis of
 * this file's own, frozen with SIGSTOP (connections open, nothing answered), a person who asks
 * for their profile must still hear "temporarily unavailable" within those 3 seconds, and a
 * normal answer once Redis runs again. test/store/frozen-store.test.ts does the same for the
 * store itself and the terminal chat.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import { createStore } from '../../src/store/create-store';
import type { FakeInteraction } from '../fakes/discord/types';
import { type OwnServer, startOwnRedis } from '../store/own-servers';
import { type DiscordWorld, GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';
import { type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

const PLATFORM_LIMIT_MS = 3000;
const STORE_TIMEOUT_MS = 2000;
const UNAVAILABLE = 'Le stockage est momentanément indisponible';
const NOT_ENROLLED = translate('fr', 'profile.notEnrolled');

/** Resolves with the time at which `condition` first held, polled every 5 ms. */
async function whenTrue(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now();
}

/** What a person sees as the answer to an interaction: the callback's message, or @original once edited. */
const discordAnswer = (interaction: FakeInteraction | undefined) => interaction?.original?.content ?? '';

let redis: OwnServer;
beforeAll(async () => {
  redis = await startOwnRedis();
}, 60_000);
afterAll(async () => {
  await redis?.stop();
});

describe('Discord on a frozen Redis', () => {
  let world: DiscordWorld | undefined;
  afterEach(async () => {
    redis.thaw();
    await world?.close();
    world = undefined;
  });

  it('answers "temporarily unavailable" within Discord’s 3 seconds, and normally once Redis runs again', async () => {
    const store = await createStore(redis.url, { timeoutMs: STORE_TIMEOUT_MS });
    world = await startDiscordWorld({ store });
    const current = world;
    const seed = { guildId: GUILD_ID, userId: userIdOf('alice'), locale: 'fr', command: 'mentorat', subcommand: 'profil' };
    const ask = async () => {
      const sent = Date.now();
      const before = current.fake.interactions.length;
      const running = current.fake.runCommand(seed);
      const answered = await whenTrue(() => discordAnswer(current.fake.interactions[before]) !== '', 'an answer on Discord');
      const interaction = await running;
      await current.app.idle();
      return { interaction, ms: answered - sent, content: discordAnswer(interaction) };
    };

    const first = await ask();
    expect(first.content).toBe(NOT_ENROLLED);

    redis.freeze();
    try {
      const frozen = await ask();
      expect(frozen.content).toContain(UNAVAILABLE);
      expect(frozen.ms).toBeGreaterThanOrEqual(STORE_TIMEOUT_MS - 50);
      expect(frozen.ms).toBeLessThan(PLATFORM_LIMIT_MS);
      expect(frozen.interaction.callbacks[0]?.data).toMatchObject({ flags: 64 });
    } finally {
      redis.thaw();
    }

    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await ask();
    expect(after.content).toBe(NOT_ENROLLED);
  });
});

describe('Slack on a frozen Redis', () => {
  let world: SlackWorld | undefined;
  afterEach(async () => {
    redis.thaw();
    await world?.close();
    world = undefined;
  });

  it('answers "temporarily unavailable" within Slack’s 3 seconds, and normally once Redis runs again', async () => {
    const store = await createStore(redis.url, { timeoutMs: STORE_TIMEOUT_MS });
    world = await startSlackWorld({ store });
    const current = world;
    const ask = async () => {
      const sent = Date.now();
      const before = current.fake.responseUrlPosts.length;
      const running = current.fake.slashCommand({ command: '/mentorat', text: 'profil', userId: slackUserIdOf('alice') });
      const answered = await whenTrue(() => current.fake.responseUrlPosts.length > before, 'an answer on Slack');
      const ack = await running;
      await current.settle();
      const body = current.fake.responseUrlPosts[before]?.body as { text?: string; response_type?: string } | undefined;
      return { ack, ms: answered - sent, text: body?.text ?? '', responseType: body?.response_type };
    };

    const first = await ask();
    expect(first.text).toBe(NOT_ENROLLED);

    redis.freeze();
    try {
      const frozen = await ask();
      expect(frozen.ack.status).toBe(200);
      expect(frozen.text).toContain(UNAVAILABLE);
      expect(frozen.responseType).toBe('ephemeral');
      expect(frozen.ms).toBeGreaterThanOrEqual(STORE_TIMEOUT_MS - 50);
      expect(frozen.ms).toBeLessThan(PLATFORM_LIMIT_MS);
    } finally {
      redis.thaw();
    }

    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await ask();
    expect(after.text).toBe(NOT_ENROLLED);
  });
});
