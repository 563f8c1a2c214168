import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store';
import { createJobRepository } from '../../src/store/job-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from '../support/fixed-clock';
import { describeJobRepository } from './job-repository-contract';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-jobs-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Redis and PostgreSQL run the same cases in redis-store.test.ts and postgres-store.test.ts.
describeJobRepository('memory', () => createStore('memory://'));
describeJobRepository('SQLite', () => createStore(`sqlite://${join(folder, 'mentorat.sqlite')}`));

/** A store that notes every key it hands back, through get, scan or scanBelow. */
function readCounting(store: KeyValueStore): KeyValueStore & { readonly read: string[] } {
  const read: string[] = [];
  async function* noted(listing: AsyncIterable<[string, unknown]>): AsyncIterable<[string, unknown]> {
    for await (const entry of listing) {
      read.push(entry[0]);
      yield entry;
    }
  }
  return {
    read,
    async get(key) {
      const value = await store.get(key);
      if (value !== undefined) read.push(key);
      return value;
    },
    set: (key, value) => store.set(key, value),
    add: (key, value) => store.add(key, value),
    delete: (key) => store.delete(key),
    scan: (prefix) => noted(store.scan(prefix)),
    scanBelow: (prefix, below) => noted(store.scanBelow(prefix, below)),
    close: () => store.close(),
  };
}

describe.each([
  ['memory', () => createStore('memory://')],
  ['SQLite', () => createStore(`sqlite://${join(folder, 'reads.sqlite')}`)],
])('a poll on %s, between sweeps', (_name, open) => {
  const NOW = '2026-03-01T10:00:00.000Z';
  const community = { platform: 'discord', id: '111' } as const;
  const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000);

  it('reads nothing of the jobs pending but not due, and only the entry and record of a due one', async () => {
    const store = readCounting(await open());
    const jobs = createJobRepository(store, fixedClock(NOW));
    await jobs.listDue(new Date(NOW));
    for (let index = 0; index < 50; index += 1) {
      await jobs.schedule({ community, kind: 'checkin.remind', key: `binome-${index}`, payload: {}, dueAt: later(60 * 24 + index) });
    }
    store.read.splice(0);
    expect(await jobs.listDue(later(1), 'discord')).toEqual([]);
    expect(store.read).toEqual([]);

    await jobs.schedule({ community, kind: 'report.deliver', key: 'report-1', payload: {}, dueAt: new Date(NOW) });
    store.read.splice(0);
    expect((await jobs.listDue(later(2), 'discord')).map((job) => job.key)).toEqual(['report-1']);
    expect(store.read).toEqual([
      keyOf('job-due', 'discord', String(Date.parse(NOW)).padStart(16, '0'), '111', 'report.deliver', 'report-1'),
      keyOf('job', 'discord', '111', 'report.deliver', 'report-1'),
    ]);
    await store.close();
  });
});
