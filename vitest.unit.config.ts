import { defineConfig } from 'vitest/config';

/**
 * `npm run test:unit`: the fast lane, for a loop while editing. The core, the commands, the
 * configuration and the in-memory store: no process spawned, no server started (no globalSetup,
 * hence no PostgreSQL or Redis), no build. `npm test` runs these and everything else.
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
    testTimeout: 10_000,
  },
});
