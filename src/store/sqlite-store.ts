import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { StoreUnavailableError } from '../core/errors';
import { rowsInKeyRange } from './key-range';
import type { KeyValueStore } from './key-value-store';
import { createKeyv, createKeyvStore } from './keyv-store';

const TABLE = 'keyv';
/** Rows per listing query: @keyv/sqlite's default of 10 would mean 1,000 queries for 10,000 participants. */
const PAGE_SIZE = 1000;
/** Pages follow the key (keyset paging): an OFFSET would re-read every earlier row on each page. */
const FIRST_PAGE = `SELECT key, value FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`;
const NEXT_PAGE = `SELECT key, value FROM ${TABLE} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`;
/** One statement, so the check and the write share SQLite's write lock: a row comes back only when this one was written. */
const INSERT_IF_ABSENT = `INSERT INTO ${TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`;

/** Opens (and creates) the file, failing at once if it cannot be used. */
export async function openSqliteStore(path: string): Promise<KeyValueStore> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw new StoreUnavailableError(`open (${path})`, { cause: error });
  }
  const adapter = new KeyvSqlite({
    uri: `sqlite://${path}`,
    table: TABLE,
    busyTimeout: 5000,
    iterationLimit: PAGE_SIZE,
  });
  const store = createSqliteStore(adapter);
  try {
    // Each enrolment is one upsert: with WAL and synchronous=NORMAL it appends to the log without waiting for an fsync.
    await adapter.query('PRAGMA journal_mode=WAL');
    await adapter.query('PRAGMA synchronous=NORMAL');
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreUnavailableError(`open (${path})`, { cause: error });
  }
  return store;
}

/** A store over an adapter as it is, without checking the file: tests use it to simulate an outage. */
export function createSqliteStore(adapter: KeyvSqlite): KeyValueStore {
  return createKeyvStore(createKeyv(adapter), {
    rawEntries: (keyvPrefix, keyvBelow) =>
      rowsInKeyRange(
        keyvPrefix,
        PAGE_SIZE,
        (page) => adapter.query(page.inclusive ? FIRST_PAGE : NEXT_PAGE, page.from, page.end, page.limit),
        keyvBelow,
      ),
    insertIfAbsent: async (keyvKey, serialized) => wroteOneRow(await adapter.query(INSERT_IF_ABSENT, keyvKey, serialized)),
  });
}

/** The adapter's query is sqlite3's `all`, untyped: the rows RETURNING gave back, none when the key was taken. */
function wroteOneRow(rows: unknown): boolean {
  return Array.isArray(rows) && rows.length === 1;
}
