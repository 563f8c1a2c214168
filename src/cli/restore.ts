import { existsSync } from 'node:fs';
import { readEnv } from '../config/env';
import { runCli } from './run-cli';
import { runRestore } from './store-file-commands';

/** `npm run restore -- <file>`: see RESTORE_USAGE. */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outcome = await runRestore(process.argv.slice(2), readEnv());
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.code;
}

runCli(main, 'Restore');
