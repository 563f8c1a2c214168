import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorruptRecordError } from '../../src/core/errors';
import type { Enrolment } from '../../src/core/participants/enrolment';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { openMemoryStore } from '../../src/store/memory-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { createRecordCollection, olderShape } from '../../src/store/record-collection';
import { openRedisStore } from '../../src/store/redis-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { LOCAL, makeEnrolment, participantIn } from './enrolment-fixture';
import { redisUrl, usePostgresDatabase, useRedisDatabase } from './server-databases';

/** An enrolment as the release before version 2 saved it: consents dated only. */
function storedByVersion1(enrolment: Enrolment): unknown {
  const { dataNoticeText: _dropped, ...consents } = enrolment.consents;
  const { pairAgain: _never, ...rest } = enrolment;
  return { ...rest, schemaVersion: 1, consents };
}

/** An enrolment as the release before version 3 saved it: no "pair me again" answer. */
function storedByVersion2(enrolment: Enrolment): unknown {
  const { pairAgain: _never, ...rest } = enrolment;
  return { ...rest, schemaVersion: 2 };
}

const enrolmentKey = (userId: string) => keyOf('enrolment', LOCAL.platform, LOCAL.id, userId);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-versions-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const postgres = usePostgresDatabase('record_collection');
const redis = useRedisDatabase('record-collection');

const backends: [string, () => Promise<KeyValueStore>][] = [
  ['memory', async () => openMemoryStore()],
  ['SQLite', () => openSqliteStore(join(folder, `${Math.random().toString(36).slice(2)}.sqlite`))],
  ['PostgreSQL', () => openPostgresStore(postgres.url)],
  ...(redisUrl ? [['Redis', () => openRedisStore(redis.url)] satisfies [string, () => Promise<KeyValueStore>]] : []),
];

describe.each(backends)('an enrolment stored in version 2 (%s)', (_name, open) => {
  it('is read as version 3 that did not ask to be paired again, and saved as version 3 with the answer', async () => {
    const store = await open();
    const old = makeEnrolment({ participant: participantIn(LOCAL, 'alice') });
    await store.set(enrolmentKey('alice'), storedByVersion2(old));
    const enrolments = createEnrolmentRepository(store);
    const read = await enrolments.find(participantIn(LOCAL, 'alice'));
    expect(read).toEqual({ ...old, schemaVersion: 3, pairAgain: false });
    expect(await store.get(enrolmentKey('alice'))).toMatchObject({ schemaVersion: 2 });
    if (read === undefined) throw new Error('the enrolment was not found');
    await enrolments.save({ ...read, revision: 2, pairAgain: true });
    expect(await store.get(enrolmentKey('alice'))).toMatchObject({ schemaVersion: 3, pairAgain: true });
    expect((await enrolments.find(participantIn(LOCAL, 'alice')))?.pairAgain).toBe(true);
    await store.close();
  });
});

describe.each(backends)('an enrolment stored in version 1 (%s)', (_name, open) => {
  it('is read upgraded to version 3, its accepted notice unknown rather than guessed, not asking to be paired again', async () => {
    const store = await open();
    const old = makeEnrolment({ participant: participantIn(LOCAL, 'alice') });
    await store.set(enrolmentKey('alice'), storedByVersion1(old));
    const enrolments = createEnrolmentRepository(store);

    const expected = {
      ...old,
      schemaVersion: 3,
      pairAgain: false,
      consents: { pillars: old.consents.pillars, dataNotice: old.consents.dataNotice, dataNoticeText: null },
    };
    expect(await enrolments.find(participantIn(LOCAL, 'alice'))).toEqual(expected);
    expect(await enrolments.listByCommunity(LOCAL)).toEqual([expected]);
    // "My data" shows the upgraded record too.
    expect(await enrolments.exportFor(participantIn(LOCAL, 'alice'))).toEqual(expected);
    await store.close();
  });

  it('stays as stored until it is saved again, then is stored in version 3', async () => {
    const store = await open();
    await store.set(enrolmentKey('alice'), storedByVersion1(makeEnrolment()));
    const enrolments = createEnrolmentRepository(store);

    const read = await enrolments.find(participantIn(LOCAL, 'alice'));
    expect(await store.get(enrolmentKey('alice'))).toMatchObject({ schemaVersion: 1 });
    if (read === undefined) throw new Error('the enrolment was not found');
    await enrolments.save({ ...read, revision: read.revision + 1 });
    expect(await store.get(enrolmentKey('alice'))).toMatchObject({
      schemaVersion: 3,
      revision: 2,
      pairAgain: false,
      consents: { dataNoticeText: null },
    });
    await store.close();
  });

  it('is listed beside enrolments of version 3, in order of enrolment', async () => {
    const store = await open();
    const enrolments = createEnrolmentRepository(store);
    await enrolments.save(makeEnrolment({ participant: participantIn(LOCAL, 'bob'), enrolledAt: '2025-02-01T00:00:00.000Z' }));
    await store.set(enrolmentKey('alice'), storedByVersion1(makeEnrolment({ enrolledAt: '2025-01-01T00:00:00.000Z' })));

    const listed = await enrolments.listByCommunity(LOCAL);
    expect(listed.map((enrolment) => [enrolment.participant.userId, enrolment.schemaVersion, enrolment.consents.dataNoticeText])).toEqual([
      ['alice', 3, null],
      ['bob', 3, 'Le bot conserve vos réponses au formulaire d’inscription.'],
    ]);
    await store.close();
  });

  it('is refused as corrupt when it does not fit version 1 either, naming the version it claimed', async () => {
    const store = await open();
    await store.set(enrolmentKey('alice'), { ...(storedByVersion1(makeEnrolment()) as object), revision: 0 });
    await store.set(enrolmentKey('bob'), {
      ...(storedByVersion1(makeEnrolment({ participant: participantIn(LOCAL, 'bob') })) as object),
      schemaVersion: 7,
    });
    const enrolments = createEnrolmentRepository(store);

    const alice = enrolments.find(participantIn(LOCAL, 'alice'));
    await expect(alice).rejects.toBeInstanceOf(CorruptRecordError);
    await expect(alice).rejects.toThrow(
      /^stored record enrolment\.terminal\.local\.alice is invalid: as version 1: ✖ Too small: expected number to be >=1\n {2}→ at revision$/,
    );
    await expect(enrolments.find(participantIn(LOCAL, 'bob'))).rejects.toThrow(
      /enrolment\.terminal\.local\.bob is invalid: .*\n {2}→ at schemaVersion/,
    );
    await store.close();
  });

  it('is refused when found under another participant’s key, upgraded or not', async () => {
    const store = await open();
    await store.set(enrolmentKey('mallory'), storedByVersion1(makeEnrolment({ participant: participantIn(LOCAL, 'alice') })));
    await expect(createEnrolmentRepository(store).find(participantIn(LOCAL, 'mallory'))).rejects.toThrow(/not its own/);
    await store.close();
  });
});

describe('a record collection with an older shape', () => {
  const current = z.object({ schemaVersion: z.literal(2), id: z.string(), names: z.array(z.string()) });
  const version1 = z.object({ schemaVersion: z.literal(1), id: z.string(), name: z.string() });

  it('checks what an upgrade makes against the current schema, so a wrong upgrade is a corrupt record rather than a bad read', async () => {
    const store = openMemoryStore();
    const wrong = createRecordCollection(store, 'thing', current, (thing) => [thing.id], [
      olderShape(1, version1, (old) => ({ schemaVersion: 2 as const, id: old.id, names: [old.name, 3 as unknown as string] })),
    ]);
    await store.set(keyOf('thing', 'a'), { schemaVersion: 1, id: 'a', name: 'Ada' });
    await expect(wrong.find('a')).rejects.toThrow(
      /thing\.a is invalid: upgraded from version 1: ✖ Invalid input: expected string, received number/,
    );
  });
});
