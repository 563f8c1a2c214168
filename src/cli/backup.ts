import { existsSync } from 'node:fs';
import { readEnv } from '../config/env';
import { runCli } from './run-cli';
import { runBackup } from './store-file-commands';

/** `npm run backup -- <file>`: see BACKUP_USAGE. */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outcome = await runBackup(process.argv.slice(2), readEnv());
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.code;
}

runCli(main, 'Backup');
