import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { showControlCharacters } from '../../core/forms/plain-text';

/** Where the terminal chat reads what people type: a keyboard, or a script piped in. */
export interface LineSource {
  /**
   * The next line, or undefined at the end of input. Ctrl-C at a keyboard answers `onInterrupt`
   * (a form's question is cancelled, the chat itself quits) instead of killing the session.
   */
  read(prompt: string, onInterrupt?: string): Promise<string | undefined>;
  /** Gives a line back, to be read next (a command typed where a form answer was expected). */
  unread(line: string): void;
  close(): void;
}

/**
 * A script piped in has no echo, so the prompt and the line are printed as a person would
 * have seen them: a piped session prints the same transcript as a typed one.
 */
export function createLineSource(input: Readable, output: Writable, interactive: boolean): LineSource {
  const readline = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const pending: string[] = [];
  let ended = false;
  readline.once('close', () => {
    ended = true;
  });
  const lines = interactive ? undefined : readline[Symbol.asyncIterator]();

  async function readInteractive(prompt: string, onInterrupt: string | undefined): Promise<string | undefined> {
    if (ended) return undefined;
    return new Promise((resolve) => {
      const asking = new AbortController();
      const finish = (answer: string | undefined) => {
        readline.off('close', onClose);
        readline.off('SIGINT', onSigint);
        resolve(answer);
      };
      const onClose = () => finish(undefined);
      const onSigint = () => {
        asking.abort();
        output.write('\n');
        finish(onInterrupt);
      };
      readline.once('close', onClose);
      readline.once('SIGINT', onSigint);
      readline.question(prompt, { signal: asking.signal }, finish);
    });
  }

  async function readPiped(prompt: string): Promise<string | undefined> {
    const next = await lines?.next();
    if (!next || next.done) return undefined;
    output.write(`${prompt}${showControlCharacters(next.value)}\n`);
    return next.value;
  }

  return {
    async read(prompt, onInterrupt) {
      const given = pending.shift();
      if (given !== undefined) {
        if (!interactive) output.write(`${prompt}${showControlCharacters(given)}\n`);
        return given;
      }
      return interactive ? readInteractive(prompt, onInterrupt) : readPiped(prompt);
    },
    unread(line) {
      pending.unshift(line);
    },
    close() {
      readline.close();
    },
  };
}
