import { describe, expect, it, vi } from 'vitest';
import { CorruptRecordError, StoreUnavailableError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import { keyOf } from '../../src/store/key-segments';
import { createPostgresStore, openPostgresStore } from '../../src/store/postgres-store';
import { describeEnrolmentRepository } from './enrolment-repository-contract';
import { describeFeedbackRepository } from './feedback-repository-contract';
import { describeFollowUpRepositories } from './follow-up-repositories-contract';
import { describeJobRepository } from './job-repository-contract';
import { describePairingRepositories } from './pairing-repositories-contract';
import { describeReportRepository } from './report-repository-contract';
import { closedPort, relayTo, usePostgresDatabase } from './server-databases';
import { collect, describeStoreContract } from './store-contract';

const database = usePostgresDatabase('postgres_store');

describeStoreContract('PostgreSQL', () => createStore(database.url), {
  persistent: true,
  outage: async () => createPostgresStore(`postgresql://postgres@127.0.0.1:${await closedPort()}/mentorat`),
});

describeEnrolmentRepository('PostgreSQL', () => createStore(database.url));
describePairingRepositories('PostgreSQL', () => createStore(database.url));
describeFollowUpRepositories('PostgreSQL', () => createStore(database.url));
describeFeedbackRepository('PostgreSQL', () => createStore(database.url));
describeJobRepository('PostgreSQL', () => createStore(database.url));
describeReportRepository('PostgreSQL', () => createStore(database.url));

describe('a PostgreSQL store', () => {
  it('keeps each record as one row of public.keyv, under the key mentorat:<key>', async () => {
    const store = await createStore(database.url);
    try {
      await store.set(keyOf('enrolment', 'terminal', 'local', 'Alice'), { ok: true });
      expect(await database.query('SELECT key, value FROM public.keyv')).toEqual([
        { key: 'mentorat:enrolment.terminal.local.~41lice', value: JSON.stringify({ value: { ok: true } }) },
      ]);
    } finally {
      await store.close();
    }
  });

  it('adds a record as the very row set would write, colon-escaped strings included', async () => {
    const store = await createStore(database.url);
    try {
      const value = { note: ':starts with a colon', list: [1, null] };
      await store.set('raw.set', value);
      expect(await store.add('raw.added', value)).toBe(true);
      const rows = await database.query('SELECT key, value FROM public.keyv ORDER BY key');
      expect(rows.map((row) => row.key)).toEqual(['mentorat:raw.added', 'mentorat:raw.set']);
      expect(rows[0]?.value).toBe(rows[1]?.value);
    } finally {
      await store.close();
    }
  });

  it('creates its table with text keys in "C" order, where a key range is a byte range', async () => {
    const store = await createStore(database.url);
    try {
      const columns = await database.query(
        `SELECT data_type, collation_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'keyv' AND column_name = 'key'`,
      );
      expect(columns).toEqual([{ data_type: 'text', collation_name: 'C' }]);
    } finally {
      await store.close();
    }
  });

  it('lists by bytes even in a table created elsewhere in a collation that sorts otherwise', async (context) => {
    const icu = await database.query(`SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu'`);
    if (icu.length === 0) {
      context.skip('this PostgreSQL has no ICU collation');
    }
    await database.query('CREATE TABLE public.keyv (key VARCHAR(4000) COLLATE "und-x-icu" PRIMARY KEY, value TEXT)');
    const store = await createStore(database.url);
    try {
      // ICU sorts punctuation before digits and letters: the range ['raw.9', 'raw.:') is empty there.
      const keys = ['raw.Z.1', 'raw.9.1', 'raw.a_b.1', 'raw.A_B.1'];
      for (const key of keys) {
        await store.set(key, key);
      }
      expect((await collect(store.scan('raw.Z'))).map(([key]) => key)).toEqual(['raw.Z.1']);
      expect((await collect(store.scan('raw.9'))).map(([key]) => key)).toEqual(['raw.9.1']);
      expect((await collect(store.scan('raw.a'))).map(([key]) => key)).toEqual(['raw.a_b.1']);
      expect((await collect(store.scan('raw.'))).map(([key]) => key)).toEqual([...keys].sort());
    } finally {
      await store.close();
    }
  });

  it('fails at once with StoreUnavailableError when the server cannot be reached, naming it without the password', async () => {
    const port = await closedPort();
    const failure = openPostgresStore(`postgresql://bot:s3cret@127.0.0.1:${port}/mentorat`);
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toThrow(`open (postgresql://127.0.0.1:${port}/mentorat)`);
    await expect(failure).rejects.not.toThrow(/s3cret|bot/);
  });

  it.each([
    ['text that is not JSON', '{"value": '],
    ['JSON that is not a Keyv record', '42'],
  ])('reports %s, edited into the table by hand, as a corrupt record rather than an outage', async (_, raw) => {
    const store = await createStore(database.url);
    try {
      await database.query('INSERT INTO public.keyv (key, value) VALUES ($1, $2)', ['mentorat:edited.by.hand', raw]);
      await expect(store.get('edited.by.hand')).rejects.toBeInstanceOf(CorruptRecordError);
      await expect(collect(store.scan('edited.'))).rejects.toBeInstanceOf(CorruptRecordError);
    } finally {
      await store.close();
    }
  });

  it('fails with StoreUnavailableError while its server is stopped, without crashing, and works again once it is back', async () => {
    const server = await relayTo(database.url);
    const store = await createStore(server.url);
    try {
      await store.set('outage.before', 1);
      await server.cut();
      // Idle pooled connections notice the server is gone (an unhandled pool error would crash the process here).
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(store.get('outage.before')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.set('outage.during', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.add('outage.during', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(collect(store.scan('outage.'))).rejects.toBeInstanceOf(StoreUnavailableError);
      await server.restore();
      await vi.waitFor(async () => expect(await store.get('outage.before')).toBe(1), { timeout: 10_000, interval: 100 });
      await store.set('outage.after', 3);
      expect(await collect(store.scan('outage.'))).toEqual([
        ['outage.after', 3],
        ['outage.before', 1],
      ]);
    } finally {
      await store.close();
      await server.close();
    }
  });
});
