import { Client, Events, GatewayIntentBits, type Guild, PermissionFlagsBits, type PermissionResolvable } from 'discord.js';
import type { JobHandler } from '../../core/jobs/job-handler';
import type { Clock, JobQueue } from '../../core/ports';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import { createDraftPurgeHandler, draftPurgeJob } from '../../jobs/draft-purge-job';
import type { JobRunner } from '../../jobs/polling-job-runner';
import type { FormDraftRepository } from '../../store/form-draft-repository';
import { createInteractionHandler } from './discord-interactions';

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

/** Discord's client, not yet logged in: the chat port (src/app/compose.ts) and the adapter share it. */
export function createDiscordClient(apiUrl?: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
  });
}

/** Kinds of jobs only Discord schedules: the purge of old form drafts, on the servers this client is on. */
export function discordJobHandlers(client: Client, drafts: FormDraftRepository, log: Log): JobHandler[] {
  return [createDraftPurgeHandler({ drafts, log, serves: (community) => client.guilds.cache.has(community.id) })];
}

/** What the Discord adapter uses, built once by src/app/compose.ts. */
export interface DiscordAdapterOptions {
  readonly client: Client;
  readonly token: string;
  readonly dispatcher: Dispatcher;
  /** Forms shown in steps keep their answers here between two modals. */
  readonly drafts: FormDraftRepository;
  /** To plan the purge of old drafts on each server. */
  readonly queue: JobQueue;
  /** Started once connected, stopped with the adapter. */
  readonly jobs: JobRunner;
  /** Aborted by stop(): a long job (an announcement) ends after the step under way, and a restart finishes it. */
  readonly stopping: AbortController;
  readonly clock: Clock;
  readonly log: Log;
  /** Work still running after this long is acknowledged first (Discord's limit is 3 s). */
  readonly acknowledgeAfterMs?: number;
  /** Answers later than this after their interaction go by DM (Discord's tokens live 15 minutes); 14 minutes by default. */
  readonly answerByDmAfterMs?: number;
}

export interface DiscordConnection {
  readonly client: Client;
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
export async function connectDiscord(options: DiscordAdapterOptions): Promise<DiscordConnection> {
  const { client, jobs, log } = options;
  const handle = createInteractionHandler({
    dispatcher: options.dispatcher,
    drafts: options.drafts,
    log,
    acknowledgeAfterMs: options.acknowledgeAfterMs ?? 2000,
    ...(options.answerByDmAfterMs === undefined ? {} : { answerByDmAfterMs: options.answerByDmAfterMs }),
  });
  const schedulePurge = (guild: Guild) =>
    options.queue
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
    void schedulePurge(guild).then(() => options.queue.nudge());
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
    idle,
    async stop() {
      client.removeAllListeners(Events.InteractionCreate);
      options.stopping.abort();
      await jobs.stop();
      await idle();
      await client.destroy();
      log.info({}, 'disconnected from Discord');
    },
  };
}
