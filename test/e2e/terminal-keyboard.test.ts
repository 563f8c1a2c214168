import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_COMMAND } from '../support/child-process';

const ROOT = path.resolve(import.meta.dirname, '../..');

function hasScript(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v script'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The chat in a pseudo-terminal (util-linux `script`), as a person at a keyboard runs it. */
function atKeyboard(): { child: ChildProcessWithoutNullStreams; screen: () => string; waitFor: (text: string) => Promise<void> } {
  const child = spawn('script', ['-qfec', BOT_COMMAND, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', STORE_URL: 'memory://', TERM: 'xterm' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const screen = () => output.replace(/\r/g, '');
  const waitFor = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (screen().includes(text)) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > 30_000) {
          clearInterval(poll);
          reject(new Error(`never saw ${JSON.stringify(text)} in:\n${screen()}`));
        }
      }, 25);
    });
  return { child, screen, waitFor };
}

describe.skipIf(!hasScript())('the terminal chat at a keyboard', () => {
  it('prompts, shows bold text, lets Ctrl-C cancel a form without leaving, and /quit leave', async () => {
    const { child, screen, waitFor } = atKeyboard();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await waitFor('alice> ');
    child.stdin.write('/mentorat piliers\r');
    await waitFor('\u001b[1mLes 4 piliers du mentorat\u001b[22m');
    child.stdin.write('/mentorat inscription\r');
    await waitFor('  role> ');
    child.stdin.write('\u0003');
    await waitFor("Formulaire abandonné : rien n'a été enregistré.");
    child.stdin.write('/quit\r');
    await waitFor('À bientôt !');
    expect(await exited).toBe(0);
    // Readline moves the cursor itself (`ESC[9G`); what matters is the order of what is shown.
    expect(screen()).toMatch(/ {2}role> [^\n]*\n+\[ephemeral to alice\]\n {2}Formulaire abandonné/);
  });
});
