import { describe, expect, it, vi } from 'vitest';
import { CorruptRecordError, StoreUnavailableError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import { keyOf } from '../../src/store/key-segments';
import { createRedisStore, openRedisStore } from '../../src/store/redis-store';
import { describeEnrolmentRepository } from './enrolment-repository-contract';
import { describeFeedbackRepository } from './feedback-repository-contract';
import { describeFollowUpRepositories } from './follow-up-repositories-contract';
import { describeJobRepository } from './job-repository-contract';
import { describePairingRepositories } from './pairing-repositories-contract';
import { describeReportRepository } from './report-repository-contract';
import { closedPort, REDIS_SKIPPED, redisUrl, relayTo, useRedisDatabase } from './server-databases';
import { collect, describeStoreContract } from './store-contract';

describe.skipIf(!redisUrl)(redisUrl ? 'Redis' : `Redis store (${REDIS_SKIPPED})`, () => {
  const database = useRedisDatabase('redis-store');

  describeStoreContract('Redis', () => createStore(database.url), {
    persistent: true,
    outage: async () => createRedisStore(`redis://127.0.0.1:${await closedPort()}/1`),
  });

  describeEnrolmentRepository('Redis', () => createStore(database.url));
  describePairingRepositories('Redis', () => createStore(database.url));
  describeFollowUpRepositories('Redis', () => createStore(database.url));
  describeFeedbackRepository('Redis', () => createStore(database.url));
  describeJobRepository('Redis', () => createStore(database.url));
  describeReportRepository('Redis', () => createStore(database.url));

  describe('a Redis store', () => {
    it('keeps each record as one string under the key mentorat:<key>, in the database the URL names', async () => {
      const store = await createStore(database.url);
      try {
        await store.set(keyOf('enrolment', 'terminal', 'local', 'Alice'), { ok: true });
        const admin = database.client();
        expect(await admin.keys('*')).toEqual(['mentorat:enrolment.terminal.local.~41lice']);
        expect(await admin.get('mentorat:enrolment.terminal.local.~41lice')).toBe(JSON.stringify({ value: { ok: true } }));
      } finally {
        await store.close();
      }
    });

    it('adds a record as the very string set would write, colon-escaped strings included', async () => {
      const store = await createStore(database.url);
      try {
        const value = { note: ':starts with a colon', list: [1, null] };
        await store.set('raw.set', value);
        expect(await store.add('raw.added', value)).toBe(true);
        const admin = database.client();
        expect((await admin.keys('*')).sort()).toEqual(['mentorat:raw.added', 'mentorat:raw.set']);
        expect(await admin.get('mentorat:raw.added')).toBe(await admin.get('mentorat:raw.set'));
      } finally {
        await store.close();
      }
    });

    it('fails at once with StoreUnavailableError when the server cannot be reached, naming it without the password', async () => {
      const port = await closedPort();
      const failure = openRedisStore(`redis://bot:s3cret@127.0.0.1:${port}/1`);
      await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(failure).rejects.toThrow(`open (redis://127.0.0.1:${port}/1)`);
      await expect(failure).rejects.not.toThrow(/s3cret|bot/);
    });

    it.each([
      ['text that is not JSON', '{"value": '],
      ['JSON that is not a Keyv record', '42'],
    ])('reports %s, written by hand, as a corrupt record rather than an outage', async (_, raw) => {
      const store = await createStore(database.url);
      try {
        await database.client().set('mentorat:edited.by.hand', raw);
        await expect(store.get('edited.by.hand')).rejects.toBeInstanceOf(CorruptRecordError);
        await expect(collect(store.scan('edited.'))).rejects.toBeInstanceOf(CorruptRecordError);
      } finally {
        await store.close();
      }
    });

    it('fails at once with StoreUnavailableError while its server is stopped, and works again once it is back', async () => {
      const server = await relayTo(database.url);
      const store = await createStore(server.url);
      try {
        await store.set('outage.before', 1);
        await server.cut();
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Without disableOfflineQueue these would wait, queued, for the server to come back.
        await expect(store.get('outage.before')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.set('outage.during', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.add('outage.during', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.delete('outage.before')).rejects.toBeInstanceOf(StoreUnavailableError);
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

    it('closes at once while its server is stopped', async () => {
      const server = await relayTo(database.url);
      const store = await createStore(server.url);
      try {
        await store.set('outage.before', 1);
        await server.cut();
        await new Promise((resolve) => setTimeout(resolve, 200));
        const started = performance.now();
        await store.close();
        expect(performance.now() - started).toBeLessThan(1000);
      } finally {
        await store.close();
        await server.close();
      }
    });
  });
});
