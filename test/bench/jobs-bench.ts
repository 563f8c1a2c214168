/**
 * The job layer's scaling (`npm run bench -- --only jobs`), on a SQLite file: what an idle poll
 * costs with 0, 1,000 and 10,000 jobs pending but not due, and what a round of due jobs costs per
 * job with 10,000 others pending, each with the due-time index and with the previous look (every
 * pending job read at each poll, previous-list-due.ts) in the same process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobHandler } from '../../src/core/jobs/job-handler';
import { createJobRepository } from '../../src/store/job-repository';
import {
  BENCH_COMMUNITY,
  type ListDueVariant,
  openBench,
  openRoundFile,
  pendingDueAt,
  type RoundCounts,
  type RoundScenario,
  type RoundTiming,
  timeIdlePolls,
} from './job-round';
import { median, type Summary, timed } from './stats';

export interface JobsBenchOptions {
  /** Pending jobs (none due) at which idle polls are timed, ascending. */
  readonly idleSizes: readonly number[];
  /** Idle polls timed per size and per look (a multiple of 10: see timeIdlePolls). */
  readonly idleSamples: number;
  readonly rounds: readonly RoundCounts[];
  /** Rounds of at most this many due jobs are run `repeats` times per look, and their medians reported. */
  readonly repeatUpTo: number;
  readonly repeats: number;
  /** Run once per look before the timed rounds, and not reported. */
  readonly warmUpRound: RoundCounts;
  readonly progress?: (line: string) => void;
}

export const DEFAULT_JOBS_OPTIONS: Omit<JobsBenchOptions, 'progress'> = {
  idleSizes: [0, 1_000, 10_000],
  idleSamples: 30,
  rounds: [
    { due: 100, pending: 0 },
    { due: 100, pending: 10_000 },
    { due: 5_000, pending: 10_000 },
  ],
  repeatUpTo: 100,
  repeats: 3,
  warmUpRound: { due: 200, pending: 100 },
};

export interface IdleAtSize {
  readonly pending: number;
  readonly index: Summary;
  readonly previous: Summary;
  /** A process's first poll (and one every 10 minutes): every pending job listed, as the previous look, plus the index. */
  readonly sweepMs: number;
}

export interface JobsBenchResult {
  readonly idle: readonly IdleAtSize[];
  readonly rounds: readonly RoundTiming[];
}

const KIND = 'bench.noop';

/** The trivial round: a handler that only counts its runs; due jobs `due-<n>`, pending ones `pending-<n>`. */
export function trivialRound(): RoundScenario {
  const runs = new Map<string, number>();
  const handler: JobHandler = {
    kind: KIND,
    async run(_ctx, job) {
      runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
      return { status: 'done' };
    },
  };
  return {
    name: 'trivial handler',
    handlers: [handler],
    async populatePending(ports, count, now, from) {
      for (let index = from; index < from + count; index += 1) {
        await ports.queue.schedule({
          community: BENCH_COMMUNITY,
          kind: KIND,
          key: `pending-${index}`,
          payload: {},
          dueAt: pendingDueAt(now, index),
        });
      }
    },
    async populateDue(ports, count, now) {
      for (let index = 0; index < count; index += 1) {
        // Spread over the last ten minutes, as jobs that fell due since the previous round.
        const dueAt = new Date(now.getTime() - (index % 600) * 1_000);
        await ports.queue.schedule({ community: BENCH_COMMUNITY, kind: KIND, key: `due-${index}`, payload: {}, dueAt });
      }
    },
    async verify(ports, counts, ran) {
      const once = [...runs].filter(([key, times]) => key.startsWith('due-') && times === 1).length;
      if (ran !== counts.due || once !== counts.due || runs.size !== counts.due) {
        throw new Error(`the round ran ${ran} jobs, ${once} due ones once, ${runs.size} in all; expected ${counts.due}`);
      }
      if (counts.pending > 0 && (await ports.queue.find(BENCH_COMMUNITY, KIND, `pending-${counts.pending - 1}`)) === undefined) {
        throw new Error('a pending job is gone after the round');
      }
      runs.clear();
    },
  };
}

export async function runJobsBench(options: JobsBenchOptions, scenario: () => RoundScenario = trivialRound): Promise<JobsBenchResult> {
  const progress = options.progress ?? (() => undefined);
  const folder = await mkdtemp(join(tmpdir(), 'mentorat-jobs-bench-'));
  try {
    const idle: IdleAtSize[] = [];
    const idleScenario = scenario();
    const bench = await openBench(folder, 'idle', idleScenario);
    try {
      // Thrown away: the process's first polls pay for compiling both looks.
      await timeIdlePolls(bench, 20);
      let stored = 0;
      for (const size of options.idleSizes) {
        await idleScenario.populatePending(bench.ports, size - stored, bench.clock.now(), stored);
        stored = size;
        const polls = await timeIdlePolls(bench, options.idleSamples);
        const sweeps: number[] = [];
        for (let run = 0; run < 3; run += 1) {
          // A fresh repository sweeps at its first poll, as a process that starts.
          const fresh = createJobRepository(bench.store, bench.clock);
          sweeps.push((await timed(() => fresh.listDue(bench.clock.now(), BENCH_COMMUNITY.platform))).ms);
        }
        idle.push({ pending: size, ...polls, sweepMs: median(sweeps) });
        progress(
          `idle poll with ${size} pending: index ${polls.index.medianMs.toFixed(2)} ms, previous ${polls.previous.medianMs.toFixed(2)} ms`,
        );
      }
    } finally {
      await bench.store.close();
    }
    // Untimed, each look once: the first round of a process would otherwise pay for compiling the path.
    for (const variant of ['index', 'previous'] as const) {
      const warmUp = await openRoundFile(folder, scenario(), options.warmUpRound, variant);
      await warmUp.run();
      await warmUp.close();
    }
    const rounds: RoundTiming[] = [];
    for (const counts of options.rounds) {
      const repeats = counts.due <= options.repeatUpTo ? options.repeats : 1;
      const timings: Record<ListDueVariant, RoundTiming[]> = { index: [], previous: [] };
      const files = {
        index: await openRoundFile(folder, scenario(), counts, 'index'),
        previous: await openRoundFile(folder, scenario(), counts, 'previous'),
      };
      try {
        for (let repeat = 0; repeat < repeats; repeat += 1) {
          // Each look goes first every other time: what a round leaves (garbage, a WAL to checkpoint) hits both.
          const order = repeat % 2 === 0 ? (['index', 'previous'] as const) : (['previous', 'index'] as const);
          for (const variant of order) timings[variant].push(await files[variant].run());
        }
      } finally {
        await files.index.close();
        await files.previous.close();
      }
      for (const variant of ['index', 'previous'] as const) {
        const timing = medianRound(timings[variant]);
        rounds.push(timing);
        progress(
          `round of ${counts.due} due with ${counts.pending} pending (${variant}, median of ${repeats}): ` +
            `${timing.perJobMs.toFixed(3)} ms per job, ${timing.cpuPerJobMs.toFixed(3)} ms CPU`,
        );
      }
    }
    return { idle, rounds };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Median wall time and, separately, median CPU time of repeated rounds of one size. */
function medianRound(timings: readonly RoundTiming[]): RoundTiming {
  const [first] = timings;
  if (first === undefined) throw new RangeError('no round to summarize');
  const totalMs = median(timings.map((timing) => timing.totalMs));
  return {
    ...first,
    totalMs,
    perJobMs: totalMs / first.counts.due,
    cpuPerJobMs: median(timings.map((timing) => timing.cpuPerJobMs)),
  };
}

const count = (n: number): string => n.toLocaleString('en-US');
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padStart(widths[column] ?? 0))
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatJobs(result: JobsBenchResult, options: Omit<JobsBenchOptions, 'progress'>): string {
  const first = result.idle[0];
  const last = result.idle.at(-1);
  const ratio = (pick: (at: IdleAtSize) => number) =>
    first !== undefined && last !== undefined ? `${(pick(last) / pick(first)).toFixed(1)}×` : '-';
  const roundOf = (counts: RoundCounts, variant: ListDueVariant) =>
    result.rounds.find((round) => round.variant === variant && round.counts.due === counts.due && round.counts.pending === counts.pending);
  const out = [
    'Job queue: idle poll (the runner’s runDue with nothing due, SQLite file), median of ' +
      `${options.idleSamples} polls per size and look (p99 beside), the looks taking turns by blocks of 10`,
    ...table(
      ['pending, not due', 'due-time index', 'p99', 'previous scan', 'p99', 'sweep (first poll, then every 10 min)'],
      result.idle.map((at) => [
        count(at.pending),
        ms(at.index.medianMs),
        ms(at.index.p99Ms),
        ms(at.previous.medianMs),
        ms(at.previous.p99Ms),
        ms(at.sweepMs),
      ]),
    ),
    `  ${count(last?.pending ?? 0)} / ${count(first?.pending ?? 0)} pending: due-time index ${ratio((at) => at.index.medianMs)}, ` +
      `previous scan ${ratio((at) => at.previous.medianMs)}`,
    '',
    'Job queue: a round of due jobs (trivial handler) in one runDue, SQLite file; checked: each due job ran once, the pending ones stayed;',
    `  rounds of up to ${count(options.repeatUpTo)} due jobs: median of ${options.repeats} runs per look, the looks taking turns to go first`,
    ...table(
      ['due', 'other pending', 'index: total', 'per job', 'CPU per job', 'previous: total', 'per job', 'CPU per job'],
      options.rounds.map((counts) => {
        const index = roundOf(counts, 'index');
        const previous = roundOf(counts, 'previous');
        return [
          count(counts.due),
          count(counts.pending),
          index ? ms(index.totalMs) : '-',
          index ? ms(index.perJobMs) : '-',
          index ? ms(index.cpuPerJobMs) : '-',
          previous ? ms(previous.totalMs) : '-',
          previous ? ms(previous.perJobMs) : '-',
          previous ? ms(previous.cpuPerJobMs) : '-',
        ];
      }),
    ),
  ];
  return `${out.join('\n')}\n`;
}
