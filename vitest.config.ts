import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PostgreSQL and Redis for the store tests: from DATABASE_URL / REDIS_URL, or started for the run.
    // dist/ built once (test/build-setup.ts): tests that start the bot run the compiled entry.
    globalSetup: ['test/build-setup.ts', 'test/global-setup.ts'],
    // End-to-end tests start the real bot as a process: a loaded 2-core CI machine needs room.
    testTimeout: 60_000,
    maxConcurrency: 4,
    hookTimeout: 30_000,
  },
});
