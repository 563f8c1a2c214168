import { resolve } from 'node:path';
import type { KeyValueStore } from './key-value-store';
import { openMemoryStore } from './memory-store';
import { openPostgresStore } from './postgres-store';
import { openRedisStore } from './redis-store';
import { openSqliteStore } from './sqlite-store';
import { withStoreTimeout } from './store-timeout';

interface Backend {
  /** How the scheme is written in STORE_URL, for error messages. */
  readonly example: string;
  /** Opens the store from what follows `scheme://`. */
  open(rest: string): Promise<KeyValueStore>;
}

/** One entry per backend; the server URLs are handed whole to their client library. */
const BACKENDS = new Map<string, Backend>([
  ['memory', { example: 'memory://', open: async () => openMemoryStore() }],
  ['sqlite', { example: 'sqlite://<file path>', open: async (rest) => openSqliteStore(sqlitePath(rest)) }],
  ['redis', { example: 'redis://<host>:<port>/<db>', open: (rest) => openRedisStore(`redis://${rest}`) }],
  ['rediss', { example: 'rediss://<host>:<port>/<db> (TLS)', open: (rest) => openRedisStore(`rediss://${rest}`) }],
  [
    'postgresql',
    { example: 'postgresql://<user>:<password>@<host>:<port>/<database>', open: (rest) => openPostgresStore(`postgresql://${rest}`) },
  ],
  ['postgres', { example: 'postgres://… (as postgresql://)', open: (rest) => openPostgresStore(`postgres://${rest}`) }],
]);

const SUPPORTED = [...BACKENDS.values()].map((backend) => backend.example).join(', ');

/** Whether STORE_URL names a backend this build can open; the env schema checks it at start-up. */
export function isSupportedStoreUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && BACKENDS.has(scheme);
}

export const SUPPORTED_STORE_URLS = SUPPORTED;

/** Under Discord's and Slack's 3 seconds for an answer, with room for the rest of the work. */
export const DEFAULT_STORE_TIMEOUT_MS = 2000;

export interface StoreOptions {
  /** Each call that gets no answer within this time fails as an outage (see store-timeout.ts). */
  readonly timeoutMs?: number;
}

/** Opens the store named by STORE_URL, e.g. `sqlite://./data/mentorat.sqlite`, `redis://localhost:6379/0` or `memory://`. */
export async function createStore(url: string, options: StoreOptions = {}): Promise<KeyValueStore> {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(url.trim());
  const scheme = match?.[1]?.toLowerCase();
  const backend = scheme === undefined ? undefined : BACKENDS.get(scheme);
  if (backend === undefined) {
    // Only the scheme is repeated: a database URL may hold a password.
    const found = scheme === undefined ? 'no scheme://' : `the scheme ${scheme}://`;
    throw new Error(`STORE_URL has ${found}, which is not supported; supported: ${SUPPORTED}`);
  }
  const store = await backend.open(match?.[2] ?? '');
  // Memory answers at once or not at all; every other backend waits on a file or a server that may stall.
  return scheme === 'memory' ? store : withStoreTimeout(store, options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS);
}

/** `sqlite://data/x.sqlite` and `sqlite://./data/x.sqlite` are relative to the working folder, `sqlite:///tmp/x.sqlite` absolute. */
function sqlitePath(rest: string): string {
  if (rest === '') {
    throw new Error('STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/mentorat.sqlite');
  }
  return resolve(rest);
}
