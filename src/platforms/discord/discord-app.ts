import { Client, Events, GatewayIntentBits, type Guild, PermissionFlagsBits, type PermissionResolvable } from 'discord.js';
import { commands } from '../../../commands';
import { type AppPorts, createCorePorts } from '../../app/app-ports';
import type { Command } from '../../core/command';
import type { Clock } from '../../core/ports';
import { createDispatcher, type ProgrammeDirectory } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import { createDraftPurgeHandler, draftPurgeJob } from '../../jobs/draft-purge-job';
import { createJobRunner } from '../../jobs/job-handlers';
import type { JobRunner } from '../../jobs/polling-job-runner';
import type { KeyValueStore } from '../../store/key-value-store';
import { createInteractionHandler } from './discord-interactions';
import { createDiscordPlatform } from './discord-platform';

/** What the bot needs on a server: to create binôme channels and set who sees them, then talk in them. */
export const REQUIRED_PERMISSIONS = {
  ViewChannel: PermissionFlagsBits.ViewChannel,
  SendMessages: PermissionFlagsBits.SendMessages,
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
  ManageChannels: PermissionFlagsBits.ManageChannels,
  ManageRoles: PermissionFlagsBits.ManageRoles,
} as const satisfies Record<string, bigint>;

/** The permissions integer of the invite URL. */
export const REQUIRED_PERMISSIONS_INTEGER = Object.values(REQUIRED_PERMISSIONS).reduce((sum, bit) => sum | bit, 0n);

export interface DiscordAppOptions {
  readonly token: string;
  /** Discord's REST base (`…/api`); a loopback fake in tests. */
  readonly apiUrl?: string;
  readonly store: KeyValueStore;
  readonly programmes: ProgrammeDirectory;
  readonly clock: Clock;
  readonly log: Log;
  /** Work still running after this long is acknowledged first (Discord's limit is 3 s). */
  readonly acknowledgeAfterMs?: number;
  /** Answers later than this after their interaction go by DM (Discord's tokens live 15 minutes); 14 minutes by default. */
  readonly answerByDmAfterMs?: number;
  /** The commands to answer; those of commands/ unless a test brings its own. */
  readonly commands?: readonly Command[];
}

export interface DiscordApp {
  readonly client: Client;
  readonly ports: AppPorts;
  /** Runs the due jobs of Discord's communities in the background; `runDue()` runs them now. */
  readonly jobs: JobRunner;
  /** Resolves once every interaction received so far has been answered. */
  idle(): Promise<void>;
  /** Takes no new interaction, lets those under way finish (a long job stops after its current step), then disconnects. */
  stop(): Promise<void>;
}

async function warnAboutPermissions(guild: Guild, log: Log): Promise<void> {
  try {
    const me = guild.members.me ?? (await guild.members.fetchMe());
    const missing = me.permissions.missing(Object.values(REQUIRED_PERMISSIONS) as PermissionResolvable[]);
    if (missing.length > 0)
      log.warn({ guildId: guild.id, guild: guild.name, missing }, 'the bot lacks permissions it needs on this server');
  } catch (error) {
    log.warn({ guildId: guild.id, err: error }, 'could not check the bot permissions on this server');
  }
}

/** Logs in and answers interactions until stopped. Commands are registered separately (`npm run discord:register`). */
export async function startDiscordApp(options: DiscordAppOptions): Promise<DiscordApp> {
  const { log } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  // Aborted by stop(): a long job (an announcement) ends after the step under way, and a restart finishes it.
  const stopping = new AbortController();
  const ports = createCorePorts(options.store, createDiscordPlatform(client, options.programmes), options.clock, {
    stopping: stopping.signal,
  });
  const dispatcher = createDispatcher({ commands: options.commands ?? commands, programmes: options.programmes, ports, log });
  const handle = createInteractionHandler({
    dispatcher,
    drafts: ports.formDrafts,
    log,
    acknowledgeAfterMs: options.acknowledgeAfterMs ?? 2000,
    ...(options.answerByDmAfterMs === undefined ? {} : { answerByDmAfterMs: options.answerByDmAfterMs }),
  });
  const jobs = createJobRunner(ports, {
    programmes: options.programmes,
    log,
    platformHandlers: [
      createDraftPurgeHandler({ drafts: ports.formDrafts, log, serves: (community) => client.guilds.cache.has(community.id) }),
    ],
  });
  const schedulePurge = (guild: Guild) =>
    ports.queue
      .schedule(draftPurgeJob({ platform: 'discord', id: guild.id }, options.clock.now()))
      .catch((error: unknown) => log.warn({ guildId: guild.id, err: error }, 'could not schedule the purge of old form drafts'));
  const inFlight = new Set<Promise<void>>();

  client.on(Events.InteractionCreate, (interaction) => {
    const handling: Promise<void> = handle(interaction).finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  });
  client.on(Events.GuildCreate, (guild) => {
    log.info({ guildId: guild.id, guild: guild.name }, 'added to a server');
    void warnAboutPermissions(guild, log);
    void schedulePurge(guild).then(() => ports.queue.nudge());
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token);
  const connected = await ready;
  const guilds = [...connected.guilds.cache.values()];
  log.info(
    { user: connected.user.tag, userId: connected.user.id, guilds: guilds.map((guild) => ({ id: guild.id, name: guild.name })) },
    'connected to Discord',
  );
  await Promise.all(guilds.map((guild) => warnAboutPermissions(guild, log)));
  // Kept pending from one run to the next: scheduling again keeps the one already due.
  await Promise.all(guilds.map(schedulePurge));
  jobs.start();

  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  }

  return {
    client,
    ports,
    jobs,
    idle,
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      stopping.abort();
      await jobs.stop();
      await idle();
      await client.destroy();
      log.info({}, 'disconnected from Discord');
    },
  };
}
