import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { createCorePorts } from '../../src/app/app-ports';
import type { AccessRole } from '../../src/core/access';
import type { CorePorts, UseCaseContext } from '../../src/core/context';
import { type CommunityRef, type ParticipantId, participantIdOf } from '../../src/core/identity';
import { submitEnrolment } from '../../src/core/participants/enrol';
import type { Enrolment } from '../../src/core/participants/enrolment';
import { listEnrolled } from '../../src/core/participants/list-enrolled';
import type { ChatPlatform, EnrolmentRepository, Responder } from '../../src/core/ports';
import type { Programme } from '../../src/core/programme/programme-schema';
import type { Reply } from '../../src/core/reply';
import { createStore } from '../../src/store/create-store';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { openMemoryStore } from '../../src/store/memory-store';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { createOneDocumentRepository, oneDocumentKey } from './one-document-repository';
import { rawEnrolment, userIdOf } from './participants';
import { median, percentile, type Summary, summarize, timed } from './stats';

export const COMMUNITY: CommunityRef = { platform: 'terminal', id: 'bench' };
export const CLOCK_AT = '2026-11-25T10:00:00Z';

export interface EnrolmentBenchOptions {
  /** Participants already stored when each window is measured, ascending. */
  readonly sizes: readonly number[];
  /** New enrolments timed one by one at each size. */
  readonly window: number;
  /** Enrolments timed into the one-document peer at each size. */
  readonly oneDocumentWindow: number;
  /** Runs of each listing; the median is kept. */
  readonly listRuns: number;
  /**
   * Participants enrolled into a throw-away store first, followed by a window there.
   * V8 keeps optimising (on background threads) for the first several thousand enrolments,
   * and on 2 CPUs that delays the store's round trips: after a short warm-up the first window
   * (100 stored) gets a fatter tail than later ones, which would flatter the p99 growth ratio.
   */
  readonly warmUp: number;
  /** Enrolments timed (and thrown away) in the warm-up store, to warm the peers' paths too. */
  readonly warmUpWindow: number;
  readonly progress: (line: string) => void;
}

export const DEFAULT_OPTIONS: Omit<EnrolmentBenchOptions, 'progress'> = {
  sizes: [100, 1_000, 10_000],
  window: 500,
  oneDocumentWindow: 50,
  listRuns: 5,
  warmUp: 4_000,
  warmUpWindow: 2_000,
};

export interface SqliteFiles {
  readonly databaseBytes: number;
  readonly walBytes: number;
}

/** V8 garbage collection pauses (every kind) while a window ran, to tell GC from the store in the tail. */
export interface GcPauses {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

/** The slowest 1 % of the use-case window (samples at or above its p99), and how many of them a GC pause overlapped. */
export interface TailCause {
  readonly samples: number;
  readonly overlappingGc: number;
}

export interface WindowResult {
  readonly stored: number;
  /** `submitEnrolment` into the SQLite store, one key per participant. */
  readonly useCase: Summary;
  /** Peer: `store.set(key, record)` of the same records, already validated (the store's floor). */
  readonly rawSet: Summary;
  /** Peer: `submitEnrolment` into one record holding the whole community. */
  readonly oneDocument: Summary;
  /** Pauses during the use-case and raw set window (both peers, interleaved). */
  readonly gc: GcPauses;
  readonly useCaseTail: TailCause;
  /** The store's files once the window is erased again. */
  readonly sqlite: SqliteFiles;
}

export interface ListingResult {
  readonly stored: number;
  /** `EnrolmentRepository.listByCommunity`: scan, validate every record, sort. */
  readonly listByCommunityMs: number;
  /** The admin use case `listEnrolled`: the listing plus counts and the CSV. */
  readonly listEnrolledMs: number;
  /** Peer: `store.scan(prefix)` alone, records deserialized but not validated nor sorted. */
  readonly rawScanMs: number;
}

export interface FillResult {
  readonly participants: number;
  /** Wall time of every fill enrolment (windows excluded), raw values and contexts included. */
  readonly totalMs: number;
  readonly meanMs: number;
}

export interface EnrolmentBenchResult {
  readonly fill: FillResult;
  readonly windows: readonly WindowResult[];
  readonly listings: readonly ListingResult[];
  readonly durationMs: number;
}

const NO_ROLES: ReadonlySet<AccessRole> = new Set();
const COORDINATOR: ReadonlySet<AccessRole> = new Set(['coordinator']);

/** The enrolment use case sends nothing: these only make the context complete. */
const SILENT_CHAT: ChatPlatform = {
  platform: 'terminal',
  sendDirectMessage: async () => ({ ok: true }),
  openPrivateSpace: async () => ({ ok: false, reason: 'unreachable' }),
  postInSpace: async () => ({ ok: true }),
  removeFromSpace: async () => ({ ok: true }),
  archiveSpace: async () => ({ ok: true }),
};
const SILENT_RESPONDER: Responder = { followUp: async () => undefined };

const participantOf = (index: number): ParticipantId => participantIdOf(COMMUNITY, userIdOf(index));
/** The key the repository gives a participant; checked against the store before it is used. */
const recordKeyOf = (participant: ParticipantId): string =>
  keyOf('enrolment', participant.platform, participant.communityId, participant.userId);
const communityPrefix = `${keyOf('enrolment', COMMUNITY.platform, COMMUNITY.id)}.`;

const sinceMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** The bot's ports, with the enrolments measured in place of the default ones (the rest is never used here). */
function portsOver(enrolments: EnrolmentRepository): CorePorts {
  return { ...createCorePorts(openMemoryStore(), SILENT_CHAT, fixedClock(CLOCK_AT)), enrolments, personalData: [] };
}

function contextFor(
  programme: Programme,
  ports: CorePorts,
  participant: ParticipantId,
  displayName: string,
  roles = NO_ROLES,
): UseCaseContext {
  return {
    actor: { id: participant, displayName, roles },
    community: COMMUNITY,
    programme,
    locale: 'fr',
    ports,
    responder: SILENT_RESPONDER,
  };
}

function describeRefusal(reply: Reply): string {
  return reply.kind === 'form-rejected' ? JSON.stringify({ errors: reply.errors, messages: reply.messages }) : reply.kind;
}

interface Sample {
  readonly ms: number;
  /** `performance.now()` when it started, to match it with GC pauses. */
  readonly startedAt: number;
}

/** Enrols participant `index` through the real use case and times `submitEnrolment` alone. A refusal aborts the bench. */
type Enrol = (index: number) => Promise<Sample>;

function enroller(programme: Programme, ports: CorePorts): Enrol {
  return async (index) => {
    const participant = participantOf(index);
    const raw = rawEnrolment(programme, index);
    const ctx = contextFor(programme, ports, participant, typeof raw.name === 'string' ? raw.name : participant.userId);
    const startedAt = performance.now();
    const start = process.hrtime.bigint();
    const reply = await submitEnrolment(ctx, raw);
    const ms = sinceMs(start);
    if (reply.kind !== 'messages') {
      throw new Error(`the enrolment of ${participant.userId} was refused: ${describeRefusal(reply)}\nraw values: ${JSON.stringify(raw)}`);
    }
    return { ms, startedAt };
  };
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

const overlaps = (a: Interval, b: Interval): boolean => a.end > b.start && a.start < b.end;

/** Collects GC pauses as V8 reports them; entries arrive asynchronously, hence the wait before reading. */
function watchGc(): { pausesSince(start: number): Promise<Interval[]>; stop(): void } {
  let pauses: Interval[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async pausesSince(start) {
      const end = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      const during = pauses.filter((pause) => overlaps(pause, { start, end }));
      pauses = pauses.filter((pause) => pause.end > end);
      return during;
    },
    stop: () => observer.disconnect(),
  };
}

function gcPauses(pauses: readonly Interval[]): GcPauses {
  const durations = pauses.map((pause) => pause.end - pause.start);
  return { count: durations.length, totalMs: durations.reduce((total, ms) => total + ms, 0), maxMs: Math.max(0, ...durations) };
}

function tailCause(samples: readonly Sample[], pauses: readonly Interval[]): TailCause {
  const p99 = percentile(
    samples.map((sample) => sample.ms),
    99,
  );
  const tail = samples.filter((sample) => sample.ms >= p99);
  const hit = tail.filter((sample) =>
    pauses.some((pause) => overlaps(pause, { start: sample.startedAt, end: sample.startedAt + sample.ms })),
  );
  return { samples: tail.length, overlappingGc: hit.length };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

/** One SQLite store with its repository, and the one-document peer in a file of its own (its big writes stay out of ours). */
interface Bench {
  readonly programme: Programme;
  readonly path: string;
  readonly store: KeyValueStore;
  readonly repository: ReturnType<typeof createEnrolmentRepository>;
  readonly enrol: Enrol;
  readonly documentStore: KeyValueStore;
  readonly enrolIntoDocument: Enrol;
  readonly gc: ReturnType<typeof watchGc>;
  stored: number;
  fillMs: number;
  fillCount: number;
}

async function openBench(programme: Programme, dir: string, name: string): Promise<Bench> {
  const path = join(dir, `${name}.sqlite`);
  const store = await createStore(`sqlite://${path}`);
  const documentStore = await createStore(`sqlite://${join(dir, `${name}-one-document.sqlite`)}`);
  const repository = createEnrolmentRepository(store);
  return {
    programme,
    path,
    store,
    repository,
    enrol: enroller(programme, { ...portsOver(repository), personalData: [repository] }),
    documentStore,
    enrolIntoDocument: enroller(programme, portsOver(createOneDocumentRepository(documentStore, COMMUNITY))),
    gc: watchGc(),
    stored: 0,
    fillMs: 0,
    fillCount: 0,
  };
}

async function closeBench(bench: Bench): Promise<void> {
  bench.gc.stop();
  await bench.store.close();
  await bench.documentStore.close();
}

/** Enrols participants stored … target-1, timing only the whole. */
async function fillTo(bench: Bench, target: number, progress: (line: string) => void): Promise<void> {
  const start = process.hrtime.bigint();
  const step = Math.max(1_000, Math.ceil(target / 10));
  while (bench.stored < target) {
    await bench.enrol(bench.stored);
    bench.stored += 1;
    bench.fillCount += 1;
    if (bench.stored % step === 0 && bench.stored < target) {
      progress(`  filled ${bench.stored.toLocaleString('en-US')}`);
    }
  }
  bench.fillMs += sinceMs(start);
}

async function mustRemove(bench: Bench, participant: ParticipantId): Promise<void> {
  if (!(await bench.repository.remove(participant))) {
    throw new Error(`could not erase ${participant.userId}: it was not stored`);
  }
}

/**
 * Times `size` new enrolments through the use case, each followed (untimed) by reading the
 * validated record back, erasing it and timing the raw `store.set` of the same record under the
 * same key: both peers insert a new key into the same table at the same size. Everything the
 * window added is then erased, so `stored` is what it was.
 */
async function measureWindow(
  bench: Bench,
  size: number,
): Promise<{ useCase: number[]; rawSet: number[]; gc: GcPauses; useCaseTail: TailCause }> {
  const started = performance.now();
  const useCase: Sample[] = [];
  const rawSet: number[] = [];
  for (let offset = 0; offset < size; offset += 1) {
    const participant = participantOf(bench.stored + offset);
    useCase.push(await bench.enrol(bench.stored + offset));
    const record = await bench.repository.find(participant);
    const key = recordKeyOf(participant);
    if (record === undefined || (await bench.store.get(key)) === undefined) {
      throw new Error(`${participant.userId} is not stored under ${key} after enrolling: the bench and the repository disagree on keys`);
    }
    await mustRemove(bench, participant);
    const { ms } = await timed(() => bench.store.set(key, record));
    rawSet.push(ms);
  }
  const pauses = await bench.gc.pausesSince(started);
  for (let offset = 0; offset < size; offset += 1) {
    await mustRemove(bench, participantOf(bench.stored + offset));
  }
  return { useCase: useCase.map((sample) => sample.ms), rawSet, gc: gcPauses(pauses), useCaseTail: tailCause(useCase, pauses) };
}

async function countByScan(store: KeyValueStore): Promise<number> {
  let count = 0;
  for await (const _entry of store.scan(communityPrefix)) {
    count += 1;
  }
  return count;
}

/** Median of `runs` timings of each listing; also checks that exactly `stored` participants are listed. */
async function measureListing(bench: Bench, runs: number): Promise<{ listing: ListingResult; records: Enrolment[] }> {
  const list: number[] = [];
  const admin: number[] = [];
  const scan: number[] = [];
  let records: Enrolment[] = [];
  const ctx = contextFor(bench.programme, portsOver(bench.repository), participantIdOf(COMMUNITY, 'coord'), 'coord', COORDINATOR);
  for (let run = 0; run < runs; run += 1) {
    const listed = await timed(() => bench.repository.listByCommunity(COMMUNITY));
    list.push(listed.ms);
    records = listed.result;
    const reply = await timed(() => listEnrolled(ctx));
    admin.push(reply.ms);
    if (reply.result.kind !== 'messages' || reply.result.messages[0]?.attachments?.length !== 1) {
      throw new Error(`listEnrolled did not answer with the CSV: ${describeRefusal(reply.result)}`);
    }
    const scanned = await timed(() => countByScan(bench.store));
    scan.push(scanned.ms);
    if (records.length !== bench.stored || scanned.result !== bench.stored) {
      throw new Error(`expected ${bench.stored} enrolments, listed ${records.length} and scanned ${scanned.result}`);
    }
  }
  return {
    listing: { stored: bench.stored, listByCommunityMs: median(list), listEnrolledMs: median(admin), rawScanMs: median(scan) },
    records,
  };
}

/** Writes the community document with these records at once, then times new enrolments into it. */
async function measureOneDocument(bench: Bench, records: readonly Enrolment[], size: number): Promise<number[]> {
  const document = Object.fromEntries(records.map((record) => [record.participant.userId, record]));
  await bench.documentStore.set(oneDocumentKey(COMMUNITY), document);
  const samples: number[] = [];
  for (let offset = 0; offset < size; offset += 1) {
    samples.push((await bench.enrolIntoDocument(bench.stored + offset)).ms);
  }
  const stored = await bench.documentStore.get(oneDocumentKey(COMMUNITY));
  const count = typeof stored === 'object' && stored !== null ? Object.keys(stored).length : 0;
  if (count !== records.length + size) {
    throw new Error(`the one-document peer holds ${count} enrolments, expected ${records.length + size}`);
  }
  return samples;
}

async function measureAt(
  bench: Bench,
  options: Pick<EnrolmentBenchOptions, 'window' | 'oneDocumentWindow' | 'listRuns'>,
): Promise<{ window: WindowResult; listing: ListingResult }> {
  const { useCase, rawSet, gc, useCaseTail } = await measureWindow(bench, options.window);
  const { listing, records } = await measureListing(bench, options.listRuns);
  const oneDocument = await measureOneDocument(bench, records, options.oneDocumentWindow);
  const sqlite = { databaseBytes: await fileSize(bench.path), walBytes: await fileSize(`${bench.path}-wal`) };
  return {
    window: {
      stored: bench.stored,
      useCase: summarize(useCase),
      rawSet: summarize(rawSet),
      oneDocument: summarize(oneDocument),
      gc,
      useCaseTail,
      sqlite,
    },
    listing,
  };
}

export async function runEnrolmentBench(options: EnrolmentBenchOptions): Promise<EnrolmentBenchResult> {
  const started = process.hrtime.bigint();
  const { progress } = options;
  const programme = defaultProgramme();
  const dir = await mkdtemp(join(tmpdir(), 'mentorat-bench-'));
  try {
    progress(`warming up: ${options.warmUp.toLocaleString('en-US')} participants into a throw-away store (${dir})`);
    const warm = await openBench(programme, dir, 'warm-up');
    try {
      await fillTo(warm, options.warmUp, progress);
      await measureAt(warm, { window: options.warmUpWindow, oneDocumentWindow: 5, listRuns: 1 });
    } finally {
      await closeBench(warm);
    }

    const bench = await openBench(programme, dir, 'enrolments');
    const windows: WindowResult[] = [];
    const listings: ListingResult[] = [];
    try {
      for (const size of options.sizes) {
        progress(`filling to ${size.toLocaleString('en-US')} participants`);
        await fillTo(bench, size, progress);
        progress(`measuring at ${size.toLocaleString('en-US')}: ${options.window} enrolments, listings, one-document peer`);
        const { window, listing } = await measureAt(bench, options);
        windows.push(window);
        listings.push(listing);
        progress(
          `  use case p99 ${window.useCase.p99Ms.toFixed(2)} ms, raw set p99 ${window.rawSet.p99Ms.toFixed(2)} ms, ` +
            `one-document p99 ${window.oneDocument.p99Ms.toFixed(1)} ms, list ${listing.listByCommunityMs.toFixed(0)} ms`,
        );
      }
    } finally {
      await closeBench(bench);
    }
    return {
      fill: { participants: bench.fillCount, totalMs: bench.fillMs, meanMs: bench.fillMs / bench.fillCount },
      windows,
      listings,
      durationMs: sinceMs(started),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
