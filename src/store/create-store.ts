import { resolve } from 'node:path';
import { DEFAULT_STORE_TIMEOUT_MS, isStoreScheme, type StoreScheme, SUPPORTED_STORE_URLS, splitStoreUrl } from '../config/store-url';
import type { KeyValueStore } from './key-value-store';
import { withStoreTimeout } from './store-timeout';

/**
 * One opener per scheme (src/config/store-url.ts lists them); the server URLs are handed whole to
 * their client library. Each driver is imported when its store is opened, so a start loads only the
 * client library it uses (the bundle puts each in its own chunk).
 */
const OPENERS: Record<StoreScheme, (rest: string) => Promise<KeyValueStore>> = {
  memory: async () => (await import('./memory-store')).openMemoryStore(),
  sqlite: async (rest) => (await import('./sqlite-store')).openSqliteStore(sqlitePath(rest)),
  redis: async (rest) => (await import('./redis-store')).openRedisStore(`redis://${rest}`),
  rediss: async (rest) => (await import('./redis-store')).openRedisStore(`rediss://${rest}`),
  postgresql: async (rest) => (await import('./postgres-store')).openPostgresStore(`postgresql://${rest}`),
  postgres: async (rest) => (await import('./postgres-store')).openPostgresStore(`postgres://${rest}`),
};

export interface StoreOptions {
  /** Each call that gets no answer within this time fails as an outage (see store-timeout.ts). */
  readonly timeoutMs?: number;
}

/** Opens the store named by STORE_URL, e.g. `sqlite://./data/mentorat.sqlite`, `redis://localhost:6379/0` or `memory://`. */
export async function createStore(url: string, options: StoreOptions = {}): Promise<KeyValueStore> {
  const { scheme, rest } = splitStoreUrl(url);
  if (!isStoreScheme(scheme)) {
    // Only the scheme is repeated: a database URL may hold a password.
    const found = scheme === undefined ? 'no scheme://' : `the scheme ${scheme}://`;
    throw new Error(`STORE_URL has ${found}, which is not supported; supported: ${SUPPORTED_STORE_URLS}`);
  }
  const store = await OPENERS[scheme](rest);
  // Memory answers at once or not at all; every other backend waits on a file or a server that may stall.
  return scheme === 'memory' ? store : withStoreTimeout(store, options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
}

/** The SQLite file STORE_URL names, or undefined for another backend: backup and restore work on the file. */
export function sqliteFileOf(url: string): string | undefined {
  const match = /^sqlite:\/\/(.*)$/is.exec(url.trim());
  return match === null ? undefined : sqlitePath(match[1] ?? '');
}

/** `sqlite://data/x.sqlite` and `sqlite://./data/x.sqlite` are relative to the working folder, `sqlite:///tmp/x.sqlite` absolute. */
function sqlitePath(rest: string): string {
  if (rest === '') {
    throw new Error('STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/mentorat.sqlite');
  }
  return resolve(rest);
}
