import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRecordError } from '../../src/core/errors';
import { createStore } from '../../src/store/create-store';
import { createFormDraftRepository } from '../../src/store/form-draft-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from '../support/fixed-clock';

const alice = { platform: 'discord', communityId: '100000000000000001', userId: '200000000000000001' } as const;
const bob = { ...alice, userId: '200000000000000002' } as const;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-drafts-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.each([
  ['memory', () => createStore('memory://')],
  ['SQLite', () => createStore(`sqlite://${join(folder, 'drafts.sqlite')}`)],
])('form drafts on %s', (_name, open: () => Promise<KeyValueStore>) => {
  let store: KeyValueStore;
  const clock = fixedClock('2026-11-25T10:00:00.000Z');
  beforeEach(async () => {
    store = await open();
    clock.set('2026-11-25T10:00:00.000Z');
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps what was typed, lists and consents included, stamped with the time', async () => {
    const drafts = createFormDraftRepository(store, clock);
    const values = { name: 'Alice', fields: ['proteomique', 'lipidomique'], consentData: true };
    await drafts.save({ participant: alice, formId: 'mentorat.enrol', values, confirmed: ['name'] });
    expect(await drafts.find(alice, 'mentorat.enrol')).toEqual({
      participant: alice,
      formId: 'mentorat.enrol',
      values,
      confirmed: ['name'],
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(await drafts.find(bob, 'mentorat.enrol')).toBeUndefined();
  });

  it('forgets a draft untouched for more than a day', async () => {
    const drafts = createFormDraftRepository(store, clock);
    await drafts.save({ participant: alice, formId: 'mentorat.enrol', values: { name: 'Alice' }, confirmed: [] });
    clock.set('2026-11-26T09:59:00.000Z');
    expect(await drafts.find(alice, 'mentorat.enrol')).toBeDefined();
    clock.set('2026-11-26T10:00:01.000Z');
    expect(await drafts.find(alice, 'mentorat.enrol')).toBeUndefined();
    expect(await store.get(keyOf('form-draft', 'discord', alice.communityId, alice.userId, 'mentorat.enrol'))).toBeUndefined();
  });

  it('purges every draft untouched for a day, and never exports an expired one', async () => {
    const drafts = createFormDraftRepository(store, clock);
    await drafts.save({ participant: alice, formId: 'mentorat.enrol', values: { name: 'Alice' }, confirmed: [] });
    clock.set('2026-11-25T20:00:00.000Z');
    await drafts.save({ participant: bob, formId: 'mentorat.enrol', values: { name: 'Bob' }, confirmed: [] });
    clock.set('2026-11-26T10:00:01.000Z');
    expect(await drafts.exportFor(alice)).toEqual([]);
    await drafts.save({ participant: alice, formId: 'other.form', values: {}, confirmed: [] });
    clock.set('2026-11-26T20:00:01.000Z');
    expect(await drafts.purgeExpired()).toBe(1);
    expect(await drafts.find(bob, 'mentorat.enrol')).toBeUndefined();
    expect(await drafts.find(alice, 'other.form')).toBeDefined();
  });

  it('exports and erases one person’s drafts only, as personal data', async () => {
    const drafts = createFormDraftRepository(store, clock);
    await drafts.save({ participant: alice, formId: 'mentorat.enrol', values: { name: 'Alice' }, confirmed: [] });
    await drafts.save({ participant: bob, formId: 'mentorat.enrol', values: { name: 'Bob' }, confirmed: [] });
    expect(await drafts.exportFor(alice)).toMatchObject([{ values: { name: 'Alice' } }]);
    expect(await drafts.eraseFor(alice)).toBe(true);
    expect(await drafts.eraseFor(alice)).toBe(false);
    expect(await drafts.exportFor(alice)).toEqual([]);
    expect(await drafts.find(bob, 'mentorat.enrol')).toBeDefined();
  });

  it('refuses a record that is not a draft, or a draft copied under someone else’s key', async () => {
    const drafts = createFormDraftRepository(store, clock);
    await store.set(keyOf('form-draft', 'discord', alice.communityId, alice.userId, 'mentorat.enrol'), { values: 'x' });
    await expect(drafts.find(alice, 'mentorat.enrol')).rejects.toBeInstanceOf(CorruptRecordError);
    const bobs = await drafts.save({ participant: bob, formId: 'mentorat.enrol', values: {}, confirmed: [] });
    await store.set(keyOf('form-draft', 'discord', alice.communityId, alice.userId, 'mentorat.enrol'), bobs);
    await expect(drafts.find(alice, 'mentorat.enrol')).rejects.toThrow(/another participant/);
  });
});
