import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The compiled bot, as `npm start` runs it (test/build-setup.ts builds dist/ once per run).
 * Spawning compiled JavaScript starts in a fraction of the time `node --import tsx` took, which
 * is what kept the end-to-end tests inside their timeouts on a loaded machine.
 */
export const BOT_ENTRY = 'dist/main.js';

/** `node dist/main.js`, for a command line handed to another program (`script -c …`). */
export const BOT_COMMAND = `${process.execPath} ${BOT_ENTRY}`;

export interface RunningProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything written so far, decoded. */
  readonly output: { stdout: string; stderr: string };
  /** The exit code once the process is gone and its pipes closed (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

function run(command: string, args: readonly string[], env: Record<string, string>): RunningProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString('utf8');
  });
  // A bot that exits before reading its input would otherwise fail the test with EPIPE.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { child, output, exited };
}

/** The bot (`node dist/main.js`) with only this environment; its standard input is a pipe the test may write to. */
export function runBot(env: Record<string, string>): RunningProcess {
  return run(process.execPath, [BOT_ENTRY], env);
}

/** One of the compiled command-line tools (`dist/cli/<name>.js`): mentorat, discord-register, discord-commands, slack-manifest, backup, restore. */
export function runCli(name: string, args: readonly string[], env: Record<string, string>): RunningProcess {
  return run(process.execPath, [path.join('dist/cli', `${name}.js`), ...args], env);
}

/** A TypeScript helper of the tests themselves (never the bot), through tsx. */
export function runTestScript(script: string, args: readonly string[], env: Record<string, string>): RunningProcess {
  return run(process.execPath, ['--import', 'tsx', script, ...args], env);
}

/** `npm start`, exactly as an operator or a supervisor types it. */
export function runNpmStart(env: Record<string, string>): RunningProcess {
  return run('npm', ['start'], { HOME: process.env.HOME ?? '', ...env });
}

/** Waits until something a test watches for happens (a log line), or fails naming it. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The JSON log lines a process wrote. */
export function logLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
