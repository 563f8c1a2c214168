import { existsSync } from 'node:fs';
import { ConfigError, formatProblem } from '../config/config-problems';
import { readEnv } from '../config/env';
import { runBackup } from './store-file-commands';

/** `npm run backup -- <file>`: see BACKUP_USAGE. */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outcome = await runBackup(process.argv.slice(2), readEnv());
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    } else {
      process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 1;
  },
);
