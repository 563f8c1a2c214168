import { commands } from '../../commands';
import { type DiscordApp, startDiscordApp } from '../../src/app/start-apps';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { Command } from '../../src/core/command';
import type { Clock } from '../../src/core/ports';
import type { ProgrammeDirectory } from '../../src/dispatch/dispatcher';
import { systemClock } from '../../src/infra/clock';
import { registerDiscordCommands } from '../../src/platforms/discord/register-commands';
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
  /** Registers the commands on the guild first, so that the fake refuses an interaction they do not declare. */
  readonly registerCommands?: boolean;
}

/** A loopback Discord server and the real bot logged into it, on a store of its own. */
/**
 * The programme of config/, with `ref` a référent by user id as this server's config file would
 * name them (a role cannot be listed without the privileged members intent), as in the terminal.
 */
export function discordProgrammes(): ProgrammeDirectory {
  const base = loadProgrammes(CONFIG_DIR);
  return {
    programmeFor(community) {
      const programme = base.programmeFor(community);
      if (community.platform !== 'discord') return programme;
      const { referents } = programme.access;
      return { ...programme, access: { ...programme.access, referents: { ...referents, users: [...referents.users, userIdOf('ref')] } } };
    },
  };
}

export async function startDiscordWorld(options: DiscordWorldOptions = {}): Promise<DiscordWorld> {
  const fake = options.fake ?? (await startFakeDiscord({ guilds: [options.guild ?? guildSeed()] }));
  const store = options.store ?? (await createStore('memory://'));
  const log = createRecordingLog();
  if (options.registerCommands) {
    // As `npm run discord:register` does for one server: the fake then checks every interaction against it.
    await registerDiscordCommands(options.commands ?? commands, {
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: GUILD_ID,
      apiUrl: fake.apiUrl,
    });
  }
  const app = await startDiscordApp({
    token: fake.token,
    apiUrl: fake.apiUrl,
    store,
    programmes: discordProgrammes(),
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
