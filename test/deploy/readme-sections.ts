import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The text of a `## ` section of the README, up to the next one; fails naming a missing one. */
export function readmeSection(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`the README has no "## ${title}" section`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The command the README gives for starting the bot, in "Operating the bot". */
export function documentedStartCommand(): string {
  const found = /The start command is\s+`([^`]+)`/.exec(readmeSection('Operating the bot'))?.[1];
  if (found === undefined) throw new Error('"Operating the bot" does not say "The start command is `…`"');
  return found;
}
