import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCorePorts } from '../../src/app/app-ports';
import { loadProgrammes } from '../../src/config/load-programmes';
import { binomeSpaceKey } from '../../src/core/binomes/binome-spaces';
import { scheduleCheckIns } from '../../src/core/follow-up/check-in-jobs';
import { participantIdOf } from '../../src/core/identity';
import type { Clock } from '../../src/core/ports';
import type { Log } from '../../src/infra/log';
import { createJobRunner } from '../../src/jobs/job-handlers';
import { sessionButtons } from '../../src/platforms/terminal/session-buttons';
import { TERMINAL_COMMUNITY } from '../../src/platforms/terminal/terminal-app';
import { createTerminalPlatform } from '../../src/platforms/terminal/terminal-platform';
import { createTerminalSession } from '../../src/platforms/terminal/terminal-session';
import { createTerminalSpaces } from '../../src/platforms/terminal/terminal-spaces';
import { createTranscript } from '../../src/platforms/terminal/transcript';
import { createStore } from '../../src/store/create-store';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { createReferentRepository } from '../../src/store/referent-repository';
import { fixedClock } from '../support/fixed-clock';
import { CONFIG_DIR } from '../support/programme';
import { userIdOf } from './participants';
import { binomeIdOf, populate } from './report-population';
import { median } from './stats';

export interface CheckInBenchOptions {
  /** Active, announced binômes whose round is due, one store each. */
  readonly sizes: readonly number[];
  /** A round of this many binômes first, not reported: the first round in a process pays for compiling and warming the store. */
  readonly warmUp: number;
  readonly progress?: (line: string) => void;
}

export const DEFAULT_CHECK_IN_OPTIONS: Omit<CheckInBenchOptions, 'progress'> = { sizes: [100, 5_000], warmUp: 100 };

export interface CheckInAtSize {
  readonly binomes: number;
  /** Check-in jobs pending when the round started (every binôme's, due). */
  readonly pendingJobs: number;
  readonly populateMs: number;
  /** The whole round, median of rounds 1 to 3: `runDue()` from the first look to the last job settled. */
  readonly roundMs: number;
  readonly perBinomeMs: number;
  /** CPU time of the process (every thread: SQLite works on libuv's) per binôme: less swayed than wall time by other work on the machine. */
  readonly cpuPerBinomeMs: number;
  /**
   * Peer, on the same file just before the round: the median of one `store.get` of a stored
   * enrolment (each round makes the same number of store calls whatever N; a per-binôme time that
   * grows with the store's own per-call time is the store's, not a listing of the community).
   */
  readonly storeGetMs: number;
}

export interface CheckInBenchResult {
  readonly benchmark: 'check-in-round';
  readonly sizes: readonly CheckInAtSize[];
  /** Time per binôme at the largest size over the smallest: about 1 when it does not grow with N. */
  readonly perBinomeRatio: number;
  readonly cpuPerBinomeRatio: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const ROUNDS = 3;

/** Silent as `npm start`'s terminal, but a warning or an error aborts the bench. */
function strictLog(): Log & { readonly problems: string[] } {
  const problems: string[] = [];
  const fail = (details: object, message: string) => {
    problems.push(`${message} ${JSON.stringify(details, (_key, value) => (value instanceof Error ? value.message : value))}`);
  };
  return { problems, debug() {}, info() {}, warn: fail, error: fail };
}

/** 301 reads of enrolments spread over the community, through the repository (a store get and its validation). */
async function medianGet(ports: ReturnType<typeof createCorePorts>, binomes: number): Promise<number> {
  const times: number[] = [];
  for (let read = 0; read < 301; read += 1) {
    const index = Math.floor((read * 7919) % (binomes * 2));
    const start = performance.now();
    await ports.enrolments.find(participantIdOf(TERMINAL_COMMUNITY, userIdOf(index)));
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The bot as `npm start` assembles it over this store: the terminal platform printing into `sink`, the job runner. */
function terminalBot(store: KeyValueStore, sink: Writable, clock: Clock) {
  const programmes = loadProgrammes(CONFIG_DIR);
  const programme = programmes.programmeFor(TERMINAL_COMMUNITY);
  const session = createTerminalSession('coord', programme.access.coordinators.users);
  const enrolments = createEnrolmentRepository(store);
  const referents = createReferentRepository(store);
  const chat = createTerminalPlatform(
    createTranscript(sink, false),
    async (where, userId) =>
      session.users.has(userId) ||
      (await referents.includes(where, userId)) ||
      (await enrolments.find(participantIdOf(where, userId))) !== undefined,
    store,
    sessionButtons(session, programme.defaultLocale),
  );
  const ports = createCorePorts(store, chat, clock);
  const log = strictLog();
  return { programme, ports, log, runner: createJobRunner(ports, { programmes, log }) };
}

/**
 * N active binômes as an announcement leaves them (enrolled members, a référent, a terminal space
 * named after the pair, the first `check-in.round` job planned), written on SQLite by one run of
 * the bot; then a new run starts on that file two weeks later, and its real job runner runs the
 * round through the terminal platform, printing into a transcript nobody reads. Every binôme must
 * have its round recorded and printed exactly once.
 */
async function measure(binomes: number, dir: string, progress: (line: string) => void): Promise<CheckInAtSize> {
  const url = `sqlite://${join(dir, `check-ins-${binomes}-${Date.now()}.sqlite`)}`;
  const clock = fixedClock('2026-12-01T09:00:00.000Z');
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const populateStart = performance.now();
  const first = await createStore(url);
  try {
    const { ports, programme } = terminalBot(first, discard, clock);
    await populate(
      ports,
      programme,
      TERMINAL_COMMUNITY,
      { participants: binomes * 2, pairs: binomes, referents: Math.max(1, binomes / 20) },
      clock.now(),
    );
    const spaces = createTerminalSpaces(first);
    for (let pair = 0; pair < binomes; pair += 1) {
      const key = binomeSpaceKey(binomeIdOf(pair));
      await spaces.save(TERMINAL_COMMUNITY, { key, name: `binome-${pair}`, members: [userIdOf(pair * 2), userIdOf(pair * 2 + 1)] });
      await scheduleCheckIns(ports, TERMINAL_COMMUNITY, programme, binomeIdOf(pair), key);
    }
  } finally {
    await first.close();
  }
  const populateMs = performance.now() - populateStart;
  progress(`${binomes} binômes announced and their first check-in planned in ${(populateMs / 1000).toFixed(1)} s`);

  const store = await createStore(url);
  try {
    let printed = 0;
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        if (String(chunk).startsWith('[#')) printed += 1;
        done();
      },
    });
    const { programme, ports, log, runner } = terminalBot(store, sink, clock);
    let pendingJobs = 0;
    for await (const _job of store.scan('job.')) pendingJobs += 1;
    const storeGetMs = await medianGet(ports, binomes);
    // Rounds 1, 2 and 3, each when due (the machine is shared: the median of three says more than one).
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const weeks = round === 1 ? programme.followUp.firstCheckInAfterWeeks : programme.followUp.checkInEveryWeeks;
      clock.set(new Date(clock.now().getTime() + weeks * WEEK_MS).toISOString());
      const before = printed;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const ran = await runner.runDue();
      const cpu = process.cpuUsage(cpuStart);
      times.push(performance.now() - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      if (log.problems.length > 0) throw new Error(`the bot logged a problem: ${log.problems.join('; ')}`);
      const recorded = (await ports.checkIns.listByCommunity(TERMINAL_COMMUNITY)).filter((checkIn) => checkIn.round === round).length;
      if (ran !== binomes || recorded !== binomes || printed - before !== binomes) {
        throw new Error(
          `round ${round}: expected ${binomes} rounds run, recorded and printed; got ${ran}, ${recorded} and ${printed - before}`,
        );
      }
      progress(`${binomes} binômes: round ${round} in ${(times.at(-1) ?? 0).toFixed(0)} ms`);
    }
    const roundMs = median(times);
    const cpuPerBinomeMs = median(cpuTimes) / binomes;
    return { binomes, pendingJobs, populateMs, roundMs, perBinomeMs: roundMs / binomes, cpuPerBinomeMs, storeGetMs };
  } finally {
    await store.close();
  }
}

export async function runCheckInBench(options: CheckInBenchOptions): Promise<CheckInBenchResult> {
  const progress = options.progress ?? (() => {});
  const dir = await mkdtemp(join(tmpdir(), 'mentorat-check-ins-'));
  try {
    await measure(options.warmUp, dir, (line) => progress(`warm-up: ${line}`));
    const sizes: CheckInAtSize[] = [];
    for (const size of options.sizes) {
      const result = await measure(size, dir, progress);
      progress(`${size} binômes: round in ${(result.roundMs / 1000).toFixed(2)} s, ${result.perBinomeMs.toFixed(2)} ms per binôme`);
      sizes.push(result);
    }
    const first = sizes[0];
    const last = sizes.at(-1);
    return {
      benchmark: 'check-in-round',
      sizes,
      perBinomeRatio: first && last ? last.perBinomeMs / first.perBinomeMs : Number.NaN,
      cpuPerBinomeRatio: first && last ? last.cpuPerBinomeMs / first.cpuPerBinomeMs : Number.NaN,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatCheckIns(result: CheckInBenchResult): string {
  const lines = ['Check-in round through the terminal platform (SQLite, real job runner):'];
  for (const size of result.sizes) {
    lines.push(
      `  ${String(size.binomes).padStart(6)} binômes (${size.pendingJobs} jobs pending): ${size.roundMs.toFixed(0)} ms, ${size.perBinomeMs.toFixed(2)} ms per binôme (CPU ${size.cpuPerBinomeMs.toFixed(2)} ms); peer: one enrolment read ${size.storeGetMs.toFixed(3)} ms`,
    );
  }
  lines.push(
    `  per-binôme time, largest over smallest: ×${result.perBinomeRatio.toFixed(2)} (CPU ×${result.cpuPerBinomeRatio.toFixed(2)})`,
  );
  return `${lines.join('\n')}\n`;
}
