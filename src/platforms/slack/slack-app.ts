import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import { commands as allCommands, DEFAULT_COMMAND_ID } from '../../../commands';
import type { Command } from '../../core/command';
import type { Clock } from '../../core/ports';
import { type AppPorts, createCorePorts } from '../../core-ports';
import { createDispatcher, type ProgrammeDirectory } from '../../dispatch';
import { createJobRunner } from '../../jobs/job-handlers';
import type { JobRunner } from '../../jobs/polling-job-runner';
import type { Log } from '../../log';
import type { KeyValueStore } from '../../store/key-value-store';
import { withRequestFreshness } from './request-freshness';
import { registerSlackHandlers } from './slack-interactions';
import { createSlackPeople } from './slack-people';
import { createSlackPlatform } from './slack-platform';

export interface SlackAppOptions {
  readonly botToken: string;
  /** HTTP mode: requests are checked against it. */
  readonly signingSecret?: string;
  /** Socket Mode (no public URL needed) when set. */
  readonly appToken?: string;
  /** HTTP mode's port (0: any free one). */
  readonly port?: number;
  /** Slack's Web API base; a loopback fake in tests. */
  readonly apiUrl?: string;
  readonly store: KeyValueStore;
  readonly programmes: ProgrammeDirectory;
  readonly clock: Clock;
  readonly log: Log;
  readonly commands?: readonly Command[];
  /** A form submission still running after this long is acknowledged first (Slack allows 3 s). */
  readonly acknowledgeAfterMs?: number;
  /** Retries of the Web API client; five by default, over about two minutes (Slack's own default keeps trying for 30). */
  readonly retries?: number;
}

export interface SlackApp {
  readonly app: App;
  readonly ports: AppPorts;
  /** Runs the due jobs of Slack's communities in the background; `runDue()` runs them now. */
  readonly jobs: JobRunner;
  /** HTTP mode: where Slack must send requests (`http://host:port/slack/events`). */
  readonly port: number | undefined;
  /** Resolves once every request received so far has been answered. */
  idle(): Promise<void>;
  /** Finishes the requests under way (a long job stops after its current step), then stops listening. */
  stop(): Promise<void>;
}

/** Slack outages are retried a little, then reported; a 429 is always waited out first (Retry-After). */
const FIVE_RETRIES = { retries: 5, factor: 2, minTimeout: 2_000, maxTimeout: 60_000 };

/** Bolt's own messages, through our logger (never with tokens: Bolt does not log them, pino redacts). */
function boltLogger(log: Log): Logger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const text = (parts: unknown[]) => parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    // Bolt's debug lines carry request bodies (message texts, form answers): never logged.
    debug: () => {},
    info: (...parts: unknown[]) => log.info({ component: name }, text(parts)),
    warn: (...parts: unknown[]) => log.warn({ component: name }, text(parts)),
    error: (...parts: unknown[]) => log.error({ component: name }, text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

/** Starts the bot on Slack, over HTTP (signing secret) or Socket Mode (app token). */
export async function startSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const { log } = options;
  const socketMode = options.appToken !== undefined;
  if (!socketMode && !options.signingSecret)
    throw new Error('SLACK_SIGNING_SECRET is needed for HTTP mode (or SLACK_APP_TOKEN for Socket Mode)');
  const logger = boltLogger(log);
  // HTTP mode: Bolt's own receiver, refusing requests dated more than 5 minutes ahead as Slack's rule says.
  const receiver = socketMode ? undefined : withRequestFreshness(new HTTPReceiver({ signingSecret: options.signingSecret ?? '', logger }));
  const app = new App({
    token: options.botToken,
    ...(socketMode ? { socketMode: true, appToken: options.appToken } : { receiver }),
    logger,
    clientOptions: {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: options.retries === undefined ? FIVE_RETRIES : { retries: options.retries, minTimeout: 0, maxTimeout: 0 },
    },
  });
  const chat = createSlackPlatform(app.client, options.store);
  // Aborted by stop(): a long job (an announcement) ends after the step under way, and running it again finishes it.
  const stopping = new AbortController();
  const ports = createCorePorts(options.store, chat, options.clock, { stopping: stopping.signal });
  const commands = options.commands ?? allCommands;
  const dispatcher = createDispatcher({ commands, programmes: options.programmes, ports, log });
  const handlers = registerSlackHandlers(app, {
    dispatcher,
    chat,
    people: createSlackPeople(app.client, options.clock, log),
    log,
    defaultCommandId: DEFAULT_COMMAND_ID,
    acknowledgeAfterMs: options.acknowledgeAfterMs ?? 2500,
    clock: options.clock,
  });
  const jobs = createJobRunner(ports, { programmes: options.programmes, log });
  app.error(async (error) => {
    log.error({ err: error }, 'slack request failed');
  });

  const started = socketMode ? await app.start() : await app.start(options.port ?? 3000);
  const address =
    !socketMode && started && typeof started === 'object' && 'address' in started ? (started.address() as AddressInfo | null) : null;
  const identity = await app.client.auth.test();
  log.info(
    { team: identity.team, teamId: identity.team_id, mode: socketMode ? 'socket' : 'http', port: address?.port },
    'connected to Slack',
  );
  jobs.start();
  return {
    app,
    ports,
    jobs,
    port: address?.port,
    idle: () => handlers.idle(),
    async stop() {
      stopping.abort();
      await jobs.stop();
      await handlers.idle();
      await app.stop();
      log.info({}, 'disconnected from Slack');
    },
  };
}
