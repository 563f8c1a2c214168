import { readEnv } from '../config/env';
import { loadProgrammes } from '../config/load-programmes';
import { MATCH_USAGE, runMatch } from './match-command';

/** `mentorat <command>`: tools for coordinators working offline. */
const [command, ...args] = process.argv.slice(2);
if (command === 'match') {
  // The programme gives the weights and the labels reasons are written with.
  const programme = loadProgrammes(readEnv().CONFIG_DIR).programmeFor({ platform: 'terminal', id: 'cli' });
  const result = runMatch(args, programme);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
} else {
  process.stderr.write(`${command === undefined || command === '--help' ? '' : `unknown command ${command}\n\n`}${MATCH_USAGE}\n`);
  process.exitCode = command === '--help' ? 0 : 2;
}
