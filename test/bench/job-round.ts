/**
 * The harness of the jobs bench, reusable by a scenario that brings its own handlers and
 * population (the check-in round through the terminal platform will be one): a SQLite file,
 * the bot's ports over it with a clock that only moves when told, and the polling job runner,
 * with either the current look for due jobs or the previous one (previous-list-due.ts).
 */
import { join } from 'node:path';
import { type AppPorts, createCorePorts } from '../../src/app/app-ports';
import type { CommunityRef } from '../../src/core/identity';
import type { JobHandler } from '../../src/core/jobs/job-handler';
import type { ChatPlatform } from '../../src/core/ports';
import type { Log } from '../../src/infra/log';
import { createPollingJobRunner, type JobRunner } from '../../src/jobs/polling-job-runner';
import { createStore } from '../../src/store/create-store';
import type { JobStore } from '../../src/store/job-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { createRecordingChat } from '../support/recording-chat';
import { withPreviousListDue } from './previous-list-due';
import { type Summary, summarize, timed } from './stats';

/** The bench's "now": every due job is due by then, every pending one later. */
export const ROUND_NOW = '2026-09-01T08:00:00.000Z';
export const BENCH_COMMUNITY: CommunityRef = { platform: 'terminal', id: 'local' };
const DAY_MS = 24 * 60 * 60_000;

export type ListDueVariant = 'index' | 'previous';

export interface RoundCounts {
  /** Jobs due by now, run by the round. */
  readonly due: number;
  /** Jobs pending but due later (check-ins of the coming weeks), which the round must leave alone. */
  readonly pending: number;
}

/** A round: the handlers the runner knows, and a population that gives them their jobs. */
export interface RoundScenario {
  readonly name: string;
  /** The chat the runner's ports talk to (its platform is the one polled); a recording terminal chat by default. */
  readonly chat?: () => ChatPlatform;
  readonly handlers: readonly JobHandler[];
  /** Stores (untimed) `counts.pending` jobs due after `now`, and whatever the jobs need. */
  readonly populatePending: (ports: AppPorts, count: number, now: Date, from: number) => Promise<void>;
  /** Stores (untimed) `count` jobs due by `now`, and whatever they need. */
  readonly populateDue: (ports: AppPorts, count: number, now: Date) => Promise<void>;
  /** After the round: throws unless every due job ran once and no pending one ran. */
  readonly verify: (ports: AppPorts, counts: RoundCounts, ran: number) => Promise<void>;
}

export interface Bench {
  readonly store: KeyValueStore;
  readonly ports: AppPorts;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly runner: (variant: ListDueVariant) => JobRunner;
  readonly log: { readonly problems: string[] };
}

/** Silent, but a warning or an error (a job that failed, a store that did not answer) fails the bench. */
function strictLog(): Log & { readonly problems: string[] } {
  const problems: string[] = [];
  const fail = (details: object, message: string) => {
    problems.push(`${message} ${JSON.stringify(details, (_key, value) => (value instanceof Error ? value.message : value))}`);
  };
  return { problems, debug() {}, info() {}, warn: fail, error: fail };
}

function checkQuiet(log: { readonly problems: string[] }): void {
  if (log.problems.length > 0) throw new Error(`the job runner logged: ${log.problems.slice(0, 3).join('; ')}`);
}

/** Opens a SQLite file with the bot's ports over it; the first poll's sweep is done, as in a bot that has been running. */
export async function openBench(folder: string, name: string, scenario: RoundScenario): Promise<Bench> {
  const store = await createStore(`sqlite://${join(folder, `${name}.sqlite`)}`);
  const clock = fixedClock(ROUND_NOW);
  const chat = scenario.chat?.() ?? createRecordingChat();
  const ports = createCorePorts(store, chat, clock);
  await ports.jobStore.listDue(clock.now(), chat.platform);
  const programme = defaultProgramme();
  const runners = new Map<ListDueVariant, JobRunner>();
  const log = strictLog();
  const jobsOf = (variant: ListDueVariant): JobStore => (variant === 'index' ? ports.jobStore : withPreviousListDue(store, ports.jobStore));
  return {
    store,
    ports,
    clock,
    log,
    runner(variant) {
      const known = runners.get(variant);
      if (known !== undefined) return known;
      const runner = createPollingJobRunner({
        jobs: jobsOf(variant),
        handlers: scenario.handlers,
        ports,
        programmes: { programmeFor: () => programme },
        log,
      });
      runners.set(variant, runner);
      return runner;
    },
  };
}

export interface RoundTiming {
  readonly variant: ListDueVariant;
  readonly counts: RoundCounts;
  readonly totalMs: number;
  readonly perJobMs: number;
  /** CPU time of the process (every thread, SQLite's included) per job: a loaded machine inflates it less than wall time. */
  readonly cpuPerJobMs: number;
}

/** A file holding `counts.pending` jobs due later, on which rounds of `counts.due` jobs are run one after the other. */
export interface RoundFile {
  /** Stores `counts.due` due jobs (untimed), runs them in one timed `runDue`, then checks the round. */
  run(): Promise<RoundTiming>;
  close(): Promise<void>;
}

/**
 * Opens a fresh file with its pending jobs. A round leaves the pending jobs as they were (it runs
 * only the due ones, and checks so), so the next round on the same file starts from the same state.
 */
export async function openRoundFile(
  folder: string,
  scenario: RoundScenario,
  counts: RoundCounts,
  variant: ListDueVariant,
): Promise<RoundFile> {
  const bench = await openBench(folder, `round-${variant}-${counts.due}-${counts.pending}`, scenario);
  await scenario.populatePending(bench.ports, counts.pending, bench.clock.now(), 0);
  return {
    async run() {
      await scenario.populateDue(bench.ports, counts.due, bench.clock.now());
      const cpuBefore = process.cpuUsage();
      const { ms, result: ran } = await timed(() => bench.runner(variant).runDue());
      const cpu = process.cpuUsage(cpuBefore);
      checkQuiet(bench.log);
      await scenario.verify(bench.ports, counts, ran);
      return { variant, counts, totalMs: ms, perJobMs: ms / counts.due, cpuPerJobMs: (cpu.user + cpu.system) / 1000 / counts.due };
    },
    close: () => bench.store.close(),
  };
}

/**
 * Idle polls (`runDue` with nothing due) at one population, in blocks of 10 per look, the looks
 * taking turns so that drift hits both; the first 2 polls of each block are thrown away, as they
 * pay for the garbage and the cache the other look left behind.
 */
export async function timeIdlePolls(bench: Bench, samples: number): Promise<Record<ListDueVariant, Summary>> {
  const runs: Record<ListDueVariant, number[]> = { index: [], previous: [] };
  while (runs.index.length < samples) {
    for (const variant of ['index', 'previous'] as const) {
      for (let poll = 0; poll < IDLE_BLOCK + IDLE_BLOCK_WARM_UP; poll += 1) {
        const { ms, result } = await timed(() => bench.runner(variant).runDue());
        if (result !== 0) throw new Error(`an idle poll ran ${result} jobs`);
        if (poll >= IDLE_BLOCK_WARM_UP) runs[variant].push(ms);
      }
    }
  }
  checkQuiet(bench.log);
  return { index: summarize(runs.index), previous: summarize(runs.previous) };
}

const IDLE_BLOCK = 10;
const IDLE_BLOCK_WARM_UP = 2;

/** Due times of pending jobs, spread over the coming weeks as check-ins every few weeks would be. */
export const pendingDueAt = (now: Date, index: number) => new Date(now.getTime() + DAY_MS + ((index * 7_919) % (42 * DAY_MS)));
