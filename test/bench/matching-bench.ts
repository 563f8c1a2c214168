import { fileURLToPath } from 'node:url';
import { munkres } from 'munkres';
import { solveAssignment } from '../../src/core/matching/assignment';
import { DEFAULT_MATCHING_RULES } from '../../src/core/matching/candidates';
import { answerAsChild, resetResidentPeak, residentPeak, runInChild } from './bench-child';
import { median } from './stats';

export type ScoreVariant = 'random' | 'shared-fields';

export interface Quality {
  readonly matched: number;
  readonly total: number;
}

export interface MatchingBenchResult {
  readonly size: number;
  readonly variant: ScoreVariant;
  readonly slots: number;
  readonly mentors: number;
  /** Median of the runs after the first. */
  readonly oursMs: number;
  /** null when munkres was skipped (predicted over a minute). */
  readonly munkresMs: number | null;
  /** The first run, in a fresh process. */
  readonly oursFirstMs: number;
  readonly munkresFirstMs: number | null;
  /** munkresMs / oursMs. */
  readonly ratio: number | null;
  readonly munkresMatrixMs: number | null;
  readonly oursPeakMb: number;
  readonly munkresPeakMb: number | null;
  readonly memoryMethod: string;
  readonly quality: { readonly optimal: Quality; readonly greedy: Quality; readonly random: Quality };
}

export interface MatchingBenchOptions {
  readonly sizes: readonly number[];
  readonly repeats: number;
  /** Progress lines (to stderr when run alone). */
  readonly progress?: (line: string) => void;
}

export const DEFAULT_MATCHING_OPTIONS: MatchingBenchOptions = { sizes: [500, 1_000, 2_000, 5_000], repeats: 3 };
export const QUICK_MATCHING_OPTIONS: MatchingBenchOptions = { sizes: [200, 500], repeats: 1 };

const SLOT_FACTORS = [1, 1.2] as const;
const VARIANTS: readonly ScoreVariant[] = ['random', 'shared-fields'];
const MUNKRES_BUDGET_MS = 60_000;
const CHILD_FLAG = '--matching-bench-child';

// ---------------------------------------------------------------------------------------------
// Instances

export interface Instance {
  readonly rows: number;
  readonly columns: number;
  readonly capacities: Int32Array;
  readonly scores: Int32Array;
  readonly allowed: Uint8Array;
}

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random: () => number, count: number, of: number): number[] => {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * of));
  return [...chosen];
};

interface Person {
  readonly fields: Uint8Array;
  readonly topics: Uint8Array;
  readonly sector: number;
  readonly region: number;
  readonly format: number;
}

/** 23 fields, 8 topics, 13 regions; sector 0 academic, 1 private, 2 both/any; format 0 remote, 1 in person, 2 both. */
function person(random: () => number): Person {
  const fields = new Uint8Array(23);
  for (const field of pick(random, 1 + Math.floor(random() * 4), 23)) fields[field] = 1;
  const topics = new Uint8Array(8);
  for (const topic of pick(random, Math.floor(random() * 4), 8)) topics[topic] = 1;
  return {
    fields,
    topics,
    sector: Math.floor(random() * 3),
    region: Math.floor(random() * 13),
    format: Math.floor(random() * 3),
  };
}

/** The programme's default score (compatibility.ts), on the generated attributes. */
function sharedFieldsScore(mentee: Person, mentor: Person): number {
  const { weights } = DEFAULT_MATCHING_RULES;
  let fields = 0;
  for (let field = 0; field < 23; field++) fields += (mentee.fields[field] ?? 0) & (mentor.fields[field] ?? 0);
  let topics = 0;
  for (let topic = 0; topic < 8; topic++) topics += (mentee.topics[topic] ?? 0) & (mentor.topics[topic] ?? 0);
  const sector = mentee.sector === 2 || mentor.sector === 2 || mentee.sector === mentor.sector;
  const inPerson = mentee.format !== 0 && mentor.format !== 0 && mentee.region === mentor.region;
  const format = mentee.format === 2 || mentor.format === 2 || mentee.format === mentor.format;
  return (
    fields * weights.sharedField +
    (sector ? weights.wishedSector : 0) +
    topics * weights.offeredTopic +
    (inPerson ? weights.sameRegionInPerson : 0) +
    (format ? weights.compatibleFormat : 0)
  );
}

function seedOf(size: number, variant: ScoreVariant, factor: number): number {
  return (size * 1_000_003 + (variant === 'random' ? 17 : 29) + Math.round(factor * 10) * 7919) >>> 0;
}

export function buildInstance(size: number, variant: ScoreVariant, factor: number): Instance {
  const random = prng(seedOf(size, variant, factor));
  const slots = Math.round(size * factor);
  const capacities: number[] = [];
  for (let taken = 0; taken < slots; ) {
    const capacity = Math.min(1 + Math.floor(random() * 3), slots - taken);
    capacities.push(capacity);
    taken += capacity;
  }
  const columns = capacities.length;
  const mentees = Array.from({ length: size }, () => person(random));
  const mentors = Array.from({ length: columns }, () => person(random));
  const scores = new Int32Array(size * columns);
  const allowed = new Uint8Array(size * columns);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      allowed[index] = random() < 1 / 3 ? 0 : 1;
      scores[index] =
        variant === 'random' ? Math.floor(random() * 31) : sharedFieldsScore(mentees[row] as Person, mentors[column] as Person);
    }
  }
  return { rows: size, columns, capacities: Int32Array.from(capacities), scores, allowed };
}

// ---------------------------------------------------------------------------------------------
// Baselines, for quality context

/** Highest score first (ties: lower mentoré, then lower mentor), each pair taken if both still can. */
export function greedyBestFirst(instance: Instance): Quality {
  const { rows, columns, scores, allowed } = instance;
  let maxScore = 0;
  for (let index = 0; index < scores.length; index++) if (allowed[index] === 1) maxScore = Math.max(maxScore, scores[index] ?? 0);
  const start = new Int32Array(maxScore + 2);
  for (let index = 0; index < scores.length; index++) {
    if (allowed[index] !== 1) continue;
    const bucket = maxScore - (scores[index] ?? 0) + 1;
    start[bucket] = (start[bucket] ?? 0) + 1;
  }
  for (let bucket = 1; bucket < start.length; bucket++) start[bucket] = (start[bucket] ?? 0) + (start[bucket - 1] ?? 0);
  const order = new Int32Array(start[start.length - 1] ?? 0);
  for (let index = 0; index < scores.length; index++) {
    if (allowed[index] !== 1) continue;
    const bucket = maxScore - (scores[index] ?? 0);
    order[start[bucket] ?? 0] = index;
    start[bucket] = (start[bucket] ?? 0) + 1;
  }
  const left = Int32Array.from(instance.capacities);
  const taken = new Uint8Array(rows);
  let matched = 0;
  let total = 0;
  for (const index of order) {
    const row = Math.floor(index / columns);
    const column = index % columns;
    if (taken[row] === 1 || (left[column] ?? 0) === 0) continue;
    taken[row] = 1;
    left[column] = (left[column] ?? 0) - 1;
    matched += 1;
    total += scores[index] ?? 0;
  }
  return { matched, total };
}

/** Donut-style: mentorés in a seeded random order, each paired with a random allowed mentor who still has room. */
export function randomPairing(instance: Instance, seed: number): Quality {
  const { rows, columns, scores, allowed } = instance;
  const random = prng(seed);
  const order = Array.from({ length: rows }, (_, row) => row);
  for (let at = rows - 1; at > 0; at--) {
    const other = Math.floor(random() * (at + 1));
    [order[at], order[other]] = [order[other] ?? 0, order[at] ?? 0];
  }
  const left = Int32Array.from(instance.capacities);
  const candidates = new Int32Array(columns);
  let matched = 0;
  let total = 0;
  for (const row of order) {
    let count = 0;
    for (let column = 0; column < columns; column++) {
      if (allowed[row * columns + column] === 1 && (left[column] ?? 0) > 0) candidates[count++] = column;
    }
    if (count === 0) continue;
    const column = candidates[Math.floor(random() * count)] ?? 0;
    left[column] = (left[column] ?? 0) - 1;
    matched += 1;
    total += scores[row * columns + column] ?? 0;
  }
  return { matched, total };
}

// ---------------------------------------------------------------------------------------------
// The peer: munkres on the slot-expanded matrix

interface MunkresInput {
  readonly matrix: number[][];
  readonly slotColumn: Int32Array;
}

/**
 * One column per mentor slot. Forbidden pairs cost more than any allowed one by more than every
 * score together, so munkres (which must fill min(rows, slots) pairs) uses one only when no
 * allowed pair is left: the pairs it returns on allowed cells are then a maximum matching of
 * maximum total, the same objective as ours.
 */
export function munkresInput(instance: Instance): MunkresInput {
  const { rows, columns, scores, allowed, capacities } = instance;
  const slotColumn: number[] = [];
  for (let column = 0; column < columns; column++) for (let slot = 0; slot < (capacities[column] ?? 0); slot++) slotColumn.push(column);
  let maxScore = 0;
  for (let index = 0; index < scores.length; index++) if (allowed[index] === 1) maxScore = Math.max(maxScore, scores[index] ?? 0);
  const forbidden = (maxScore + 1) * (Math.min(rows, slotColumn.length) + 1) + maxScore;
  const matrix: number[][] = [];
  for (let row = 0; row < rows; row++) {
    const line = new Array<number>(slotColumn.length);
    for (let slot = 0; slot < slotColumn.length; slot++) {
      const index = row * columns + (slotColumn[slot] ?? 0);
      line[slot] = allowed[index] === 1 ? maxScore - (scores[index] ?? 0) : forbidden;
    }
    matrix.push(line);
  }
  return { matrix, slotColumn: Int32Array.from(slotColumn) };
}

function munkresQuality(instance: Instance, input: MunkresInput, pairs: readonly (readonly [number, number])[]): Quality {
  let matched = 0;
  let total = 0;
  for (const [row, slot] of pairs) {
    const index = row * instance.columns + (input.slotColumn[slot] ?? 0);
    if (instance.allowed[index] !== 1) continue;
    matched += 1;
    total += instance.scores[index] ?? 0;
  }
  return { matched, total };
}

/** Ours must respect capacities and forbidden pairs, and report what it returned. */
function checkedQuality(instance: Instance, columnOf: Int32Array, reported: Quality): Quality {
  const left = Int32Array.from(instance.capacities);
  let matched = 0;
  let total = 0;
  columnOf.forEach((column, row) => {
    if (column < 0) return;
    const index = row * instance.columns + column;
    if (instance.allowed[index] !== 1) throw new Error(`solveAssignment returned a forbidden pair (${row}, ${column})`);
    left[column] = (left[column] ?? 0) - 1;
    if ((left[column] ?? 0) < 0) throw new Error(`solveAssignment overfilled column ${column}`);
    matched += 1;
    total += instance.scores[index] ?? 0;
  });
  if (matched !== reported.matched || total !== reported.total)
    throw new Error('solveAssignment reported another matched/total than it returned');
  return { matched, total };
}

// ---------------------------------------------------------------------------------------------
// One measurement, in a child process

type Solver = 'ours' | 'munkres';

interface Job {
  readonly size: number;
  readonly variant: ScoreVariant;
  readonly factor: number;
  readonly solver: Solver;
  readonly repeats: number;
}

interface Measurement {
  readonly firstMs: number;
  readonly runsMs: number[];
  readonly matrixMs: number | null;
  readonly peakMb: number;
  readonly memoryMethod: string;
  readonly quality: Quality;
}

const MB = 1024 * 1024;
const WARM_UP_RUNS = 20;
const WARM_UP_MS = 1_000;
const TIMED_MS = 250;
const MAX_TIMED_RUNS = 25;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function measure(job: Job): Measurement {
  const instance = buildInstance(job.size, job.variant, job.factor);
  collectGarbage();
  const before = process.memoryUsage.rss();
  const exact = resetResidentPeak() && residentPeak() !== null;
  let matrixMs: number | null = null;
  let quality: Quality = { matched: 0, total: 0 };
  const once = (): number => {
    if (job.solver === 'ours') {
      const start = performance.now();
      const solved = solveAssignment(instance);
      const elapsed = performance.now() - start;
      quality = checkedQuality(instance, solved.columnOf, solved);
      return elapsed;
    }
    const built = performance.now();
    const input = munkresInput(instance);
    const start = performance.now();
    const pairs = munkres(input.matrix);
    const elapsed = performance.now() - start;
    matrixMs = start - built;
    quality = munkresQuality(instance, input, pairs);
    return elapsed;
  };
  const firstMs = once();
  const peakMb = (exact ? (residentPeak() ?? 0) : process.memoryUsage.rss()) - before;
  // Warm-up, the same for both: until the JIT has seen a few runs or a second has passed.
  let warming = firstMs;
  for (let run = 1; run < WARM_UP_RUNS && warming < WARM_UP_MS; run++) warming += once();
  const runsMs: number[] = [];
  let timed = 0;
  // No forced collection between runs: a full GC just before a run makes V8 drop compiled code
  // and slowed a 4 ms solve to 5–34 ms; collections that happen on their own are part of the cost.
  while (runsMs.length < job.repeats || (timed < TIMED_MS && runsMs.length < MAX_TIMED_RUNS)) {
    runsMs.push(once());
    timed += runsMs.at(-1) ?? 0;
  }
  const memoryMethod = exact
    ? 'peak RSS (VmHWM, reset before the first run) minus RSS before it'
    : 'RSS after the first run minus RSS before it (no peak available)';
  return { firstMs, runsMs, matrixMs, peakMb: Math.max(0, peakMb) / MB, memoryMethod, quality };
}

function measureInChild(job: Job, timeoutMs: number): Promise<Measurement> {
  return runInChild(import.meta.url, CHILD_FLAG, job, {
    timeoutMs,
    timeoutMessage: `${job.solver} took more than ${Math.round(timeoutMs / 1000)} s at ${job.size}`,
  });
}

answerAsChild(CHILD_FLAG, measure);

// ---------------------------------------------------------------------------------------------
// The benchmark

const sameQuality = (a: Quality, b: Quality) => a.matched === b.matched && a.total === b.total;
const atLeast = (a: Quality, b: Quality) => a.matched > b.matched || (a.matched === b.matched && a.total >= b.total);

export async function runMatchingBenchmark(options: MatchingBenchOptions): Promise<MatchingBenchResult[]> {
  const progress = options.progress ?? (() => {});
  const results: MatchingBenchResult[] = [];
  // munkres time per (variant, factor) at the largest size measured so far, for the prediction.
  const lastMunkres = new Map<string, { size: number; ms: number }>();
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    for (const factor of SLOT_FACTORS) {
      for (const variant of VARIANTS) {
        const instance = buildInstance(size, variant, factor);
        const slots = instance.capacities.reduce((sum, capacity) => sum + capacity, 0);
        const greedy = greedyBestFirst(instance);
        const random = randomPairing(instance, seedOf(size, variant, factor) ^ 0x5eed);
        const ours = await measureInChild({ size, variant, factor, solver: 'ours', repeats: options.repeats }, 600_000);
        const optimal = ours.quality;
        if (!atLeast(optimal, greedy) || !atLeast(optimal, random)) {
          throw new Error(`at ${size} (${variant}, ${slots} slots) a baseline beat the optimum`);
        }
        const key = `${variant}/${factor}`;
        const previous = lastMunkres.get(key);
        const predictedMs = previous ? previous.ms * (size / previous.size) ** 3 : 4_500 * (size / 5_000) ** 3;
        let peer: Measurement | null = null;
        if (predictedMs <= MUNKRES_BUDGET_MS) {
          peer = await measureInChild({ size, variant, factor, solver: 'munkres', repeats: options.repeats }, 10 * MUNKRES_BUDGET_MS);
          if (!sameQuality(peer.quality, optimal)) {
            throw new Error(
              `at ${size} (${variant}, ${slots} slots) munkres found ${JSON.stringify(peer.quality)}, solveAssignment ${JSON.stringify(optimal)}`,
            );
          }
        }
        const oursMs = median(ours.runsMs);
        const munkresMs = peer ? median(peer.runsMs) : null;
        if (munkresMs !== null) lastMunkres.set(key, { size, ms: munkresMs });
        results.push({
          size,
          variant,
          slots,
          mentors: instance.columns,
          oursMs,
          munkresMs,
          oursFirstMs: ours.firstMs,
          munkresFirstMs: peer ? peer.firstMs : null,
          ratio: munkresMs === null ? null : munkresMs / oursMs,
          munkresMatrixMs: peer?.matrixMs ?? null,
          oursPeakMb: ours.peakMb,
          munkresPeakMb: peer ? peer.peakMb : null,
          memoryMethod: ours.memoryMethod,
          quality: { optimal, greedy, random },
        });
        progress(
          `${size} mentorés, ${slots} slots, ${variant}: ours ${oursMs.toFixed(1)} ms, munkres ${munkresMs === null ? 'skipped' : `${munkresMs.toFixed(1)} ms`}`,
        );
      }
    }
  }
  return results;
}

/** One line per instance, for people. */
export function formatMatchingTable(results: readonly MatchingBenchResult[]): string {
  const header = [
    'size',
    'slots',
    'scores',
    'ours ms',
    'munkres ms',
    'ratio',
    'first runs ms',
    'ours MB',
    'munkres MB',
    'optimal',
    'greedy',
    'random',
  ];
  const quality = (q: Quality) => `${q.matched}/${q.total}`;
  const lines = results.map((result) => [
    String(result.size),
    String(result.slots),
    result.variant,
    result.oursMs.toFixed(1),
    result.munkresMs === null ? 'skipped' : result.munkresMs.toFixed(1),
    result.ratio === null ? '–' : `${result.ratio.toFixed(1)}×`,
    `${result.oursFirstMs.toFixed(1)} / ${result.munkresFirstMs === null ? '–' : result.munkresFirstMs.toFixed(1)}`,
    result.oursPeakMb.toFixed(1),
    result.munkresPeakMb === null ? '–' : result.munkresPeakMb.toFixed(1),
    quality(result.quality.optimal),
    quality(result.quality.greedy),
    quality(result.quality.random),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const row = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  return `${[row(header), ...lines.map(row)].join('\n')}\n(memory: ${results[0]?.memoryMethod ?? 'n/a'}; quality: matched/total)\n`;
}

const runAlone = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && !process.argv.includes(CHILD_FLAG);
if (runAlone) {
  const options = process.argv.includes('--quick') ? QUICK_MATCHING_OPTIONS : DEFAULT_MATCHING_OPTIONS;
  runMatchingBenchmark({ ...options, progress: (line) => process.stderr.write(`[matching] ${line}\n`) })
    .then((results) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(results, null, 2)}\n` : formatMatchingTable(results));
    })
    .catch((error: unknown) => {
      process.stderr.write(`[matching] aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
