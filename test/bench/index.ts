/**
 * `npm run bench`: enrols 10,000 participants one by one into a SQLite store through the real
 * use case and prints the cost per enrolment at 100, 1,000 and 10,000 stored, and the time to
 * list them all, each next to a peer measured in the same process (see enrolment-bench.ts);
 * then the matching solver next to munkres (matching-bench.ts), the whole proposal from people to
 * pairs at 2,000, 5,000 and 20,000 mentorés (matching-pipeline-bench.ts), report filing, the
 * job queue's idle poll and rounds of due jobs (jobs-bench.ts), and a check-in round for 100 and
 * 5,000 binômes through the terminal platform (check-in-round-bench.ts).
 * `npm run bench -- --json` prints the same figures as one JSON object, and only that, on stdout.
 * Progress goes to stderr. A missed target is reported (✗, `met: false`), not an error.
 */
import { arch, cpus, platform } from 'node:os';
import { DEFAULT_CHECK_IN_OPTIONS, formatCheckIns, runCheckInBench } from './check-in-round-bench';
import { DEFAULT_OPTIONS, runEnrolmentBench } from './enrolment-bench';
import { DEFAULT_JOBS_OPTIONS, formatJobs, runJobsBench } from './jobs-bench';
import { DEFAULT_MATCHING_OPTIONS, formatMatchingTable, QUICK_MATCHING_OPTIONS, runMatchingBenchmark } from './matching-bench';
import { DEFAULT_PIPELINE_OPTIONS, formatPipelineTable, runPipelineBenchmark } from './matching-pipeline-bench';
import { buildReport, type Environment, formatHuman } from './report';
import { DEFAULT_FILING_OPTIONS, runFilingBench } from './report-filing-bench';
import { formatFiling } from './report-filing-format';
import { DEFAULT_START_OPTIONS, formatStart, runStartBench } from './start-bench';

function environment(): Environment {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model.trim() ?? 'unknown CPU',
    cpuCount: cores.length,
    platform: `${platform()} ${arch()}`,
    date: new Date().toISOString(),
  };
}

/**
 * `--only enrolment`, `--only matching`, `--only matching-pipeline`, `--only report`, `--only start` `--only jobs` or `--only check-ins` runs one of
 * them (`--tsx` adds the former tsx launch to the start benchmark); `--quick` shrinks
 * the matching sizes; `--memory` times report filing on a memory store too, after the SQLite file.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const wanted = (name: string) => !process.argv.includes('--only') || only === name;
  const options = DEFAULT_OPTIONS;
  const enrolment = wanted('enrolment')
    ? buildReport(
        await runEnrolmentBench({ ...options, progress: (line) => process.stderr.write(`[bench] ${line}\n`) }),
        options,
        environment(),
      )
    : undefined;
  if (wanted('matching')) process.stderr.write('[bench] matching: ours next to munkres, each solver in its own process\n');
  const matching = wanted('matching')
    ? await runMatchingBenchmark(process.argv.includes('--quick') ? QUICK_MATCHING_OPTIONS : DEFAULT_MATCHING_OPTIONS)
    : undefined;
  const matchingPipeline = wanted('matching-pipeline')
    ? await runPipelineBenchmark({
        ...DEFAULT_PIPELINE_OPTIONS,
        progress: (line) => process.stderr.write(`[bench] matching pipeline: ${line}\n`),
      })
    : undefined;
  const reportFiling = wanted('report')
    ? await runFilingBench({
        ...DEFAULT_FILING_OPTIONS,
        backends: process.argv.includes('--memory') ? ['sqlite', 'memory'] : DEFAULT_FILING_OPTIONS.backends,
        progress: (line) => process.stderr.write(`[bench] report filing: ${line}\n`),
      })
    : undefined;
  const start = wanted('start')
    ? await runStartBench({
        ...DEFAULT_START_OPTIONS,
        launchers: process.argv.includes('--tsx') ? [...DEFAULT_START_OPTIONS.launchers, 'tsx'] : DEFAULT_START_OPTIONS.launchers,
        progress: (line) => process.stderr.write(`[bench] start: ${line}\n`),
      })
    : undefined;
  const jobs = wanted('jobs')
    ? await runJobsBench({ ...DEFAULT_JOBS_OPTIONS, progress: (line) => process.stderr.write(`[bench] jobs: ${line}\n`) })
    : undefined;
  const checkIns = wanted('check-ins')
    ? await runCheckInBench({ ...DEFAULT_CHECK_IN_OPTIONS, progress: (line) => process.stderr.write(`[bench] check-ins: ${line}\n`) })
    : undefined;
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          ...(enrolment ?? {}),
          ...(matching ? { matching } : {}),
          ...(matchingPipeline ? { matchingPipeline } : {}),
          ...(reportFiling ? { reportFiling } : {}),
          ...(start ? { start } : {}),
          ...(jobs ? { jobs } : {}),
          ...(checkIns ? { checkIns } : {}),
        },
        null,
        2,
      )}
`,
    );
    return;
  }
  if (enrolment) process.stdout.write(formatHuman(enrolment));
  if (matching) process.stdout.write(`\nMatching (median ms, ratio = munkres / ours):\n${formatMatchingTable(matching)}`);
  if (matchingPipeline) {
    process.stdout.write(`\nMatching, people to proposal (each size in its own process; ratio = previous preparation / ours):\n`);
    process.stdout.write(formatPipelineTable(matchingPipeline));
  }
  if (reportFiling) process.stdout.write(`\n${formatFiling(reportFiling, environment())}`);
  if (start) process.stdout.write(`\n${formatStart(start)}`);
  if (jobs) process.stdout.write(`\n${formatJobs(jobs, DEFAULT_JOBS_OPTIONS)}`);
  if (checkIns) process.stdout.write(`\n${formatCheckIns(checkIns)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
