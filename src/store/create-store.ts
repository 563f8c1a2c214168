import { resolve } from 'node:path';
import type { KeyValueStore } from './key-value-store';

interface Backend {
  /** How the scheme is written in STORE_URL, for error messages. */
  readonly example: string;
  /** Opens the store from what follows `scheme://`. */
  open(rest: string): Promise<KeyValueStore>;
}

/**
 * One entry per backend; the server URLs are handed whole to their client library. Each driver is
 * imported when its store is opened, so a start loads only the client library it uses (the
 * bundle puts each in its own chunk).
 */
const BACKENDS = new Map<string, Backend>([
  ['memory', { example: 'memory://', open: async () => (await import('./memory-store')).openMemoryStore() }],
  ['sqlite', { example: 'sqlite://<file path>', open: async (rest) => (await import('./sqlite-store')).openSqliteStore(sqlitePath(rest)) }],
  [
    'redis',
    { example: 'redis://<host>:<port>/<db>', open: async (rest) => (await import('./redis-store')).openRedisStore(`redis://${rest}`) },
  ],
  [
    'rediss',
    {
      example: 'rediss://<host>:<port>/<db> (TLS)',
      open: async (rest) => (await import('./redis-store')).openRedisStore(`rediss://${rest}`),
    },
  ],
  [
    'postgresql',
    {
      example: 'postgresql://<user>:<password>@<host>:<port>/<database>',
      open: async (rest) => (await import('./postgres-store')).openPostgresStore(`postgresql://${rest}`),
    },
  ],
  [
    'postgres',
    {
      example: 'postgres://… (as postgresql://)',
      open: async (rest) => (await import('./postgres-store')).openPostgresStore(`postgres://${rest}`),
    },
  ],
]);

const SUPPORTED = [...BACKENDS.values()].map((backend) => backend.example).join(', ');

/** Whether STORE_URL names a backend this build can open; the env schema checks it at start-up. */
export function isSupportedStoreUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && BACKENDS.has(scheme);
}

export const SUPPORTED_STORE_URLS = SUPPORTED;

/** Opens the store named by STORE_URL, e.g. `sqlite://./data/mentorat.sqlite`, `redis://localhost:6379/0` or `memory://`. */
export async function createStore(url: string): Promise<KeyValueStore> {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(url.trim());
  const scheme = match?.[1]?.toLowerCase();
  const backend = scheme === undefined ? undefined : BACKENDS.get(scheme);
  if (backend === undefined) {
    // Only the scheme is repeated: a database URL may hold a password.
    const found = scheme === undefined ? 'no scheme://' : `the scheme ${scheme}://`;
    throw new Error(`STORE_URL has ${found}, which is not supported; supported: ${SUPPORTED}`);
  }
  return backend.open(match?.[2] ?? '');
}

/** `sqlite://data/x.sqlite` and `sqlite://./data/x.sqlite` are relative to the working folder, `sqlite:///tmp/x.sqlite` absolute. */
function sqlitePath(rest: string): string {
  if (rest === '') {
    throw new Error('STORE_URL sqlite:// needs a file path, e.g. sqlite://./data/mentorat.sqlite');
  }
  return resolve(rest);
}
