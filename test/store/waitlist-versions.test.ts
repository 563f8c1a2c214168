import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { openMemoryStore } from '../../src/store/memory-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { createWaitlistRepository } from '../../src/store/waitlist-repository';
import { LOCAL } from './enrolment-fixture';

/** A waiting-list entry as the release before "first in line" saved it. */
const storedByVersion1 = {
  schemaVersion: 1,
  community: LOCAL,
  mentee: 'dan',
  round: 2,
  reasons: [{ kind: 'compatible-mentors-full', mentors: 2 }],
  since: '2026-03-01T10:00:00.000Z',
};
const key = keyOf('waitlist', LOCAL.platform, LOCAL.id, 'dan');

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-waitlist-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const backends: [string, () => Promise<KeyValueStore>][] = [
  ['memory', async () => openMemoryStore()],
  ['SQLite', () => openSqliteStore(join(folder, `${Math.random().toString(36).slice(2)}.sqlite`))],
];

describe.each(backends)('a waiting-list entry stored in version 1 (%s)', (_name, open) => {
  it('is read as version 2, nobody first in line, and stored as version 2 only when saved again', async () => {
    const store = await open();
    await store.set(key, storedByVersion1);
    const waitlist = createWaitlistRepository(store);
    const [entry] = await waitlist.list(LOCAL);
    expect(entry).toEqual({ ...storedByVersion1, schemaVersion: 2 });
    expect(entry?.firstInLine).toBeUndefined();
    expect(await store.get(key)).toMatchObject({ schemaVersion: 1 });
    if (!entry) throw new Error('the entry was not read');
    await waitlist.save({ ...entry, firstInLine: { because: 'not-a-fit', binomeId: 'p1-1', at: '2026-03-02T10:00:00.000Z' } });
    expect(await store.get(key)).toMatchObject({ schemaVersion: 2, firstInLine: { binomeId: 'p1-1' } });
    await store.close();
  });
});
