import { ConfigError, formatProblem } from '../config/config-problems';

/**
 * Runs a command-line tool's main and sets its exit code: the code main returns, or 1 after
 * printing a configuration's problems or what failed (`<what> failed: …`).
 */
export function runCli(main: () => Promise<number>, what: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof ConfigError) {
        for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      } else {
        process.stderr.write(`${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      process.exitCode = 1;
    },
  );
}
