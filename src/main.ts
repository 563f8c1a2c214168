import { existsSync } from 'node:fs';
import { clockStartingAt, systemClock } from './clock';
import { ConfigError, formatProblem } from './config/config-problems';
import { readEnv } from './config/env';
import { loadProgrammes } from './config/load-programmes';
import { createLogger } from './logger';
import { createStore } from './store/create-store';
import { describeServerUrl } from './store/server-url';
import { runTerminalApp } from './terminal-app';

/** `.env` is optional; variables already set in the environment win over it. */
function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = readEnv();
  const programmes = loadProgrammes(env.CONFIG_DIR);
  // The terminal chat owns standard output; logs go to standard error, quiet unless asked.
  const log = createLogger({ level: env.LOG_LEVEL ?? 'warn', file: env.LOG_FILE });
  const store = await createStore(env.STORE_URL);
  log.info({ store: describeServerUrl(env.STORE_URL) }, 'store opened');
  const stop = () => process.stdin.destroy();
  process.once('SIGTERM', stop);
  // A reader that goes away (`npm start < script | head`) ends the session instead of crashing it.
  process.stdout.on('error', stop);
  try {
    await runTerminalApp({
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
      store,
      programmes,
      clock: env.MENTORAT_NOW ? clockStartingAt(new Date(env.MENTORAT_NOW)) : systemClock,
      log,
      initialUser: env.TERMINAL_USER,
    });
  } finally {
    process.off('SIGTERM', stop);
    await store.close();
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
    process.stderr.write(`The bot cannot start, the configuration has ${error.problems.length} problem(s):\n`);
    for (const problem of error.problems) process.stderr.write(`  ${formatProblem(problem)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stderr.write(`The bot stopped: ${describeFailure(error)}\n`);
  process.exitCode = 1;
});
