import { z } from 'zod';
import { ConfigError, problemsFromZod } from './config-problems';
import { DEFAULT_STORE_TIMEOUT_MS, isSupportedStoreUrl, SUPPORTED_STORE_URLS } from './store-url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Optional variables left empty in a `.env` file mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id: 17 to 20 digits (Developer Mode → Copy ID)');

export const envSchema = z.object({
  STORE_URL: z.string().refine(isSupportedStoreUrl, `expected one of ${SUPPORTED_STORE_URLS}`).default('sqlite://./data/mentorat.sqlite'),
  /** How long one store call may take before the person is told "temporarily unavailable". */
  STORE_TIMEOUT_MS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce
      .number()
      .int('expected a whole number of milliseconds')
      .min(100, 'expected at least 100 ms')
      .max(60_000, 'expected at most 60000 ms (Discord and Slack give up after 3 s)')
      .default(DEFAULT_STORE_TIMEOUT_MS),
  ),
  CONFIG_DIR: z.string().min(1).default('config'),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  LOG_FILE: optional(z.string().min(1)),
  /** For demos and acceptance scripts: the bot's clock starts at this moment (ISO 8601) and runs on. */
  MENTORAT_NOW: optional(z.iso.datetime({ offset: true, error: 'expected a date and time such as 2026-11-25T10:00:00Z' })),
  /** Set to run on Discord instead of the terminal chat (Developer Portal → Bot → Token). */
  DISCORD_TOKEN: optional(z.string().min(20, 'expected the bot token from the Developer Portal (Bot → Reset Token)')),
  /** The application id (Developer Portal → General Information), needed to register commands. */
  DISCORD_APPLICATION_ID: optional(snowflake),
  /** `npm run discord:register` registers on this one server only (instant, for testing). */
  DISCORD_GUILD_ID: optional(snowflake),
  /** Discord's REST base; only changed to reach a loopback fake in tests. */
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://discord.com/api' })),
  /** Set to run on Slack (OAuth & Permissions → Bot User OAuth Token, `xoxb-…`). */
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'expected the bot token, which starts with xoxb-')),
  /** HTTP mode: Basic Information → Signing Secret. */
  SLACK_SIGNING_SECRET: optional(z.string().min(16, 'expected the signing secret from Basic Information')),
  /** Socket Mode (no public URL): Basic Information → App-Level Tokens, scope connections:write (`xapp-…`). */
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'expected an app-level token, which starts with xapp-')),
  /** HTTP mode's port; Slack sends requests to https://<your host>/slack/events. */
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Slack's Web API base; only changed to reach a loopback fake in tests. */
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://slack.com/api/' })),
  /** Where the terminal chat saves the files it cannot show (a stats chart's PNG), printing their path. */
  TERMINAL_FILES_DIR: z.string().min(1).default('./data/exports'),
  TERMINAL_USER: z
    .string()
    .regex(/^[\p{L}\p{N}._-]{1,32}$/u, 'expected a name of 1 to 32 letters, digits, dots, dashes or underscores')
    .default('alice'),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Slack needs its bot token and one way in: a signing secret (HTTP) or an app token (Socket Mode).
 * A way in without the bot token would otherwise start the terminal chat, as if Slack were not asked for.
 * (Discord's DISCORD_APPLICATION_ID and DISCORD_GUILD_ID are not checked so: they serve
 * `npm run discord:register` only, which names DISCORD_TOKEN itself, and are no secret to keep apart.)
 */
function checkSlack(env: Env): { path: string; message: string }[] {
  if (!env.SLACK_BOT_TOKEN) {
    const given = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const).filter((name) => env[name]);
    if (given.length === 0) return [];
    return [{ path: 'SLACK_BOT_TOKEN', message: `${given.join(' and ')} set: also set SLACK_BOT_TOKEN (xoxb-…) to run on Slack` }];
  }
  if (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) return [];
  return [
    {
      path: 'SLACK_SIGNING_SECRET',
      message: 'SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)',
    },
  ];
}

/** The only reader of `process.env`: every problem is listed, naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(problemsFromZod('environment', parsed.error, source));
  const slack = checkSlack(parsed.data);
  if (slack.length > 0) throw new ConfigError(slack.map((problem) => ({ source: 'environment', ...problem })));
  return parsed.data;
}
