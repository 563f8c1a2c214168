import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { until } from '../support/child-process';
import { type OwnServer, startOwnPostgres, startOwnRedis } from './own-servers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TIMEOUT_MS = 500;

/** How long a call took to settle, and how. */
async function timed(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await call();
    return { ms: Date.now() - started, error: undefined };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

async function firstOf(store: KeyValueStore, prefix: string): Promise<unknown> {
  for await (const entry of store.scan(prefix)) return entry;
  return undefined;
}

/** After a thaw, a connection may need a moment: the first call that works, within 10 s. */
async function eventually<T>(call: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const backends: [string, () => Promise<OwnServer>][] = [
  ['Redis', startOwnRedis],
  ['PostgreSQL', startOwnPostgres],
];

describe.each(backends)('a frozen %s server', (_name, start) => {
  let server: OwnServer;
  let store: KeyValueStore;
  beforeAll(async () => {
    server = await start();
    store = await createStore(server.url, { timeoutMs: TIMEOUT_MS });
  }, 60_000);
  afterAll(async () => {
    server?.thaw();
    await store?.close().catch(() => undefined);
    await server?.stop();
  });

  it('fails every kind of call as "unavailable" within the timeout, then works again once it runs', async () => {
    await store.set('before', { n: 1 });
    server.freeze();
    try {
      const calls: [string, () => Promise<unknown>][] = [
        ['get', () => store.get('before')],
        ['set', () => store.set('during', { n: 2 })],
        ['add', () => store.add('claim', { n: 3 })],
        ['delete', () => store.delete('before')],
        ['scan', () => firstOf(store, 'be')],
      ];
      const outcomes = await Promise.all(calls.map(async ([operation, call]) => ({ operation, ...(await timed(call)) })));
      for (const { operation, ms, error } of outcomes) {
        expect(error, operation).toBeInstanceOf(StoreUnavailableError);
        expect((error as Error).message).toBe(`store unavailable during ${operation}`);
        expect(ms, operation).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        expect(ms, operation).toBeLessThan(TIMEOUT_MS + 1000);
      }
    } finally {
      server.thaw();
    }
    await eventually(() => store.set('after', { n: 4 }));
    expect(await store.get('after')).toEqual({ n: 4 });
    expect(await firstOf(store, 'aft')).toEqual(['after', { n: 4 }]);
  });

  it('opens with a 2-second limit when none is given', async () => {
    const defaulted = await createStore(server.url);
    try {
      server.freeze();
      const { ms, error } = await timed(() => defaulted.get('before'));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(ms).toBeGreaterThanOrEqual(1950);
      expect(ms).toBeLessThan(3500);
    } finally {
      server.thaw();
      await defaulted.close().catch(() => undefined);
    }
  });
});

describe('the terminal chat on a frozen Redis', () => {
  let redis: OwnServer;
  beforeAll(async () => {
    redis = await startOwnRedis();
  }, 60_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('answers "temporarily unavailable" within 3 seconds, and answers normally once Redis runs again', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', STORE_URL: redis.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.resume();
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const notEnrolled = "Vous n'êtes pas inscrit·e au programme.";
    const count = (text: string) => stdout.split(text).length - 1;
    try {
      child.stdin.write('/mentorat profil\n');
      await until(() => count(notEnrolled) === 1, 'the first answer', 40_000);

      redis.freeze();
      const asked = Date.now();
      child.stdin.write('/mentorat profil\n');
      await until(() => stdout.includes('Le stockage est momentanément indisponible'), 'the outage answer', 10_000);
      expect(Date.now() - asked).toBeLessThan(3000);

      redis.thaw();
      await new Promise((resolve) => setTimeout(resolve, 200));
      child.stdin.write('/mentorat profil\n');
      await until(() => count(notEnrolled) === 2, 'an answer once Redis is back', 20_000);
    } finally {
      redis.thaw();
      child.stdin.end();
      await exited;
    }
  });
});
