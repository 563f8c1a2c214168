import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createStore } from '../../src/store/create-store';
import { describeFeedbackRepository } from './feedback-repository-contract';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'mentorat-feedback-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

// Redis and PostgreSQL run the same cases in redis-store.test.ts and postgres-store.test.ts.
describeFeedbackRepository('memory', () => createStore('memory://'));
describeFeedbackRepository('SQLite', () => createStore(`sqlite://${join(folder, 'mentorat.sqlite')}`));
