import { fileURLToPath } from 'node:url';
import { solveScoredRows } from '../../src/core/matching/assignment';
import { DEFAULT_MATCHING_RULES, type MatchingInput, type MenteeCandidate, type MentorCandidate } from '../../src/core/matching/candidates';
import { preparePairings } from '../../src/core/matching/prepare-pairings';
import { buildProposal } from '../../src/core/matching/proposal';
import { answerAsChild, resetResidentPeak, residentPeak, runInChild } from './bench-child';
import { seededRandom } from './participants';
import { previousProposePairings } from './previous-preparation';

export interface PipelineMeasurement {
  readonly prepareMs: number;
  /** null for the previous path, where preparation and solve are one call. */
  readonly solveMs: number | null;
  readonly proposalMs: number | null;
  readonly totalMs: number;
  /** CPU time (user + system) of the same, which a loaded machine inflates less than wall time. */
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly baselineMb: number;
  readonly memoryMethod: string;
  readonly pairs: number;
  readonly candidates: number | null;
  readonly matched: number;
  readonly total: number;
}

export interface PipelineCase {
  readonly size: number;
  /** Places offered per mentoré. */
  readonly places: number;
}

export interface PipelineResult {
  readonly size: number;
  readonly places: number;
  readonly mentors: number;
  readonly ours: PipelineMeasurement;
  readonly previous: PipelineMeasurement | null;
  /** previous total time / ours; null where the previous path was not run. */
  readonly ratio: number | null;
  readonly targetMet: boolean | null;
}

export interface PipelineOptions {
  readonly cases: readonly PipelineCase[];
  /** Sizes (with places = 1) where the previous preparation runs too. */
  readonly previousSizes: readonly number[];
  readonly progress?: (line: string) => void;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  cases: [
    { size: 2_000, places: 1 },
    { size: 5_000, places: 1 },
    { size: 20_000, places: 1 },
    { size: 20_000, places: 1.2 },
  ],
  previousSizes: [2_000],
};
const TARGET = { size: 20_000, ms: 10_000, mb: 1024 } as const;
const CHILD_FLAG = '--matching-pipeline-child';
const MB = 1024 * 1024;

const FIELDS = Array.from({ length: 23 }, (_, index) => `field-${index}`);
const TOPICS = Array.from({ length: 15 }, (_, index) => `topic-${index}`);
const REGIONS = Array.from({ length: 15 }, (_, index) => `region-${index}`);
const AFFILIATIONS = Array.from({ length: 150 }, (_, index) => `Laboratoire ${index} de Recherche`);

function some(random: () => number, items: readonly string[], min: number, max: number): string[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(items[Math.floor(random() * items.length)] as string);
  return [...chosen];
}

function languages(random: () => number): string[] {
  const spoken: string[] = [];
  if (random() < 0.85) spoken.push('fr');
  if (random() < 0.6) spoken.push('en');
  if (random() < 0.05) spoken.push(random() < 0.5 ? 'es' : 'de');
  return spoken.length > 0 ? spoken : ['en'];
}

function affiliation(random: () => number): string {
  const name = AFFILIATIONS[Math.floor(random() * AFFILIATIONS.length)] as string;
  const roll = random();
  return roll < 0.1 ? name.toUpperCase() : roll < 0.2 ? ` ${name.replace(/ /g, '  ')} ` : roll < 0.25 ? '' : name;
}

const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

export function buildPopulation(size: number, placesPerMentee = 1): MatchingInput {
  const random = seededRandom(size * 7_919 + Math.round(placesPerMentee * 10));
  const mentors: MentorCandidate[] = [];
  const wanted = Math.round(size * placesPerMentee);
  for (let places = 0; places < wanted; ) {
    const capacity = Math.min(1 + Math.floor(random() * 3), wanted - places);
    places += capacity;
    mentors.push({
      id: `mentor-${String(mentors.length).padStart(6, '0')}`,
      capacity,
      languages: languages(random),
      fields: some(random, FIELDS, 1, 4),
      sector: pick(random, ['academic', 'private', 'both'] as const),
      affiliation: affiliation(random),
      format: pick(random, ['remote', 'in-person', 'both'] as const),
      region: pick(random, REGIONS),
      offers: some(random, TOPICS, 0, 4),
    });
  }
  const mentees: MenteeCandidate[] = Array.from({ length: size }, (_, index) => ({
    id: `mentee-${String(index).padStart(6, '0')}`,
    languages: languages(random),
    fields: some(random, FIELDS, 1, 4),
    wishedSector: pick(random, ['academic', 'private', 'any'] as const),
    affiliation: affiliation(random),
    format: pick(random, ['remote', 'in-person', 'both'] as const),
    region: pick(random, REGIONS),
    expectations: some(random, TOPICS, 0, 3),
    excluded: random() < 0.1 ? [pick(random, mentors).id] : [],
  }));
  return { mentors, mentees, pins: [], forbids: [] };
}

// ---------------------------------------------------------------------------------------------
// One size, in a child process

interface Job extends PipelineCase {
  readonly path: 'ours' | 'previous';
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function measure(job: Job): PipelineMeasurement {
  const input = buildPopulation(job.size, job.places);
  const rules = DEFAULT_MATCHING_RULES;
  collectGarbage();
  const baseline = process.memoryUsage.rss();
  const exact = resetResidentPeak() && residentPeak() !== null;
  const memoryMethod = exact ? 'process peak RSS (VmHWM), population and Node included' : 'RSS after the run (no peak available)';
  const pairs = input.mentees.length * input.mentors.length;
  const cpu = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  const start = performance.now();
  if (job.path === 'previous') {
    const proposal = previousProposePairings(input, rules);
    const totalMs = performance.now() - start;
    const peak = exact ? (residentPeak() ?? 0) : process.memoryUsage.rss();
    return {
      prepareMs: totalMs,
      solveMs: null,
      proposalMs: null,
      totalMs,
      cpuMs: cpuMs(),
      peakMb: peak / MB,
      baselineMb: baseline / MB,
      memoryMethod,
      pairs,
      candidates: null,
      matched: proposal.matched,
      total: proposal.total,
    };
  }
  const prepared = preparePairings(input, rules);
  const prepareEnd = performance.now();
  const solved = solveScoredRows(prepared.problem);
  const solveEnd = performance.now();
  const proposal = buildProposal(prepared, solved, rules);
  const end = performance.now();
  const cpuTotal = cpuMs();
  const peak = exact ? (residentPeak() ?? 0) : process.memoryUsage.rss();
  return {
    prepareMs: prepareEnd - start,
    solveMs: solveEnd - prepareEnd,
    proposalMs: end - solveEnd,
    totalMs: end - start,
    cpuMs: cpuTotal,
    peakMb: peak / MB,
    baselineMb: baseline / MB,
    memoryMethod,
    pairs,
    candidates: prepared.problem.column.length,
    matched: proposal.matched,
    total: proposal.total,
  };
}

function measureInChild(job: Job): Promise<PipelineMeasurement> {
  return runInChild(import.meta.url, CHILD_FLAG, job);
}

answerAsChild(CHILD_FLAG, measure);

// ---------------------------------------------------------------------------------------------
// The benchmark

export async function runPipelineBenchmark(options: PipelineOptions): Promise<PipelineResult[]> {
  const progress = options.progress ?? (() => {});
  const results: PipelineResult[] = [];
  for (const { size, places } of options.cases) {
    const ours = await measureInChild({ size, places, path: 'ours' });
    progress(
      `${size} mentorés, ${places} place(s) each: ${Math.round(ours.totalMs)} ms (${Math.round(ours.cpuMs)} ms CPU), peak ${Math.round(ours.peakMb)} MB`,
    );
    let previous: PipelineMeasurement | null = null;
    if (places === 1 && options.previousSizes.includes(size)) {
      previous = await measureInChild({ size, places, path: 'previous' });
      progress(`${size} mentorés, previous preparation: ${Math.round(previous.totalMs)} ms, peak ${Math.round(previous.peakMb)} MB`);
      if (previous.matched !== ours.matched || previous.total !== ours.total) {
        throw new Error(
          `at ${size}: the previous preparation pairs ${previous.matched} for ${previous.total}, ours ${ours.matched} for ${ours.total}`,
        );
      }
    }
    const mentors = buildPopulation(size, places).mentors.length;
    results.push({
      size,
      places,
      mentors,
      ours,
      previous,
      ratio: previous ? previous.totalMs / ours.totalMs : null,
      targetMet: size === TARGET.size ? ours.totalMs < TARGET.ms && ours.peakMb < TARGET.mb : null,
    });
  }
  return results;
}

const cell = (value: number | null, unit = '') => (value === null ? '—' : `${Math.round(value).toLocaleString('en')}${unit}`);

export function formatPipelineTable(results: readonly PipelineResult[]): string {
  const lines = [
    'mentorés  places  mentors  candidate pairs   prepare     solve  proposal     total       cpu  peak RSS  | previous: total       cpu  peak RSS  ratio  | matched  total score',
  ];
  for (const { size, places, mentors, ours, previous, ratio, targetMet } of results) {
    lines.push(
      [
        cell(size).padStart(8),
        `${places}n`.padStart(7),
        cell(mentors).padStart(8),
        cell(ours.candidates).padStart(16),
        cell(ours.prepareMs, ' ms').padStart(9),
        cell(ours.solveMs, ' ms').padStart(9),
        cell(ours.proposalMs, ' ms').padStart(9),
        cell(ours.totalMs, ' ms').padStart(9),
        cell(ours.cpuMs, ' ms').padStart(9),
        cell(ours.peakMb, ' MB').padStart(9),
        ' |',
        cell(previous?.totalMs ?? null, ' ms').padStart(16),
        cell(previous?.cpuMs ?? null, ' ms').padStart(9),
        cell(previous?.peakMb ?? null, ' MB').padStart(9),
        (ratio === null ? '—' : `${ratio.toFixed(1)}×`).padStart(6),
        ' |',
        cell(ours.matched).padStart(8),
        cell(ours.total).padStart(12),
        targetMet === null ? '' : targetMet ? '  ✓ target' : `  ✗ target (< ${TARGET.ms / 1000} s, < 1 GB)`,
      ].join(' '),
    );
  }
  const method = results[0]?.ours.memoryMethod;
  return `${lines.join('\n')}\n${method ? `(memory: ${method})\n` : ''}`;
}

if (!process.argv.includes(CHILD_FLAG) && process.argv[1] === fileURLToPath(import.meta.url)) {
  runPipelineBenchmark({ ...DEFAULT_PIPELINE_OPTIONS, progress: (line) => process.stderr.write(`[matching-pipeline] ${line}\n`) })
    .then((results) => {
      process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(results, null, 2)}\n` : formatPipelineTable(results));
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
