/*
 * Test files run in parallel against the same PostgreSQL and Redis servers (test/global-setup.ts):
 * each file gets a database of its own, emptied before each of its tests, so every test starts
 * from an empty store and no file sees another's records.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createClient } from '@keyv/redis';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';

export const pgUrl = inject('pgUrl');
export const redisUrl = inject('redisUrl');
export const REDIS_SKIPPED = 'skipped: no REDIS_URL and no redis-server on PATH';

/**
 * Redis has numbered databases (16 by default) and no CREATE DATABASE: each file using Redis owns
 * one number here, and flushes only that one (never FLUSHALL: other files are using the server).
 */
const REDIS_DATABASES = { 'redis-store': 1, 'create-store': 2, 'record-collection': 3 } as const;

export interface PostgresDatabase {
  /** The URL of this file's database, as STORE_URL would give it. */
  readonly url: string;
  /** Runs SQL in this file's database, as an administrator would by hand. */
  query(sql: string, values?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/** Creates a database for this file (dropped after it), and drops the store's table before each test. */
export function usePostgresDatabase(label: string): PostgresDatabase {
  const name = `mentorat_${label}_${randomUUID().slice(0, 8)}`;
  const target = new URL(pgUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  let admin: pg.Client | undefined;

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${name}" TEMPLATE template0`);
    admin = new pg.Client({ connectionString: url });
    admin.on('error', () => undefined);
    await admin.connect();
  });
  beforeEach(async () => {
    await admin?.query('DROP TABLE IF EXISTS public.keyv');
  });
  afterAll(async () => {
    await admin?.end();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  return {
    url,
    async query(sql, values) {
      if (admin === undefined) {
        throw new Error('the database is only there while the tests of this file run');
      }
      return (await admin.query(sql, values)).rows;
    },
  };
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface RedisDatabase {
  readonly url: string;
  /** A client on this file's database, to look at what the store wrote or edit it by hand. */
  client(): ReturnType<typeof adminClient>;
}

function adminClient(url: string) {
  const client = createClient({ url });
  client.on('error', () => undefined);
  return client;
}

/** Empties this file's Redis database before each test; does nothing when there is no Redis. */
export function useRedisDatabase(file: keyof typeof REDIS_DATABASES): RedisDatabase {
  const target = new URL(redisUrl || 'redis://unused');
  target.pathname = `/${REDIS_DATABASES[file]}`;
  const url = target.toString();
  const admin = adminClient(url);

  if (redisUrl) {
    beforeAll(async () => {
      await admin.connect();
    });
    beforeEach(async () => {
      await admin.flushDb();
    });
    afterAll(async () => {
      await admin.flushDb();
      await admin.close();
    });
  }
  return { url, client: () => admin };
}

/** A loopback port nothing listens on, for a server that cannot be reached. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Outage {
  /** Where clients connect: forwarded to the real server until `cut`. */
  readonly port: number;
  /** The server's URL with the relay's port: what a store under test opens. */
  readonly url: string;
  /** Drops every connection and refuses new ones, as a stopped server does. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port, as a restarted server does. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay in front of a shared server, so one test can stop "the server" without stopping it for others. */
export async function relayTo(serverUrl: string): Promise<Outage> {
  const { hostname, port: serverPort } = new URL(serverUrl);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((incoming) => {
    const outgoing = net.connect(Number(serverPort), hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      relay.once('error', reject).listen(port, '127.0.0.1', () => {
        relay.off('error', reject);
        resolve();
      });
    });
  const cut = async (): Promise<void> => {
    if (!relay.listening) {
      return;
    }
    const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
    for (const socket of sockets) {
      socket.destroy();
    }
    await closed;
  };
  await listen(0);
  const { port } = relay.address() as net.AddressInfo;
  const url = new URL(serverUrl);
  url.port = String(port);
  return { port, url: url.toString(), cut, restore: () => listen(port), close: cut };
}
