import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PostgreSQL and Redis for the store tests: from DATABASE_URL / REDIS_URL, or started for the run.
    // dist/ built once (test/build-setup.ts): tests that start the bot run the compiled entry.
    globalSetup: ['test/build-setup.ts', 'test/global-setup.ts'],
    // End-to-end tests start the real bot as a process. Measured on 2 cores at a load average of
    // 22-24 (6 Dec 2026, other suites running; dist/main.js, maxWorkers 2, maxConcurrency 2): the
    // slowest test took 26.9 s (a Slack scenario), 21.6 s Discord, 18.7 s terminal scenarios,
    // 13.4 s terminal chat; the five slowest e2e files (80 tests) 191 s together, none failed.
    // 60 s leaves more than twice the slowest.
    testTimeout: 60_000,
    // Bounded: at most two test files at once, and at most two bots of a `describe.concurrent`
    // file at once, so a 2-core machine is never asked for more processes than it can run.
    maxWorkers: 2,
    maxConcurrency: 2,
    hookTimeout: 30_000,
  },
});
