import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRecordError, StoreUnavailableError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import { createSqliteStore, openSqliteStore } from '../../src/store/sqlite-store';
import { collect, describeStoreContract } from './store-contract';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-sqlite-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describeStoreContract('SQLite', () => createStore(`sqlite://${join(folder, 'data', 'mentorat.sqlite')}`), {
  persistent: true,
  outage: async () => createSqliteStore(new KeyvSqlite({ uri: `sqlite://${folder}` })),
});

describe('a SQLite store', () => {
  it('creates the missing folders of its file', async () => {
    const path = join(folder, 'a', 'b', 'mentorat.sqlite');
    const store = await openSqliteStore(path);
    await store.set('k', 1);
    await store.close();
    expect((await stat(path)).isFile()).toBe(true);
  });

  it('fails at once with StoreUnavailableError when its path is a folder', async () => {
    await expect(openSqliteStore(folder)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('writes in WAL mode, so each enrolment is one cheap append', async () => {
    const path = join(folder, 'mentorat.sqlite');
    const store = await openSqliteStore(path);
    await store.set('k', 1);
    await store.close();
    const probe = new KeyvSqlite({ uri: `sqlite://${path}` });
    try {
      expect(await probe.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    } finally {
      await probe.disconnect();
    }
  });

  it('adds a record as the very row set would write, colon-escaped strings included', async () => {
    const path = join(folder, 'mentorat.sqlite');
    const store = await openSqliteStore(path);
    const probe = new KeyvSqlite({ uri: `sqlite://${path}` });
    try {
      const value = { note: ':starts with a colon', list: [1, null] };
      await store.set('raw.set', value);
      expect(await store.add('raw.added', value)).toBe(true);
      const rows: Array<{ key: string; value: string }> = await probe.query('SELECT key, value FROM keyv ORDER BY key');
      expect(rows.map((row) => row.key)).toEqual(['mentorat:raw.added', 'mentorat:raw.set']);
      expect(rows[0]?.value).toBe(rows[1]?.value);
    } finally {
      await probe.disconnect();
      await store.close();
    }
  });

  it.each([
    ['text that is not JSON', '{"value": '],
    ['JSON that is not a Keyv record', '42'],
  ])('reports %s, edited into the file by hand, as a corrupt record rather than an outage', async (_, raw) => {
    const path = join(folder, 'mentorat.sqlite');
    const store = await openSqliteStore(path);
    const editor = new KeyvSqlite({ uri: `sqlite://${path}` });
    try {
      await editor.query('INSERT INTO keyv (key, value) VALUES (?, ?)', 'mentorat:edited.by.hand', raw);
      await expect(store.get('edited.by.hand')).rejects.toBeInstanceOf(CorruptRecordError);
      await expect(collect(store.scan('edited.'))).rejects.toBeInstanceOf(CorruptRecordError);
    } finally {
      await editor.disconnect();
      await store.close();
    }
  });
});
