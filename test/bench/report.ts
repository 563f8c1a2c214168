import type {
  EnrolmentBenchOptions,
  EnrolmentBenchResult,
  GcPauses,
  ListingResult,
  SqliteFiles,
  TailCause,
  WindowResult,
} from './enrolment-bench';
import type { Summary } from './stats';

export const TARGETS = {
  /** p99 at the largest size over p99 at the smallest: the cost per enrolment does not grow. */
  maxP99Growth: 1.5,
  /** Listing every participant at the largest size. */
  maxListMs: 1_000,
} as const;

export interface Environment {
  readonly node: string;
  readonly cpu: string;
  readonly cpuCount: number;
  readonly platform: string;
  readonly date: string;
}

export interface EnrolmentAtSize {
  readonly stored: number;
  readonly useCase: Summary;
  readonly rawSet: Summary;
  readonly oneDocument: Summary;
  /** Use-case median / raw set median: what validation and the use case add to the store's floor. */
  readonly useCaseOverRawSetMedian: number;
  readonly useCaseOverRawSetP99: number;
  /** One-document p99 / use-case p99: what keeping the community in one record costs. */
  readonly oneDocumentOverUseCaseP99: number;
  readonly gc: GcPauses;
  readonly useCaseTail: TailCause;
  readonly sqlite: SqliteFiles;
}

export interface ListingAtSize extends ListingResult {
  readonly listByCommunityPerThousandMs: number;
  /** listByCommunity / raw scan: what validating and sorting add to reading the rows. */
  readonly listOverRawScan: number;
}

export interface BenchReport {
  readonly benchmark: 'enrolment';
  readonly environment: Environment;
  readonly parameters: Omit<EnrolmentBenchOptions, 'progress'> & { readonly store: string; readonly percentile: string };
  readonly fill: EnrolmentBenchResult['fill'];
  readonly enrolment: readonly EnrolmentAtSize[];
  readonly growth: {
    readonly from: number;
    readonly to: number;
    readonly useCaseP99Ratio: number;
    readonly useCaseMedianRatio: number;
    readonly rawSetP99Ratio: number;
    readonly oneDocumentP99Ratio: number;
    readonly targetMax: number;
    readonly met: boolean;
  };
  readonly listing: {
    readonly bySize: readonly ListingAtSize[];
    readonly stored: number;
    readonly listByCommunityMs: number;
    readonly listEnrolledMs: number;
    /** Per-record listing time at the largest size / at the one before: 1 when listing is linear. */
    readonly perRecordGrowth: number;
    readonly targetMs: number;
    readonly met: boolean;
    readonly listEnrolledMet: boolean;
  };
  readonly durationMs: number;
}

function last<T>(items: readonly T[]): T {
  const item = items.at(-1);
  if (item === undefined) {
    throw new RangeError('no sizes were measured');
  }
  return item;
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) {
    throw new RangeError('no sizes were measured');
  }
  return item;
}

function enrolmentAt(window: WindowResult): EnrolmentAtSize {
  return {
    ...window,
    useCaseOverRawSetMedian: window.useCase.medianMs / window.rawSet.medianMs,
    useCaseOverRawSetP99: window.useCase.p99Ms / window.rawSet.p99Ms,
    oneDocumentOverUseCaseP99: window.oneDocument.p99Ms / window.useCase.p99Ms,
  };
}

function listingAt(listing: ListingResult): ListingAtSize {
  return {
    ...listing,
    listByCommunityPerThousandMs: (listing.listByCommunityMs / listing.stored) * 1_000,
    listOverRawScan: listing.listByCommunityMs / listing.rawScanMs,
  };
}

export function buildReport(
  result: EnrolmentBenchResult,
  options: Omit<EnrolmentBenchOptions, 'progress'>,
  environment: Environment,
): BenchReport {
  const enrolment = result.windows.map(enrolmentAt);
  const bySize = result.listings.map(listingAt);
  const [smallest, largest] = [first(enrolment), last(enrolment)];
  const largestListing = last(bySize);
  const previousListing = bySize.at(-2) ?? largestListing;
  const useCaseP99Ratio = largest.useCase.p99Ms / smallest.useCase.p99Ms;
  return {
    benchmark: 'enrolment',
    environment,
    parameters: {
      store: 'SQLite file (WAL, synchronous=NORMAL), one key per participant',
      sizes: options.sizes,
      window: options.window,
      oneDocumentWindow: options.oneDocumentWindow,
      listRuns: options.listRuns,
      warmUp: options.warmUp,
      warmUpWindow: options.warmUpWindow,
      percentile: 'nearest rank',
    },
    fill: result.fill,
    enrolment,
    growth: {
      from: smallest.stored,
      to: largest.stored,
      useCaseP99Ratio,
      useCaseMedianRatio: largest.useCase.medianMs / smallest.useCase.medianMs,
      rawSetP99Ratio: largest.rawSet.p99Ms / smallest.rawSet.p99Ms,
      oneDocumentP99Ratio: largest.oneDocument.p99Ms / smallest.oneDocument.p99Ms,
      targetMax: TARGETS.maxP99Growth,
      met: useCaseP99Ratio <= TARGETS.maxP99Growth,
    },
    listing: {
      bySize,
      stored: largestListing.stored,
      listByCommunityMs: largestListing.listByCommunityMs,
      listEnrolledMs: largestListing.listEnrolledMs,
      perRecordGrowth: largestListing.listByCommunityPerThousandMs / previousListing.listByCommunityPerThousandMs,
      targetMs: TARGETS.maxListMs,
      met: largestListing.listByCommunityMs < TARGETS.maxListMs,
      listEnrolledMet: largestListing.listEnrolledMs < TARGETS.maxListMs,
    },
    durationMs: result.durationMs,
  };
}

const count = (n: number): string => n.toLocaleString('en-US');
const ratio = (r: number): string => `${r.toFixed(r < 10 ? 2 : r < 100 ? 1 : 0)}×`;
const mark = (met: boolean): string => (met ? '✓' : '✗ MISSED');

function ms(value: number): string {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

const mebibytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MiB`;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatHuman(report: BenchReport): string {
  const { environment: env, parameters: params, growth, listing } = report;
  const out: string[] = [
    'Mentorat bot — enrolment benchmark',
    `Node ${env.node} · ${env.cpu} (${env.cpuCount} CPUs) · ${env.platform} · ${env.date}`,
    `store: ${params.store}; percentiles by ${params.percentile}`,
    '',
    `enrolment through the use case (SQLite, WAL): ${params.window} new participants timed one by one at each size`,
    ...table(
      [
        'stored',
        'median',
        'p99',
        'mean',
        'raw set median',
        'raw set p99',
        'ours/raw (med, p99)',
        'one-doc median',
        'one-doc p99',
        'one-doc/ours',
      ],
      report.enrolment.map((at) => [
        count(at.stored),
        ms(at.useCase.medianMs),
        ms(at.useCase.p99Ms),
        ms(at.useCase.meanMs),
        ms(at.rawSet.medianMs),
        ms(at.rawSet.p99Ms),
        `${ratio(at.useCaseOverRawSetMedian)}, ${ratio(at.useCaseOverRawSetP99)}`,
        ms(at.oneDocument.medianMs),
        ms(at.oneDocument.p99Ms),
        ratio(at.oneDocumentOverUseCaseP99),
      ]),
    ),
    `  raw set: store.set of the same validated records under the same keys (the store's floor), interleaved with ours;`,
    `  one-doc: the whole community in ONE record read and written back on each enrolment (${params.oneDocumentWindow} timed, p99 = max);`,
    `  one-doc/ours compares the p99s.`,
    `  V8 GC pauses during each window (both peers): ${report.enrolment.map((at) => `${count(at.stored)}: ${at.gc.count}, max ${ms(at.gc.maxMs)}`).join('; ')}`,
    `  slowest 1 % of ours overlapping a GC pause: ${report.enrolment.map((at) => `${count(at.stored)}: ${at.useCaseTail.overlappingGc} of ${at.useCaseTail.samples}`).join('; ')}`,
    `  SQLite files after each size: ${report.enrolment.map((at) => `${count(at.stored)}: ${mebibytes(at.sqlite.databaseBytes)} + WAL ${mebibytes(at.sqlite.walBytes)}`).join(', ')}`,
    '',
    `p99 at ${count(growth.to)} / p99 at ${count(growth.from)} = ${growth.useCaseP99Ratio.toFixed(2)} (target ≤ ${growth.targetMax}) ${mark(growth.met)}`,
    `  same ratio for the median ${growth.useCaseMedianRatio.toFixed(2)}, the raw set peer ${growth.rawSetP99Ratio.toFixed(2)}, the one-document peer ${growth.oneDocumentP99Ratio.toFixed(1)}`,
    `fill: ${count(report.fill.participants)} enrolments one by one in ${ms(report.fill.totalMs)} (${ms(report.fill.meanMs)} each)`,
    '',
    `listing (median of ${params.listRuns} runs)`,
    ...table(
      ['stored', 'listByCommunity', 'per 1,000', 'listEnrolled (+CSV)', 'raw scan', 'list/raw scan'],
      listing.bySize.map((at) => [
        count(at.stored),
        ms(at.listByCommunityMs),
        ms(at.listByCommunityPerThousandMs),
        ms(at.listEnrolledMs),
        ms(at.rawScanMs),
        ratio(at.listOverRawScan),
      ]),
    ),
    `  raw scan: store.scan of the community's keys, records deserialized but neither validated nor sorted.`,
    '',
    `list ${count(listing.stored)}: ${ms(listing.listByCommunityMs)} (target < ${count(listing.targetMs)} ms) ${mark(listing.met)}`,
    `list ${count(listing.stored)} through listEnrolled with the CSV: ${ms(listing.listEnrolledMs)} (target < ${count(listing.targetMs)} ms) ${mark(listing.listEnrolledMet)}`,
    `  time per record at ${count(listing.stored)} / at the size before = ${listing.perRecordGrowth.toFixed(2)} (1 = linear)`,
    '',
    `bench ran in ${(report.durationMs / 1_000).toFixed(1)} s`,
  ];
  return `${out.join('\n')}\n`;
}
