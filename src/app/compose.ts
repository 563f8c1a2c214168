import type { Readable, Writable } from 'node:stream';
import { commands as allCommands, DEFAULT_COMMAND_ID } from '../../commands';
import type { Command } from '../core/command';
import { participantIdOf } from '../core/identity';
import type { JobHandler } from '../core/jobs/job-handler';
import type { ChatPlatform, Clock } from '../core/ports';
import type { ProgrammeDirectory } from '../core/programme/programme-directory';
import { createDispatcher, type Dispatcher } from '../dispatch/dispatcher';
import type { Log } from '../infra/log';
import { createJobRunner } from '../jobs/job-handlers';
import type { JobRunner } from '../jobs/polling-job-runner';
import type { DiscordConnection } from '../platforms/discord/discord-app';
import type { SlackConnection, SlackConnectionOptions } from '../platforms/slack/slack-app';
import { createStore } from '../store/create-store';
import type { KeyValueStore } from '../store/key-value-store';
import { describeServerUrl } from '../store/server-url';
import { type AppPorts, createStorePorts, type StorePorts, withChat } from './app-ports';

export interface BotConfig {
  /** An open store, which the caller keeps and closes (tests); or the STORE_URL to open, which `stop()` closes. */
  readonly store: KeyValueStore | { readonly url: string; readonly timeoutMs?: number };
  readonly programmes: ProgrammeDirectory;
  readonly clock: Clock;
  readonly log: Log;
  /** The commands to answer; those of commands/ unless a test brings its own. */
  readonly commands?: readonly Command[];
}

/** What one platform runs on: its ports (the shared repositories with its chat), its dispatcher and its job runner. */
export interface PlatformWiring {
  readonly ports: AppPorts;
  readonly dispatcher: Dispatcher;
  /** Runs the due jobs of this platform's communities. */
  readonly jobs: JobRunner;
}

export interface DiscordStartOptions {
  readonly token: string;
  /** Discord's REST base (`…/api`); a loopback fake in tests. */
  readonly apiUrl?: string;
  readonly acknowledgeAfterMs?: number;
  readonly answerByDmAfterMs?: number;
}

export interface SlackStartOptions extends SlackConnectionOptions {
  readonly acknowledgeAfterMs?: number;
}

export interface TerminalRunOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** A person at a keyboard (prompts, colours), or a script piped in (echoed transcript). */
  readonly interactive: boolean;
  readonly initialUser: string;
  /** Where the terminal saves files it cannot show (a chart's PNG); data/exports when not given. */
  readonly filesDir?: string;
  /** Aborted on SIGTERM: a long job (an announcement) stops after the step under way. */
  readonly stopping?: AbortSignal;
  /** Moves the bot's clock forward (`/wait`): given only for a demo clock (MENTORAT_NOW), absent otherwise. */
  readonly advanceClock?: (ms: number) => Date;
}

export type DiscordApp = DiscordConnection & Omit<PlatformWiring, 'dispatcher'>;
export type SlackApp = SlackConnection & Omit<PlatformWiring, 'dispatcher'>;

/** The bot, assembled once: its store and repositories, and the platforms it runs on. */
export interface Bot {
  readonly store: KeyValueStore;
  /** The repositories and queue every platform of this process shares. */
  readonly ports: StorePorts;
  startDiscord(options: DiscordStartOptions): Promise<DiscordApp>;
  startSlack(options: SlackStartOptions): Promise<SlackApp>;
  /** Until the input ends or `stopping` is aborted. */
  runTerminal(options: TerminalRunOptions): Promise<void>;
  /** Stops every platform started (last first), then closes the store if the bot opened it. */
  stop(): Promise<void>;
}

/**
 * The one composition root: the store, the repositories and job queue over it, and for each
 * platform its chat port, dispatcher and job runner, are built here and nowhere else. Adapters
 * receive what they use; a platform's modules are loaded only when it is started.
 */
export async function composeBot(config: BotConfig): Promise<Bot> {
  const { programmes, clock, log } = config;
  const commands = config.commands ?? allCommands;
  const ownsStore = 'url' in config.store;
  const store = 'url' in config.store ? await createStore(config.store.url, { timeoutMs: config.store.timeoutMs }) : config.store;
  if ('url' in config.store) log.info({ store: describeServerUrl(config.store.url) }, 'store opened');
  const shared = createStorePorts(store, clock);
  const running: { stop(): Promise<void> }[] = [];

  function wire(chat: ChatPlatform, stopping: AbortSignal, platformHandlers: readonly JobHandler[] = []): PlatformWiring {
    const ports = withChat(shared, chat, stopping);
    const dispatcher = createDispatcher({ commands, programmes, ports, log });
    const jobs = createJobRunner(ports, { programmes, log, platformHandlers });
    return { ports, dispatcher, jobs };
  }

  async function startDiscord(options: DiscordStartOptions): Promise<DiscordApp> {
    const [{ connectDiscord, createDiscordClient, discordJobHandlers }, { createDiscordPlatform }] = await Promise.all([
      import('../platforms/discord/discord-app'),
      import('../platforms/discord/discord-platform'),
    ]);
    const client = createDiscordClient(options.apiUrl);
    const stopping = new AbortController();
    const { ports, dispatcher, jobs } = wire(
      createDiscordPlatform(client, programmes),
      stopping.signal,
      discordJobHandlers(client, shared.formDrafts, log),
    );
    const connection = await connectDiscord({
      client,
      token: options.token,
      dispatcher,
      drafts: ports.formDrafts,
      queue: ports.queue,
      jobs,
      stopping,
      clock,
      log,
      ...(options.acknowledgeAfterMs === undefined ? {} : { acknowledgeAfterMs: options.acknowledgeAfterMs }),
      ...(options.answerByDmAfterMs === undefined ? {} : { answerByDmAfterMs: options.answerByDmAfterMs }),
    });
    running.push(connection);
    return { ...connection, ports, jobs };
  }

  async function startSlack(options: SlackStartOptions): Promise<SlackApp> {
    const [{ connectSlack, createSlackBoltApp }, { createSlackPlatform }] = await Promise.all([
      import('../platforms/slack/slack-app'),
      import('../platforms/slack/slack-platform'),
    ]);
    const { app, socketMode } = createSlackBoltApp(options, log);
    const chat = createSlackPlatform(app.client, store);
    const stopping = new AbortController();
    const { ports, dispatcher, jobs } = wire(chat, stopping.signal);
    const connection = await connectSlack({
      app,
      socketMode,
      ...(options.port === undefined ? {} : { port: options.port }),
      dispatcher,
      chat,
      jobs,
      stopping,
      defaultCommandId: DEFAULT_COMMAND_ID,
      clock,
      log,
      ...(options.acknowledgeAfterMs === undefined ? {} : { acknowledgeAfterMs: options.acknowledgeAfterMs }),
    });
    running.push(connection);
    return { ...connection, ports, jobs };
  }

  async function runTerminal(options: TerminalRunOptions): Promise<void> {
    const { createTerminalSurface, runTerminalApp, TERMINAL_COMMUNITY } = await import('../platforms/terminal/terminal-app');
    const surface = createTerminalSurface({
      output: options.output,
      interactive: options.interactive,
      initialUser: options.initialUser,
      ...(options.filesDir === undefined ? {} : { filesDir: options.filesDir }),
      programme: programmes.programmeFor(TERMINAL_COMMUNITY),
      store,
      isRegistered: async (community, userId) =>
        (await shared.referents.includes(community, userId)) ||
        (await shared.enrolments.find(participantIdOf(community, userId))) !== undefined,
    });
    const { dispatcher, jobs } = wire(surface.chat, options.stopping ?? new AbortController().signal);
    await runTerminalApp({
      input: options.input,
      output: options.output,
      interactive: options.interactive,
      surface,
      dispatcher,
      jobs,
      defaultCommandId: DEFAULT_COMMAND_ID,
      log,
      ...(options.advanceClock ? { advanceClock: options.advanceClock } : {}),
    });
  }

  return {
    store,
    ports: shared,
    startDiscord,
    startSlack,
    runTerminal,
    async stop() {
      try {
        for (const platform of running.splice(0).reverse()) await platform.stop();
      } finally {
        if (ownsStore) await store.close();
      }
    },
  };
}
