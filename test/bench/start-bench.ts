/**
 * `npm run bench -- --only start`: how long the bot takes from its launch to ready, and how much
 * memory it holds once idle, in each platform mode (terminal, Discord and Slack against the
 * loopback fakes, on a fresh SQLite file). Launched as `node dist/main.js` (what `npm start`
 * execs) and as `npm start` itself, which adds npm and the `prestart` freshness check.
 * `--tsx` adds the former launch, `node --import tsx src/main.ts`, for comparison.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import { guildSeed } from '../support/discord-world';
import { median } from './stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const START_TARGETS = { maxReadyMs: 2_000, maxIdleRssMb: 150 } as const;

export type StartMode = 'terminal' | 'discord' | 'slack';
export type Launcher = 'node' | 'npm' | 'tsx';

export interface StartBenchOptions {
  readonly runs: Readonly<Record<Launcher, number>>;
  /** How long the bot sits idle before its memory is read. */
  readonly idleMs: number;
  readonly launchers: readonly Launcher[];
  readonly progress?: (line: string) => void;
}

export const DEFAULT_START_OPTIONS: StartBenchOptions = { runs: { node: 5, npm: 3, tsx: 3 }, idleMs: 3_000, launchers: ['node', 'npm'] };

export interface StartMeasure {
  readonly mode: StartMode;
  readonly launcher: Launcher;
  readonly runs: number;
  /** From spawn to the line that says the bot is ready (the prompt, "connected to …"). */
  readonly readyMedianMs: number;
  readonly readyMaxMs: number;
  /** Resident memory of the bot's own process once idle. */
  readonly idleRssMedianMb: number;
  /** The bot plus every process above it that the launcher keeps (npm). */
  readonly idleRssTreeMedianMb: number;
  readonly met: boolean;
  /** The machine's 1-minute load average when this mode was measured: start times follow it. */
  readonly loadAverage: number;
}

const LAUNCH: Record<Launcher, readonly [string, ...string[]]> = {
  node: [process.execPath, 'dist/main.js'],
  npm: ['npm', 'start'],
  tsx: [process.execPath, '--import', 'tsx', 'src/main.ts'],
};

const READY: Record<StartMode, { stream: 'stdout' | 'stderr'; text: string }> = {
  terminal: { stream: 'stdout', text: '/help' },
  discord: { stream: 'stderr', text: 'connected to Discord' },
  slack: { stream: 'stderr', text: 'connected to Slack' },
};

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? Number.NaN) / 1024;
}

/** The process that runs the bot: the launched one, or under npm its child (the script execs node). */
function botPid(launched: number, launcher: Launcher): number {
  if (launcher !== 'npm') return launched;
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(launched)], { encoding: 'utf8' })
    .trim()
    .split(/\s+/);
  return Number(children[0] ?? launched);
}

/** The processes from the bot up to the launched one. */
function tree(launched: number, bot: number): number[] {
  return launched === bot ? [bot] : [launched, bot];
}

async function withPlatform<T>(mode: StartMode, run: (env: Record<string, string>) => Promise<T>): Promise<T> {
  if (mode === 'discord') {
    const fake = await startFakeDiscord({ guilds: [guildSeed()] });
    try {
      return await run({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    } finally {
      await fake.close();
    }
  }
  if (mode === 'slack') {
    const fake = await startFakeSlack({ users: [] });
    try {
      return await run({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl });
    } finally {
      await fake.close();
    }
  }
  return run({});
}

async function launchOnce(mode: StartMode, launcher: Launcher, idleMs: number): Promise<{ readyMs: number; rss: number; treeRss: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-start-'));
  try {
    return await withPlatform(mode, async (platformEnv) => {
      const [command, ...args] = LAUNCH[launcher];
      const started = performance.now();
      const child = spawn(command, args, {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}`,
          ...platformEnv,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const output = { stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => {
        output.stdout += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        output.stderr += chunk.toString('utf8');
      });
      const ready = READY[mode];
      const deadline = Date.now() + 60_000;
      while (!output[ready.stream].includes(ready.text)) {
        if (Date.now() > deadline || child.exitCode !== null) {
          child.kill('SIGKILL');
          throw new Error(`${mode} via ${launcher} never got ready:\n${output.stderr.slice(-2000)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const readyMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, idleMs));
      const pid = child.pid ?? 0;
      const bot = botPid(pid, launcher);
      const rss = rssMb(bot);
      const treeRss = tree(pid, bot).reduce((sum, each) => sum + rssMb(each), 0);
      child.kill('SIGTERM');
      await exited;
      return { readyMs, rss, treeRss };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runStartBench(options: StartBenchOptions = DEFAULT_START_OPTIONS): Promise<StartMeasure[]> {
  // What `npm start` would do first, so that no launch below includes a build.
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  const measures: StartMeasure[] = [];
  for (const mode of ['terminal', 'discord', 'slack'] as const) {
    for (const launcher of options.launchers) {
      const samples: { readyMs: number; rss: number; treeRss: number }[] = [];
      for (let run = 0; run < options.runs[launcher]; run += 1) {
        samples.push(await launchOnce(mode, launcher, options.idleMs));
      }
      const readyMedianMs = median(samples.map((sample) => sample.readyMs));
      const idleRssMedianMb = median(samples.map((sample) => sample.rss));
      const measure: StartMeasure = {
        mode,
        launcher,
        runs: samples.length,
        readyMedianMs,
        readyMaxMs: Math.max(...samples.map((sample) => sample.readyMs)),
        idleRssMedianMb,
        idleRssTreeMedianMb: median(samples.map((sample) => sample.treeRss)),
        met: readyMedianMs < START_TARGETS.maxReadyMs && idleRssMedianMb < START_TARGETS.maxIdleRssMb,
        loadAverage: os.loadavg()[0] ?? Number.NaN,
      };
      options.progress?.(
        `${mode} via ${launcher}: ready in ${Math.round(readyMedianMs)} ms (median of ${samples.length}), idle ${idleRssMedianMb.toFixed(0)} MB`,
      );
      measures.push(measure);
    }
  }
  return measures;
}

const LAUNCHED_AS: Record<Launcher, string> = {
  node: 'node dist/main.js',
  npm: 'npm start',
  tsx: 'node --import tsx src/main.ts',
};

export function formatStart(measures: readonly StartMeasure[]): string {
  const header = [
    'mode',
    'launched as',
    'runs',
    'ready median',
    'ready max',
    'idle RSS (bot)',
    'idle RSS (with npm)',
    'load avg',
    'target',
  ];
  const rows = measures.map((m) => [
    m.mode,
    LAUNCHED_AS[m.launcher],
    String(m.runs),
    `${Math.round(m.readyMedianMs)} ms`,
    `${Math.round(m.readyMaxMs)} ms`,
    `${m.idleRssMedianMb.toFixed(0)} MB`,
    `${m.idleRssTreeMedianMb.toFixed(0)} MB`,
    m.loadAverage.toFixed(1),
    m.met ? '✓' : '✗',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `Start to ready and idle memory (targets: ready < ${START_TARGETS.maxReadyMs} ms, idle RSS < ${START_TARGETS.maxIdleRssMb} MB; SQLite store, loopback Discord and Slack in Socket Mode; ${os.cpus().length} CPUs)`,
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}
