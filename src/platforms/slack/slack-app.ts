import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Logger, LogLevel } from '@slack/bolt';
import type { ChatPlatform, Clock } from '../../core/ports';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import type { JobRunner } from '../../jobs/polling-job-runner';
import { withRequestFreshness } from './request-freshness';
import { registerSlackHandlers } from './slack-interactions';
import { createSlackPeople } from './slack-people';

/** How the bot reaches Slack: the credentials and mode of one workspace's app. */
export interface SlackConnectionOptions {
  readonly botToken: string;
  /** HTTP mode: requests are checked against it. */
  readonly signingSecret?: string;
  /** Socket Mode (no public URL needed) when set. */
  readonly appToken?: string;
  /** HTTP mode's port (0: any free one). */
  readonly port?: number;
  /** Slack's Web API base; a loopback fake in tests. */
  readonly apiUrl?: string;
  /** Retries of the Web API client; five by default, over about two minutes (Slack's own default keeps trying for 30). */
  readonly retries?: number;
}

/** What the Slack adapter uses, built once by src/app/compose.ts. */
export interface SlackAdapterOptions {
  /** From `createSlackBoltApp`, whose client the chat port also uses. */
  readonly app: App;
  readonly socketMode: boolean;
  /** HTTP mode's port (0: any free one). */
  readonly port?: number;
  readonly dispatcher: Dispatcher;
  /** For files: Slack cannot attach one to a message only its reader sees, so they go by DM. */
  readonly chat: ChatPlatform;
  /** Started once connected, stopped with the adapter. */
  readonly jobs: JobRunner;
  /** Aborted by stop(): a long job (an announcement) ends after the step under way, and running it again finishes it. */
  readonly stopping: AbortController;
  readonly defaultCommandId: string;
  readonly clock: Clock;
  readonly log: Log;
  /** A form submission still running after this long is acknowledged first (Slack allows 3 s). */
  readonly acknowledgeAfterMs?: number;
}

export interface SlackConnection {
  readonly app: App;
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

/** Bolt's app for these credentials, not yet started: the chat port (src/app/compose.ts) and the adapter share its client. */
export function createSlackBoltApp(options: SlackConnectionOptions, log: Log): { readonly app: App; readonly socketMode: boolean } {
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
  return { app, socketMode };
}

/** Starts the bot on Slack, over HTTP (signing secret) or Socket Mode (app token). */
export async function connectSlack(options: SlackAdapterOptions): Promise<SlackConnection> {
  const { app, socketMode, jobs, log } = options;
  const handlers = registerSlackHandlers(app, {
    dispatcher: options.dispatcher,
    chat: options.chat,
    people: createSlackPeople(app.client, options.clock, log),
    log,
    defaultCommandId: options.defaultCommandId,
    acknowledgeAfterMs: options.acknowledgeAfterMs ?? 2500,
    clock: options.clock,
  });
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
    port: address?.port,
    idle: () => handlers.idle(),
    async stop() {
      options.stopping.abort();
      await jobs.stop();
      await handlers.idle();
      await app.stop();
      log.info({}, 'disconnected from Slack');
    },
  };
}
