/**
 * `npm run bench`: enrols 10,000 participants one by one into a SQLite store through the real
 * use case and prints the cost per enrolment at 100, 1,000 and 10,000 stored, and the time to
 * list them all, each next to a peer measured in the same process (see enrolment-bench.ts).
 * `npm run bench -- --json` prints the same figures as one JSON object, and only that, on stdout.
 * Progress goes to stderr. A missed target is reported (✗, `met: false`), not an error.
 */
import { arch, cpus, platform } from 'node:os';
import { DEFAULT_OPTIONS, runEnrolmentBench } from './enrolment-bench';
import { buildReport, type Environment, formatHuman } from './report';

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

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const options = DEFAULT_OPTIONS;
  const result = await runEnrolmentBench({ ...options, progress: (line) => process.stderr.write(`[bench] ${line}\n`) });
  const report = buildReport(result, options, environment());
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatHuman(report));
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
