import type { Writable } from 'node:stream';
import { markupToTerminal } from './markup';

const INDENT = '  ';

/**
 * Everything the bot would send somewhere else, printed with who would see it:
 * `[ephemeral to alice]`, `[DM to bob]`, `[#binome-… (private: alice, bob, carol)]`.
 */
export interface Transcript {
  block(label: string, text: string): void;
  /** A file's content, printed as it is: JSON is not markup. */
  file(label: string, content: string): void;
  line(text: string): void;
}

export function createTranscript(output: Writable, colour: boolean): Transcript {
  const write = (text: string) => output.write(`${text}\n`);
  return {
    block(label, text) {
      write(`[${label}]`);
      for (const line of markupToTerminal(text, colour).split('\n')) write(line === '' ? '' : `${INDENT}${line}`);
    },
    file(label, content) {
      write(`[${label}]`);
      for (const line of content.split('\n')) write(line === '' ? '' : `${INDENT}${line}`);
    },
    line(text) {
      write(markupToTerminal(text, colour));
    },
  };
}

export const labels = {
  ephemeral: (user: string) => `ephemeral to ${user}`,
  dm: (user: string) => `DM to ${user}`,
  space: (name: string, members: readonly string[]) => `#${name} (private: ${members.join(', ')})`,
  file: (name: string, user: string) => `file ${name} to ${user}`,
  form: (user: string) => `form to ${user}`,
};
