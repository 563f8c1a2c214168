import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import { StoreUnavailableError } from '../core/errors';
import { rowsInKeyRange } from './key-range';
import type { KeyValueStore } from './key-value-store';
import { createKeyv, createKeyvStore } from './keyv-store';
import { describeServerUrl } from './server-url';

const SCHEMA = 'public';
const TABLE = 'keyv';
const QUALIFIED_TABLE = `${SCHEMA}.${TABLE}`;
/**
 * Created here, before @keyv/postgres runs its own `CREATE TABLE IF NOT EXISTS`: its VARCHAR(255)
 * key is too short (an enrolment key holds two ids of up to 100 UTF-16 units, each up to 9 key
 * characters once encoded, about 1,850 in all), and its index would follow the database's
 * collation, in which a range of keys is not a range of bytes. In "C" order the range scans
 * below walk the primary key index.
 */
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${QUALIFIED_TABLE} (key TEXT COLLATE "C" PRIMARY KEY, value TEXT)`;
/** SQLSTATEs of a table another process created at the same moment. */
const CREATED_CONCURRENTLY = new Set(['23505', '42P07']);
/** Rows per listing query, with keyset paging as in sqlite-store.ts. */
const PAGE_SIZE = 1000;
/** `COLLATE "C"` keeps the comparison bytewise, as prefixEnd assumes, even on a table created elsewhere with another collation. */
const FIRST_PAGE = `SELECT key, value FROM ${QUALIFIED_TABLE} WHERE key >= $1 COLLATE "C" AND key < $2 COLLATE "C" ORDER BY key COLLATE "C" LIMIT $3`;
const NEXT_PAGE = `SELECT key, value FROM ${QUALIFIED_TABLE} WHERE key > $1 COLLATE "C" AND key < $2 COLLATE "C" ORDER BY key COLLATE "C" LIMIT $3`;
/**
 * A concurrent insert of the same key waits for the first to commit, then does nothing: a row
 * comes back only to the one that wrote. `ON CONFLICT (key)` uses the primary key whatever its
 * collation, as on a table created elsewhere.
 */
const INSERT_IF_ABSENT = `INSERT INTO ${QUALIFIED_TABLE} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`;
/** An unreachable host fails within this time rather than after the system's TCP timeout (minutes). */
const CONNECT_TIMEOUT_MS = 5000;

type Query = (sql: string, values?: unknown[]) => Promise<unknown[]>;

/** Opens the store and reaches the server once (creating the table if needed), failing at once if it cannot. */
export async function openPostgresStore(url: string): Promise<KeyValueStore> {
  const adapter = createAdapter(url);
  const store = storeOver(adapter);
  try {
    await adapter.query(`SELECT 1 FROM ${QUALIFIED_TABLE} LIMIT 1`);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreUnavailableError(`open (${describeServerUrl(url)})`, { cause: error });
  }
  return store;
}

/** A store that reaches the server only when used: tests use it to simulate an outage. */
export function createPostgresStore(url: string): KeyValueStore {
  return storeOver(createAdapter(url));
}

function storeOver(adapter: KeyvPostgres): KeyValueStore {
  return createKeyvStore(createKeyv(adapter), {
    rawEntries: (keyvPrefix, keyvBelow) =>
      rowsInKeyRange(
        keyvPrefix,
        PAGE_SIZE,
        (page) => adapter.query(page.inclusive ? FIRST_PAGE : NEXT_PAGE, [page.from, page.end, page.limit]),
        keyvBelow,
      ),
    insertIfAbsent: async (keyvKey, serialized) => (await adapter.query(INSERT_IF_ABSENT, [keyvKey, serialized])).length === 1,
  });
}

/**
 * @keyv/postgres keeps one pool per process in a module variable: opening a second store replaces
 * it without ending it, closing any store ends whichever pool is current, and nothing listens to
 * the pool's errors. Each store owns its pool here, through the adapter's `connect` hook.
 */
function createAdapter(url: string): KeyvPostgres {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection whose server stops emits 'error' on the pool, which would crash the process; the next query reports the outage.
  pool.on('error', () => undefined);
  const run: Query = async (sql, values) => (await pool.query(sql, values)).rows;

  let tableCreated: Promise<unknown> | undefined;
  // Retried on the next query after a failure, so a server that was down at start-up is used once it is back.
  const ensureTable = (): Promise<unknown> => {
    tableCreated ??= run(CREATE_TABLE).catch((error: unknown) => {
      if (error instanceof pg.DatabaseError && CREATED_CONCURRENTLY.has(error.code ?? '')) {
        return;
      }
      tableCreated = undefined;
      throw error;
    });
    return tableCreated;
  };

  class OwnPoolAdapter extends KeyvPostgres {
    override async connect(): Promise<Query> {
      return async (sql, values) => {
        await ensureTable();
        return run(sql, values);
      };
    }

    override async disconnect(): Promise<void> {
      await pool.end();
    }
  }
  return new OwnPoolAdapter({ uri: url, schema: SCHEMA, table: TABLE });
}
