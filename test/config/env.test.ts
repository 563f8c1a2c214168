import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../src/config/config-problems';
import { readEnv } from '../../src/config/env';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    readEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('environment', () => {
  it('defaults to the terminal chat on a SQLite file in ./data', () => {
    expect(readEnv({})).toEqual({
      STORE_URL: 'sqlite://./data/mentorat.sqlite',
      STORE_TIMEOUT_MS: 2000,
      CONFIG_DIR: 'config',
      SLACK_PORT: 3000,
      TERMINAL_USER: 'alice',
      TERMINAL_FILES_DIR: './data/exports',
    });
  });

  it('treats empty optional variables as unset, as a copied .env.example leaves them', () => {
    expect(readEnv({ LOG_LEVEL: '', LOG_FILE: '' })).toMatchObject({ LOG_LEVEL: undefined, LOG_FILE: undefined });
  });

  it('reads .env.example as copied: the terminal chat, every Discord variable unset', () => {
    const example = parseEnv(readFileSync(path.resolve(import.meta.dirname, '../../.env.example'), 'utf8'));
    expect(readEnv(example)).toMatchObject({
      STORE_URL: 'sqlite://./data/mentorat.sqlite',
      DISCORD_TOKEN: undefined,
      DISCORD_GUILD_ID: undefined,
    });
  });

  it('gives every store call 2 seconds unless STORE_TIMEOUT_MS says otherwise, and names a wrong value', () => {
    expect(readEnv({ STORE_TIMEOUT_MS: '' }).STORE_TIMEOUT_MS).toBe(2000);
    expect(readEnv({ STORE_TIMEOUT_MS: '1500' }).STORE_TIMEOUT_MS).toBe(1500);
    expect(problems({ STORE_TIMEOUT_MS: '2s' })).toHaveLength(1);
    expect(problems({ STORE_TIMEOUT_MS: '50' })).toEqual(['environment: STORE_TIMEOUT_MS: expected at least 100 ms']);
    expect(problems({ STORE_TIMEOUT_MS: '120000' })).toEqual([
      'environment: STORE_TIMEOUT_MS: expected at most 60000 ms (Discord and Slack give up after 3 s)',
    ]);
  });

  it('names each Discord variable that is malformed', () => {
    expect(problems({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: '12', DISCORD_API_URL: 'discord.com' })).toEqual([
      'environment: DISCORD_TOKEN: expected the bot token from the Developer Portal (Bot → Reset Token)',
      'environment: DISCORD_APPLICATION_ID: expected a Discord id: 17 to 20 digits (Developer Mode → Copy ID)',
      'environment: DISCORD_API_URL: expected an http(s) URL such as https://discord.com/api',
    ]);
  });

  it('names the Slack variable missing for the mode chosen', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'environment: SLACK_SIGNING_SECRET: SLACK_BOT_TOKEN is set: also set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'abc', SLACK_APP_TOKEN: 'xoxb-2' })).toEqual([
      'environment: SLACK_BOT_TOKEN: expected the bot token, which starts with xoxb-',
      'environment: SLACK_APP_TOKEN: expected an app-level token, which starts with xapp-',
    ]);
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({ SLACK_APP_TOKEN: 'xapp-1' });
  });

  it('names SLACK_BOT_TOKEN when only the way in is set, instead of starting the terminal chat', () => {
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual([
      'environment: SLACK_BOT_TOKEN: SLACK_APP_TOKEN set: also set SLACK_BOT_TOKEN (xoxb-…) to run on Slack',
    ]);
    expect(problems({ SLACK_SIGNING_SECRET: 'a-signing-secret-of-32-characters' })).toEqual([
      'environment: SLACK_BOT_TOKEN: SLACK_SIGNING_SECRET set: also set SLACK_BOT_TOKEN (xoxb-…) to run on Slack',
    ]);
    expect(problems({ SLACK_SIGNING_SECRET: 'a-signing-secret-of-32-characters', SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: '' })).toEqual(
      ['environment: SLACK_BOT_TOKEN: SLACK_SIGNING_SECRET and SLACK_APP_TOKEN set: also set SLACK_BOT_TOKEN (xoxb-…) to run on Slack'],
    );
  });

  it('lets the Discord ids stay in .env for `npm run discord:register` while the terminal chat runs', () => {
    const env = readEnv({ DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_GUILD_ID: '123456789012345679' });
    expect(env.DISCORD_TOKEN).toBeUndefined();
    expect(env.DISCORD_APPLICATION_ID).toBe('123456789012345678');
  });

  it('accepts a start time for demos and scripts, and refuses one it cannot read', () => {
    expect(readEnv({ MENTORAT_NOW: '2026-11-25T09:00:00+01:00' }).MENTORAT_NOW).toBe('2026-11-25T09:00:00+01:00');
    expect(problems({ MENTORAT_NOW: '25/11/2026' })).toEqual([
      'environment: MENTORAT_NOW: expected a date and time such as 2026-11-25T10:00:00Z',
    ]);
  });

  it('names each wrong variable', () => {
    expect(problems({ STORE_URL: 'mongodb://x', LOG_LEVEL: 'loud', TERMINAL_USER: 'a b' })).toEqual([
      'environment: STORE_URL: expected one of memory://, sqlite://<file path>, redis://<host>:<port>/<db>, rediss://<host>:<port>/<db> (TLS), postgresql://<user>:<password>@<host>:<port>/<database>, postgres://… (as postgresql://)',
      'environment: LOG_LEVEL: expected one of: "fatal", "error", "warn", "info", "debug", "trace", "silent"',
      'environment: TERMINAL_USER: expected a name of 1 to 32 letters, digits, dots, dashes or underscores',
    ]);
  });
});
