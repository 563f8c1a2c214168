import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commands } from '../../commands';
import type { Locale } from '../../src/core/i18n/locale';
import { TERMINAL_COMMUNITY } from '../../src/platforms/terminal/terminal-app';
import { createTerminalSpaces } from '../../src/platforms/terminal/terminal-spaces';
import { createStore } from '../../src/store/create-store';
import { runBot } from '../support/child-process';
import {
  type Delivery,
  SCENARIO_START,
  type Scenario,
  type SpaceAtEnd,
  type SpacesAtEndListener,
  type Step,
  type Via,
  waitedMs,
} from './scenario';

export interface TerminalRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
}

/** Runs the real terminal chat (`dist/main.js`, as `npm start` does) with a script piped in, on a fresh SQLite file unless given one. */
export function runTerminalChat(script: string, env: Record<string, string> = {}, storeFile?: string): Promise<TerminalRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-e2e-'));
  // Images the terminal cannot show (a stats chart) are saved beside the run's data, never in the repository.
  const bot = runBot({
    STORE_URL: `sqlite://${storeFile ?? path.join(dir, 'e2e.sqlite')}`,
    TERMINAL_FILES_DIR: path.join(dir, 'files'),
    ...env,
  });
  bot.child.stdin.end(script);
  return bot.exited.then((exitCode) => ({ ...bot.output, exitCode })).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function line(values: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(values ?? {})
    .map(([key, value]) => ` ${key}:${value}`)
    .join('');
}

function typed(step: Step, locale: Locale): string {
  const { action } = step;
  if ('restart' in action) throw new Error('a restart is not typed');
  if ('wait' in action) return `/wait ${action.wait}`;
  if ('press' in action) return `/press ${action.press}${line(action.form)}`;
  const command = commands.find((candidate) => candidate.id === action.command);
  if (!command) throw new Error(`unknown command id ${action.command}`);
  return `/${command.group} ${command.name[locale]}${line(action.options)}${line(action.form)}`;
}

/** Who is at the keyboard when a session starts: the first person who acts (a wait step is nobody's). */
function firstActor(steps: readonly Step[]): string {
  return (steps.find((step) => !('wait' in step.action)) ?? steps[0])?.actor ?? 'alice';
}

/** The script a person would type: switching person and language when needed, then the step. */
export function scenarioScript(steps: readonly Step[], locale: Locale): { script: string; stepLines: number[] } {
  const lines: string[] = [];
  const stepLines: number[] = [];
  const seen = new Set<string>();
  let current = firstActor(steps);
  for (const step of steps) {
    // Time passes for everyone: whoever is at the keyboard types `/wait`.
    if ('wait' in step.action) {
      waitedMs(step.action.wait);
      stepLines.push(lines.length);
      lines.push(typed(step, locale));
      continue;
    }
    if (step.actor !== current) lines.push(`/as ${step.actor}`);
    current = step.actor;
    if (!seen.has(step.actor)) lines.push(`/lang ${locale}`);
    seen.add(step.actor);
    stepLines.push(lines.length);
    lines.push(typed(step, locale));
  }
  return { script: `${lines.join('\n')}\n`, stepLines };
}

/** The steps between two restarts: each runs in a process of its own, on the same SQLite file. */
function sessionsOf(steps: readonly Step[]): Step[][] {
  const sessions: Step[][] = [[]];
  for (const step of steps) {
    if ('restart' in step.action) sessions.push([]);
    else sessions.at(-1)?.push(step);
  }
  return sessions;
}

const PROMPT = /^[^\s[][^\s>]*> /;

function deliveriesOf(label: string, text: string): Delivery[] {
  const one = (to: string, via: Via): Delivery[] => [{ to, via, text }];
  let match = /^(ephemeral|DM|form) to (.+)$/.exec(label);
  if (match) return one(match[2] ?? '', match[1] === 'DM' ? 'dm' : (match[1] as Via));
  match = /^file (\S+) to (.+)$/.exec(label);
  if (match) return [{ to: match[2] ?? '', via: 'file', text: `${match[1]}\n${text}` }];
  match = /^#\S+ \(private: (.+)\)$/.exec(label);
  if (match) return (match[1] ?? '').split(', ').map((member) => ({ to: member, via: 'space', text }));
  throw new Error(`unknown transcript label [${label}]`);
}

/** Splits a transcript into what followed each typed line, as labelled deliveries. */
export function parseTranscript(stdout: string): Delivery[][] {
  const segments: Delivery[][] = [];
  let current: Delivery[] | undefined;
  let label: string | undefined;
  let body: string[] = [];
  const flush = () => {
    if (current && label !== undefined) current.push(...deliveriesOf(label, body.join('\n')));
    label = undefined;
    body = [];
  };
  for (const text of stdout.split('\n')) {
    if (PROMPT.test(text)) {
      flush();
      current = [];
      segments.push(current);
    } else if (/^\[.+\]$/.test(text)) {
      flush();
      label = text.slice(1, -1);
    } else if (label !== undefined) {
      body.push(text.replace(/^ {2}/, ''));
    }
  }
  flush();
  return segments;
}

/** The terminal's spaces as the bot left them in its store: an archived one is read-only for all its members. */
async function terminalSpaces(storeFile: string): Promise<SpaceAtEnd[]> {
  const store = await createStore(`sqlite://${storeFile}`);
  try {
    const spaces = await createTerminalSpaces(store).list(TERMINAL_COMMUNITY);
    return spaces.map((space) => ({ name: space.name, readers: space.members, writers: space.archived ? [] : space.members }));
  } finally {
    await store.close();
  }
}

/**
 * Replays a scenario in the terminal chat and returns what each step delivered, to whom; a
 * restart ends the process and starts another on the same data (a restart itself delivers nothing).
 * The bot runs on a demo clock (MENTORAT_NOW) from SCENARIO_START; a wait step is typed `/wait`.
 */
export async function runScenarioOnTerminal(
  scenario: Scenario,
  locale: Locale,
  atEnd?: SpacesAtEndListener,
): Promise<{ observed: Delivery[][]; runs: TerminalRun[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-e2e-store-'));
  try {
    const observed: Delivery[][] = [];
    const runs: TerminalRun[] = [];
    const startedAt = Date.now();
    let waited = 0;
    for (const [index, steps] of sessionsOf(scenario.steps).entries()) {
      if (index > 0) observed.push([]);
      if (steps.length === 0) continue;
      const { script, stepLines } = scenarioScript(steps, locale);
      // A restarted bot's clock goes on from where the last one was: the start, the time waited, and the real time spent.
      const now = new Date(Date.parse(SCENARIO_START) + waited + (Date.now() - startedAt)).toISOString();
      const run = await runTerminalChat(script, { TERMINAL_USER: firstActor(steps), MENTORAT_NOW: now }, path.join(dir, 'e2e.sqlite'));
      waited += steps.reduce((total, step) => total + ('wait' in step.action ? waitedMs(step.action.wait) : 0), 0);
      runs.push(run);
      const segments = parseTranscript(run.stdout);
      observed.push(...stepLines.map((line) => segments[line] ?? []));
    }
    if (atEnd) atEnd(await terminalSpaces(path.join(dir, 'e2e.sqlite')));
    return { observed, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
