import { systemClock } from '../../src/clock';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { Command } from '../../src/core/command';
import type { Clock } from '../../src/core/ports';
import { type DiscordApp, startDiscordApp } from '../../src/platforms/discord/discord-app';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import type { FakeDiscord, FakeGuildSeed } from '../fakes/discord/types';
import { CONFIG_DIR } from './programme';
import { createRecordingLog } from './recording-log';

export const GUILD_ID = '900000000000000001';
export const COORDINATOR_ROLE_ID = '910000000000000001';
export const REFERENT_ROLE_ID = '910000000000000002';
export const GENERAL_CHANNEL_ID = '920000000000000001';
export const SPACES_CATEGORY_ID = '920000000000000002';

/** Everyone a test may name; `coord` holds the coordinators' role named in config, `ref` the référents'. */
export const PEOPLE = ['alice', 'bob', 'carol', 'dan', 'erin', 'fay', 'coord', 'ref', 'zoe'] as const;

export function userIdOf(name: string): string {
  const index = PEOPLE.indexOf(name as (typeof PEOPLE)[number]);
  if (index < 0) throw new Error(`unknown person ${name}`);
  return `8000000000000000${String(index + 10).padStart(2, '0')}`;
}

export function nameOfUserId(id: string): string | undefined {
  return PEOPLE.find((name) => userIdOf(name) === id);
}

/** A Discord locale tag for one of ours. */
export function discordLocaleTag(locale: 'fr' | 'en'): string {
  return locale === 'fr' ? 'fr' : 'en-US';
}

export function guildSeed(overrides: Partial<FakeGuildSeed> = {}): FakeGuildSeed {
  return {
    id: GUILD_ID,
    name: 'CJSM',
    roles: [
      { id: COORDINATOR_ROLE_ID, name: 'Coordination mentorat' },
      { id: REFERENT_ROLE_ID, name: 'Référent mentorat' },
    ],
    members: PEOPLE.map((name) => ({
      userId: userIdOf(name),
      username: name,
      globalName: name,
      roles: name === 'coord' ? [COORDINATOR_ROLE_ID] : name === 'ref' ? [REFERENT_ROLE_ID] : [],
    })),
    channels: [
      { id: GENERAL_CHANNEL_ID, name: 'general', type: 0 },
      { id: SPACES_CATEGORY_ID, name: 'Binômes mentorat', type: 4 },
    ],
    ...overrides,
  };
}

export interface DiscordWorld {
  readonly fake: FakeDiscord;
  readonly app: DiscordApp;
  readonly store: KeyValueStore;
  readonly log: ReturnType<typeof createRecordingLog>;
  /** Stops the bot (keeping the store open when asked, to start it again on the same data). */
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

export interface DiscordWorldOptions {
  readonly guild?: FakeGuildSeed;
  readonly store?: KeyValueStore;
  readonly clock?: Clock;
  readonly acknowledgeAfterMs?: number;
  /** Reuse a running fake (a bot restart keeps Discord as it was). */
  readonly fake?: FakeDiscord;
  readonly commands?: readonly Command[];
}

/** A loopback Discord server and the real bot logged into it, on a store of its own. */
export async function startDiscordWorld(options: DiscordWorldOptions = {}): Promise<DiscordWorld> {
  const fake = options.fake ?? (await startFakeDiscord({ guilds: [options.guild ?? guildSeed()] }));
  const store = options.store ?? (await createStore('memory://'));
  const log = createRecordingLog();
  const app = await startDiscordApp({
    token: fake.token,
    apiUrl: fake.apiUrl,
    store,
    programmes: loadProgrammes(CONFIG_DIR),
    clock: options.clock ?? systemClock,
    log,
    acknowledgeAfterMs: options.acknowledgeAfterMs,
    commands: options.commands,
  });
  let running = true;
  const stopBot = async () => {
    if (!running) return;
    running = false;
    await app.stop();
  };
  return {
    fake,
    app,
    store,
    log,
    stopBot,
    async close() {
      await stopBot();
      await store.close();
      await fake.close();
    },
  };
}
