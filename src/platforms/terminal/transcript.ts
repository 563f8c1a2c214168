import type { Writable } from 'node:stream';
import { showControlCharacters } from '../../core/forms/plain-text';
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

/**
 * Whatever was stored, the terminal never replays a control character (ESC would clear the screen
 * or retitle the window, a bidi override turn a line around): each shows as a visible sign.
 * Only then are the terminal's own colours added.
 */
export function createTranscript(output: Writable, colour: boolean): Transcript {
  const write = (text: string) => output.write(`${text}\n`);
  const shown = (text: string) => markupToTerminal(showControlCharacters(text), colour);
  return {
    block(label, text) {
      write(`[${showControlCharacters(label, false)}]`);
      for (const line of shown(text).split('\n')) write(line === '' ? '' : `${INDENT}${line}`);
    },
    file(label, content) {
      write(`[${showControlCharacters(label, false)}]`);
      for (const line of showControlCharacters(content).split('\n')) write(line === '' ? '' : `${INDENT}${line}`);
    },
    line(text) {
      write(shown(text));
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
