import type { Environment } from './report';
import type { FilingBenchResult } from './report-filing-bench';

const count = (n: number): string => n.toLocaleString('en-US');

function ms(value: number): string {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ms`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padStart(widths[column] ?? 0))
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The filing benchmark for people: one table per store, then the growth from the smallest size to the largest. */
export function formatFiling(result: FilingBenchResult, environment: Environment): string {
  const { parameters: params } = result;
  const { population } = params;
  const out: string[] = [
    'Mentorat bot — report filing benchmark',
    `Node ${environment.node} · ${environment.cpu} (${environment.cpuCount} CPUs) · ${environment.platform} · ${environment.date}`,
    `${count(population.participants)} participants enrolled, ${count(population.pairs)} active binômes (${count(population.pairs * 2)} people) ` +
      `with ${population.referents} référents; stored reports: 1 in 10 untaken (deadline job pending), 2 in progress, 7 resolved`,
    `each filing by another member of a pair, typed in the terminal chat: /as <them>, then`,
    `  ${params.command}`,
    `timed from the line handed to the chat to [DM to <référent>] printed (the job runner runs before each prompt, as in npm start);`,
    `checked each time: the reference reached the référent, nobody else, and the report is stored as delivered; then it is taken back (untimed)`,
    `percentiles by ${params.percentile}; at most ${params.window} filings or ${(params.windowBudgetMs / 1000).toFixed(0)} s per size, after ${params.warmUp} warm-up filings`,
  ];
  for (const backend of result.backends) {
    out.push(
      '',
      `${backend.store}: populated in ${(backend.populateMs / 1000).toFixed(1)} s`,
      ...table(
        [
          'stored reports',
          'jobs pending',
          'filings',
          'DM median',
          'DM p99',
          'reply median',
          'settled median',
          'list enrolments',
          'list binômes',
          'list due jobs',
        ],
        backend.sizes.map((at) => [
          count(at.stored),
          count(at.pendingJobs),
          `${at.dm.count}${at.dm.count < 100 ? ' (p99 = max)' : ''}`,
          ms(at.dm.medianMs),
          ms(at.dm.p99Ms),
          ms(at.reply.medianMs),
          ms(at.settled.medianMs),
          ms(at.peers.listEnrolmentsMs),
          ms(at.peers.listBinomesMs),
          ms(at.peers.listDueMs),
        ]),
      ),
      `  reply: to the reference printed to the reporter (the use case alone); settled: to the next prompt (delivery job done, history written).`,
      `  list …: those store calls timed alone on the same data (median of a few): what a filing pays if it makes them.`,
      `  DM at ${count(backend.growth.to)} stored / at ${count(backend.growth.from)}: median ${backend.growth.medianRatio.toFixed(2)}, p99 ${backend.growth.p99Ratio.toFixed(2)}`,
    );
    if (backend.sqliteBytes !== undefined) out.push(`  SQLite files at the end: ${(backend.sqliteBytes / 1_048_576).toFixed(1)} MiB`);
  }
  out.push('', `filing bench ran in ${(result.durationMs / 1_000).toFixed(1)} s`);
  return `${out.join('\n')}\n`;
}
