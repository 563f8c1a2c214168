import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createStore } from '../../src/store/create-store';
import { describeReportRepository } from './report-repository-contract';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-reports-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Redis and PostgreSQL run the same cases in redis-store.test.ts and postgres-store.test.ts.
describeReportRepository('memory', () => createStore('memory://'));
describeReportRepository('SQLite', () => createStore(`sqlite://${join(folder, 'mentorat.sqlite')}`));
