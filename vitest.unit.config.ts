import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the fast lane, for a loop while editing. The core, the commands, the
 * configuration and the in-memory store: no process spawned, no server started (no globalSetup,
 * hence no PostgreSQL or Redis), no build. `npm test` runs these and everything else, including
 * the three long property runs left out here (reports, pairing rounds, announcements: 40 % of
 * this lane's time when they were in it).
 */
export default defineConfig({
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/commands/**/*.test.ts',
      'test/config/**/*.test.ts',
      'test/architecture/**/*.test.ts',
      'test/store/memory-store.test.ts',
      'test/store/key-range.test.ts',
      'test/store/key-segments.test.ts',
      'test/clock.test.ts',
      'test/dispatch.test.ts',
    ],
    exclude: ['test/core/reports/report-property.test.ts', 'test/core/**/*.property.test.ts'],
    maxWorkers: 2,
    // No module reloaded for each file: these files share no state, and re-importing the core
    // for each of them was most of this lane's time.
    isolate: false,
    // The slowest test here took 9.6 s with the machine at a load average of 20 on 2 cores
    // (button-id's property run, 6 Dec 2026): three times that.
    testTimeout: 30_000,
  },
});
