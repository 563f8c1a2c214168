import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { closedPort, REDIS_SKIPPED, redisUrl, usePostgresDatabase, useRedisDatabase } from './server-databases';

const postgres = usePostgresDatabase('create_store');
const redis = useRedisDatabase('create-store');

let folder: string;
const opened: KeyValueStore[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-create-'));
});
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  await rm(folder, { recursive: true, force: true });
});

async function roundTrip(url: string): Promise<void> {
  const store = await createStore(url);
  opened.push(store);
  await store.set('k', { ok: true });
  expect(await store.get('k')).toEqual({ ok: true });
}

describe('STORE_URL', () => {
  it('opens a memory store for memory://, whatever follows', async () => {
    await roundTrip('memory://');
    await roundTrip('memory://anything');
  });

  it('opens a SQLite file at an absolute path for sqlite:///…', async () => {
    const path = join(folder, 'abs.sqlite');
    await roundTrip(`sqlite://${path}`);
    expect((await stat(path)).isFile()).toBe(true);
  });

  it('opens a SQLite file relative to the working folder, with or without ./', async () => {
    const path = relative(process.cwd(), join(folder, 'rel', 'x.sqlite'));
    await roundTrip(`sqlite://${path}`);
    await roundTrip(`sqlite://./${path}`);
    expect((await stat(join(folder, 'rel', 'x.sqlite'))).isFile()).toBe(true);
  });

  it.skipIf(!redisUrl)(`opens a Redis store for redis://<host>:<port>/<db>${redisUrl ? '' : ` (${REDIS_SKIPPED})`}`, async () => {
    await roundTrip(redis.url);
    expect(await redis.client().get('mentorat:k')).toBe(JSON.stringify({ value: { ok: true } }));
  });

  it('opens a PostgreSQL store for postgresql:// and postgres://', async () => {
    await roundTrip(postgres.url);
    expect(await postgres.query('SELECT key FROM public.keyv')).toEqual([{ key: 'mentorat:k' }]);
    await postgres.query('DELETE FROM public.keyv');
    await roundTrip(postgres.url.replace(/^postgresql:/, 'postgres:'));
    expect(await postgres.query('SELECT key FROM public.keyv')).toEqual([{ key: 'mentorat:k' }]);
  });

  it.each(['postgresql', 'redis'])(
    'fails at once for a %s:// server that cannot be reached, without repeating its password',
    async (scheme) => {
      const port = await closedPort();
      const failure = createStore(`${scheme}://bot:s3cret@127.0.0.1:${port}/1`);
      await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(failure).rejects.toThrow(`${scheme}://127.0.0.1:${port}/1`);
      await expect(failure).rejects.not.toThrow(/s3cret/);
    },
  );

  it('names STORE_URL and the supported schemes for an unknown scheme, without repeating the URL', async () => {
    const failure = createStore('mysql://bot:s3cret@db.example/mentorat');
    await expect(failure).rejects.toThrow(/STORE_URL.*mysql:\/\/.*memory:\/\/.*sqlite:\/\/.*redis:\/\/.*postgresql:\/\//);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });

  it('names STORE_URL when there is no scheme at all', async () => {
    await expect(createStore('./data/mentorat.sqlite')).rejects.toThrow(/STORE_URL.*sqlite:\/\//);
  });

  it('asks for a file path after sqlite://', async () => {
    await expect(createStore('sqlite://')).rejects.toThrow(/STORE_URL sqlite:\/\/ needs a file path/);
  });
});
