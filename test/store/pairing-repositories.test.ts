import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createStore } from '../../src/store/create-store';
import { describeFollowUpRepositories } from './follow-up-repositories-contract';
import { describePairingRepositories } from './pairing-repositories-contract';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-pairing-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Redis and PostgreSQL run the same cases in redis-store.test.ts and postgres-store.test.ts.
describePairingRepositories('memory', () => createStore('memory://'));
describeFollowUpRepositories('memory', () => createStore('memory://'));
describePairingRepositories('SQLite', () => createStore(`sqlite://${join(folder, 'mentorat.sqlite')}`));
describeFollowUpRepositories('SQLite', () => createStore(`sqlite://${join(folder, 'mentorat.sqlite')}`));
