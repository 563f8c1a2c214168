import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { commands, DEFAULT_COMMAND_ID } from '../../commands';
import { createCorePorts } from '../../src/app/app-ports';
import { loadProgrammes } from '../../src/config/load-programmes';
import { participantIdOf } from '../../src/core/identity';
import { REPORT_JOBS } from '../../src/core/reports/report-events';
import { createDispatcher } from '../../src/dispatch/dispatcher';
import { systemClock } from '../../src/infra/clock';
import type { Log } from '../../src/infra/log';
import { createJobRunner } from '../../src/jobs/job-handlers';
import type { LineSource } from '../../src/platforms/terminal/line-source';
import { sessionButtons } from '../../src/platforms/terminal/session-buttons';
import { TERMINAL_COMMUNITY } from '../../src/platforms/terminal/terminal-app';
import { runTerminalChat } from '../../src/platforms/terminal/terminal-chat';
import { createTerminalPlatform } from '../../src/platforms/terminal/terminal-platform';
import { createTerminalSession } from '../../src/platforms/terminal/terminal-session';
import { createTranscript } from '../../src/platforms/terminal/transcript';
import { createStore } from '../../src/store/create-store';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { createReferentRepository } from '../../src/store/referent-repository';
import { CONFIG_DIR } from '../support/programme';
import { seededRandom, userIdOf } from './participants';
import { type Population, pairOf, populate, referentOfPair, storeReport } from './report-population';
import { median, type Summary, summarize, timed } from './stats';

export type FilingBackend = 'sqlite' | 'memory';

export interface FilingBenchOptions {
  readonly population: Population;
  /** Reports stored when each window is measured, ascending. */
  readonly sizes: readonly number[];
  /** At most this many filings timed at each size, each by another reporter… */
  readonly window: number;
  /** … and no more once a window has run this long, unless it has fewer than `minWindow` filings. */
  readonly windowBudgetMs: number;
  readonly minWindow: number;
  /** Filings run (and thrown away) before the first window, on the same store and path. */
  readonly warmUp: number;
  readonly backends: readonly FilingBackend[];
  readonly progress?: (line: string) => void;
}

export const DEFAULT_FILING_OPTIONS: Omit<FilingBenchOptions, 'progress'> = {
  population: { participants: 10_000, pairs: 2_500, referents: 250 },
  sizes: [100, 1_000],
  window: 300,
  windowBudgetMs: 20_000,
  minWindow: 30,
  warmUp: 15,
  backends: ['sqlite'],
};

/** Peers: the store calls a filing makes, timed alone on the same data (median of a few runs). */
export interface FilingPeers {
  /** Every enrolment of the community read and validated. */
  readonly listEnrolmentsMs: number;
  /** Every binôme of the community read and validated. */
  readonly listBinomesMs: number;
  /** The job runner's look for due jobs (every pending job read and validated). */
  readonly listDueMs: number;
}

export interface FilingAtSize {
  readonly stored: number;
  /** Jobs waiting in the store while the window ran (the stored reports' deadlines, the retention purge). */
  readonly pendingJobs: number;
  /** From the command line handed to the terminal chat to `[DM to <référent>]` printed (the headline). */
  readonly dm: Summary;
  /** … to the reference printed to the reporter (the use case's answer, before any job ran). */
  readonly reply: Summary;
  /** … to the next prompt: the delivery job settled and the report's history written. */
  readonly settled: Summary;
  readonly peers: FilingPeers;
}

export interface FilingBackendResult {
  readonly backend: FilingBackend;
  readonly store: string;
  readonly populateMs: number;
  readonly sizes: readonly FilingAtSize[];
  /** Largest size over smallest, for the DM time. */
  readonly growth: { readonly from: number; readonly to: number; readonly medianRatio: number; readonly p99Ratio: number };
  readonly sqliteBytes?: number;
}

export interface FilingBenchResult {
  readonly benchmark: 'report-filing';
  readonly parameters: Omit<FilingBenchOptions, 'progress'> & { readonly command: string; readonly percentile: string };
  readonly backends: readonly FilingBackendResult[];
  readonly durationMs: number;
}

const DESCRIPTION = 'Mon mentor ne répond plus depuis trois semaines et je ne sais pas comment relancer sans le froisser.';
export const FILING_LINE = `/mentorat signaler category:relation description:${DESCRIPTION} contact:oui`;

const sinceMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** A bench log: silent as `npm start`'s terminal (warn level), but a warning or an error aborts the bench. */
function strictLog(): Log & { readonly problems: string[] } {
  const problems: string[] = [];
  const fail = (details: object, message: string) => {
    problems.push(`${message} ${JSON.stringify(details, (_key, value) => (value instanceof Error ? value.message : value))}`);
  };
  return { problems, debug() {}, info() {}, warn: fail, error: fail };
}

/** One filing in flight: what the transcript must show, and when it showed it. */
interface InFlight {
  readonly reporter: string;
  readonly referent: string;
  start: bigint;
  replyAt?: bigint;
  dmAt?: bigint;
  text: string;
}

async function fileBytes(path: string): Promise<number> {
  let total = 0;
  for (const file of [path, `${path}-wal`])
    total += await stat(file).then(
      (found) => found.size,
      () => 0,
    );
  return total;
}

async function countJobs(store: Awaited<ReturnType<typeof createStore>>): Promise<number> {
  let count = 0;
  for await (const _entry of store.scan('job.')) count += 1;
  return count;
}

/**
 * The bot as `npm start` assembles it (src/platforms/terminal/terminal-app.ts): the terminal platform printing to a
 * transcript, the dispatcher over the core ports, the job runner run before each prompt. Only the
 * line source and the output stream are the bench's: lines are typed by the plan below, and the
 * output is read as it is written, to time the moment the référent's DM is printed.
 */
async function runBackend(backend: FilingBackend, options: FilingBenchOptions, dir: string): Promise<FilingBackendResult> {
  const progress = options.progress ?? (() => {});
  const path = join(dir, 'reports.sqlite');
  const url = backend === 'sqlite' ? `sqlite://${path}` : 'memory://';
  const store = await createStore(url);
  const programmes = loadProgrammes(CONFIG_DIR);
  const community = TERMINAL_COMMUNITY;
  const programme = programmes.programmeFor(community);
  const log = strictLog();
  let inFlight: InFlight | undefined;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const text = String(chunk);
      if (inFlight) {
        inFlight.text += text;
        if (inFlight.replyAt === undefined && text.startsWith(`[ephemeral to ${inFlight.reporter}]`) && inFlight.text.includes('[form to'))
          inFlight.replyAt = process.hrtime.bigint();
        if (inFlight.dmAt === undefined && text.startsWith(`[DM to ${inFlight.referent}]`)) inFlight.dmAt = process.hrtime.bigint();
      }
      done();
    },
  });
  const transcript = createTranscript(sink, false);
  const session = createTerminalSession('coord', [...programme.access.coordinators.users, ...programme.access.referents.users]);
  const enrolments = createEnrolmentRepository(store);
  const referents = createReferentRepository(store);
  const chat = createTerminalPlatform(
    transcript,
    async (where, userId) =>
      session.users.has(userId) ||
      (await referents.includes(where, userId)) ||
      (await enrolments.find(participantIdOf(where, userId))) !== undefined,
    store,
    sessionButtons(session, programme.defaultLocale),
  );
  const ports = createCorePorts(store, chat, systemClock);
  const dispatcher = createDispatcher({ commands, programmes, ports, log });
  const jobs = createJobRunner(ports, { programmes, log });

  const { population } = options;
  const members = population.pairs * 2;
  const populateStart = process.hrtime.bigint();
  await populate(ports, programme, community, population, systemClock.now());
  const populateMs = sinceMs(populateStart);
  progress(
    `${backend}: ${population.participants.toLocaleString('en-US')} participants, ${population.pairs} binômes in ${(populateMs / 1000).toFixed(1)} s`,
  );

  const pick = seededRandom(0xb1e55);
  let stored = 0;
  async function fillTo(target: number): Promise<void> {
    for (; stored < target; stored += 1) {
      await storeReport(ports, programme, community, population, Math.floor(pick() * members), stored, systemClock.now());
    }
  }

  // Each filing by another member of a pair: the per-person hourly limit is never what answers.
  let nextReporter = 0;
  const results: FilingAtSize[] = [];

  /** Checks what one filing printed, then takes it back (untimed) so that the stored count stays put. */
  async function settle(filing: InFlight, promptAt: bigint): Promise<{ dmMs: number; replyMs: number; settledMs: number }> {
    if (log.problems.length > 0) throw new Error(`the bot logged a problem: ${log.problems.join('; ')}`);
    const reference = /SIG-\d{4,9}/.exec(filing.text.slice(filing.text.indexOf(`[ephemeral to ${filing.reporter}]`)))?.[0];
    const dm = filing.text.slice(filing.text.indexOf(`[DM to ${filing.referent}]`));
    if (filing.replyAt === undefined || filing.dmAt === undefined || reference === undefined || !dm.includes(reference)) {
      throw new Error(`${filing.reporter}'s report did not reach ${filing.referent} by DM:\n${filing.text}`);
    }
    if ((filing.text.match(/\[DM to /g) ?? []).length !== 1 || filing.text.includes('[#')) {
      throw new Error(`the filing reached someone else than the référent:\n${filing.text}`);
    }
    const report = await ports.reports.find(community, reference);
    if (!report?.recipients.includes(filing.referent) || report.reporter !== filing.reporter) {
      throw new Error(`${reference} is not stored as delivered to ${filing.referent}`);
    }
    await ports.queue.cancel(community, REPORT_JOBS.deadline, reference);
    await ports.reports.remove(report);
    return {
      dmMs: Number(filing.dmAt - filing.start) / 1e6,
      replyMs: Number(filing.replyAt - filing.start) / 1e6,
      settledMs: Number(promptAt - filing.start) / 1e6,
    };
  }

  type Sample = { dmMs: number; replyMs: number; settledMs: number };

  /** What the person at the terminal types: `/as <reporter>`, then the one-line report, while `more` says so. */
  async function* filings(more: (done: number) => boolean, samples: Sample[]): AsyncGenerator<string> {
    for (let done = 0; more(done); done += 1) {
      if (nextReporter >= members) throw new Error(`more filings than the ${members} members of pairs`);
      const index = nextReporter++;
      yield `/as ${userIdOf(index)}`;
      const filing: InFlight = {
        reporter: userIdOf(index),
        referent: referentOfPair(population, pairOf(index)),
        start: process.hrtime.bigint(),
        text: '',
      };
      inFlight = filing;
      yield FILING_LINE;
      const promptAt = process.hrtime.bigint();
      inFlight = undefined;
      samples.push(await settle(filing, promptAt));
    }
  }

  async function medianOf(runs: number, task: () => Promise<unknown>): Promise<number> {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) times.push((await timed(task)).ms);
    return median(times);
  }

  async function measurePeers(): Promise<FilingPeers> {
    return {
      listEnrolmentsMs: await medianOf(3, () => ports.enrolments.listByCommunity(community)),
      listBinomesMs: await medianOf(3, () => ports.binomes.listByCommunity(community)),
      listDueMs: await medianOf(5, () => ports.jobStore.listDue(systemClock.now(), 'terminal')),
    };
  }

  async function* plan(): AsyncGenerator<string> {
    await fillTo(options.sizes[0] ?? 0);
    yield* filings((done) => done < options.warmUp, []);
    for (const size of options.sizes) {
      await fillTo(size);
      const samples: Sample[] = [];
      const pendingJobs = await countJobs(store);
      const started = process.hrtime.bigint();
      yield* filings((done) => done < options.window && (done < options.minWindow || sinceMs(started) < options.windowBudgetMs), samples);
      results.push({
        stored: size,
        pendingJobs,
        dm: summarize(samples.map((sample) => sample.dmMs)),
        reply: summarize(samples.map((sample) => sample.replyMs)),
        settled: summarize(samples.map((sample) => sample.settledMs)),
        peers: await measurePeers(),
      });
      const last = results.at(-1);
      progress(
        `${backend}: ${size.toLocaleString('en-US')} reports stored, ${samples.length} filings: DM median ${last?.dm.medianMs.toFixed(1)} ms, p99 ${last?.dm.p99Ms.toFixed(1)} ms`,
      );
    }
  }

  // The start of a filing is when its line is handed over: the generator's step is the bench's own time.
  const script = plan();
  const lines: LineSource = {
    async read() {
      const next = await script.next();
      if (inFlight) inFlight.start = process.hrtime.bigint();
      return next.done ? undefined : next.value;
    },
    unread() {
      throw new Error('the one-line report asked a question: a field is missing');
    },
    close() {},
  };
  try {
    await runTerminalChat({
      dispatcher,
      community,
      session,
      lines,
      transcript,
      defaultCommandId: DEFAULT_COMMAND_ID,
      beforeEachPrompt: () => jobs.runDue().then(() => undefined),
    });
    if (results.length !== options.sizes.length) throw new Error('the terminal chat ended before the plan did');
    const sqliteBytes = backend === 'sqlite' ? await fileBytes(path) : undefined;
    const [smallest, largest] = [results[0], results.at(-1)];
    if (!smallest || !largest) throw new Error('no sizes were measured');
    return {
      backend,
      store: backend === 'sqlite' ? 'SQLite file (as npm start)' : 'memory://',
      populateMs,
      sizes: results,
      growth: {
        from: smallest.stored,
        to: largest.stored,
        medianRatio: largest.dm.medianMs / smallest.dm.medianMs,
        p99Ratio: largest.dm.p99Ms / smallest.dm.p99Ms,
      },
      ...(sqliteBytes === undefined ? {} : { sqliteBytes }),
    };
  } finally {
    await store.close();
  }
}

export async function runFilingBench(options: FilingBenchOptions): Promise<FilingBenchResult> {
  const start = process.hrtime.bigint();
  const backends: FilingBackendResult[] = [];
  for (const backend of options.backends) {
    const dir = await mkdtemp(join(tmpdir(), 'mentorat-report-bench-'));
    try {
      backends.push(await runBackend(backend, options, dir));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const { progress: _progress, ...parameters } = options;
  return {
    benchmark: 'report-filing',
    parameters: { ...parameters, command: FILING_LINE, percentile: 'nearest rank' },
    backends,
    durationMs: sinceMs(start),
  };
}
