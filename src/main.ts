import { existsSync } from 'node:fs';
import { composeBot } from './app/compose';
import { ConfigError, formatProblem } from './config/config-problems';
import { type Env, readEnv as readEnvironment } from './config/env';
import { loadProgrammes } from './config/load-programmes';
import type { Clock } from './core/ports';
import type { ProgrammeDirectory } from './core/programme/programme-directory';
import { type DemoClock, demoClock, systemClock } from './infra/clock';
import { createLogger } from './infra/logger';

/** `.env` is optional; variables already set in the environment win over it. */
function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/**
 * On Discord and/or Slack (both may run in one process, on one store): logs to standard error
 * at `info`, runs until SIGTERM or Ctrl-C, then finishes what is under way and disconnects.
 */
async function runOnPlatforms(env: Env, programmes: ProgrammeDirectory): Promise<void> {
  const log = createLogger({ level: env.LOG_LEVEL ?? 'info', file: env.LOG_FILE });
  const { clock } = clockOf(env);
  const bot = await composeBot({ store: { url: env.STORE_URL, timeoutMs: env.STORE_TIMEOUT_MS }, programmes, clock, log });
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  try {
    if (env.DISCORD_TOKEN) await bot.startDiscord({ token: env.DISCORD_TOKEN, apiUrl: env.DISCORD_API_URL });
    if (env.SLACK_BOT_TOKEN) {
      await bot.startSlack({
        botToken: env.SLACK_BOT_TOKEN,
        signingSecret: env.SLACK_SIGNING_SECRET,
        appToken: env.SLACK_APP_TOKEN,
        port: env.SLACK_PORT,
        apiUrl: env.SLACK_API_URL,
      });
    }
    await stopped;
    log.info({}, 'stopping');
  } finally {
    await bot.stop();
  }
}

/** The real time, or, when MENTORAT_NOW is set, a demo clock (which only the terminal's `/wait` moves). */
function clockOf(env: Env): { readonly clock: Clock; readonly demo?: DemoClock } {
  if (!env.MENTORAT_NOW) return { clock: systemClock };
  const demo = demoClock(new Date(env.MENTORAT_NOW));
  return { clock: demo, demo };
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = readEnvironment();
  const programmes = loadProgrammes(env.CONFIG_DIR);
  if (env.DISCORD_TOKEN || env.SLACK_BOT_TOKEN) return runOnPlatforms(env, programmes);
  // The terminal chat owns standard output; logs go to standard error, quiet unless asked.
  const log = createLogger({ level: env.LOG_LEVEL ?? 'warn', file: env.LOG_FILE });
  const { clock, demo } = clockOf(env);
  const bot = await composeBot({ store: { url: env.STORE_URL, timeoutMs: env.STORE_TIMEOUT_MS }, programmes, clock, log });
  const stopping = new AbortController();
  const stop = () => {
    stopping.abort();
    process.stdin.destroy();
  };
  process.once('SIGTERM', stop);
  // A reader that goes away (`npm start < script | head`) ends the session instead of crashing it.
  process.stdout.on('error', stop);
  try {
    await bot.runTerminal({
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
      initialUser: env.TERMINAL_USER,
      filesDir: env.TERMINAL_FILES_DIR,
      stopping: stopping.signal,
      // Only a demo's time may be moved; the core keeps reading the same clock, never this.
      ...(demo
        ? {
            advanceClock: (ms: number) => {
              demo.advance(ms);
              return demo.now();
            },
          }
        : {}),
    });
  } finally {
    process.off('SIGTERM', stop);
    await bot.stop();
  }
}

/** The error and what caused it ("store unavailable during open … because: SQLITE_CANTOPEN"). */
function describeFailure(error: unknown): string {
  const reasons: string[] = [];
  for (let current: unknown = error; current !== undefined && reasons.length < 5; ) {
    reasons.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return reasons.join('\n  because: ');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(
      `The bot cannot start, the configuration has ${error.problems.length === 1 ? 'a problem' : `${error.problems.length} problems`}:\n`,
    );
    for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`The bot stopped: ${describeFailure(error)}\n`);
  process.exitCode = 1;
});
