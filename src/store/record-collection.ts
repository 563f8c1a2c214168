import { z } from 'zod';
import { CorruptRecordError } from '../core/errors';
import { keyOf } from './key-segments';
import type { KeyValueStore } from './key-value-store';

/**
 * Records of one kind, each under its own key built from its own fields: validated before every
 * write and on every read, and refused when found under a key that is not theirs (a record copied
 * elsewhere would be shown to, or erased for, the wrong person).
 */
export interface RecordCollection<T> {
  keyOf(record: T): string;
  find(...parts: readonly string[]): Promise<T | undefined>;
  /** Every record whose key starts with these parts, sorted by key. */
  list(...parts: readonly string[]): Promise<T[]>;
  /** The records `list(...parts)` gives whose key sorts before the key built from `below`, sorted by key. */
  listBelow(parts: readonly string[], below: readonly string[]): Promise<T[]>;
  set(record: T): Promise<void>;
  /** Writes unless the key holds something: true when written. */
  add(record: T): Promise<boolean>;
  remove(...parts: readonly string[]): Promise<boolean>;
}

/**
 * A shape records of a kind were stored in before (its `schemaVersion`), and how such a record
 * becomes the current shape. Build it with `olderShape`, so that `upgrade` is typed by `schema`.
 */
export interface OlderShape<T> {
  readonly schemaVersion: number;
  /** Parses a stored record of this version and upgrades it, or says why it cannot. */
  readonly read: (value: unknown) => { ok: true; record: T } | { ok: false; problem: string };
}

export function olderShape<Old, T>(schemaVersion: number, schema: z.ZodType<Old>, upgrade: (old: Old) => T): OlderShape<T> {
  return {
    schemaVersion,
    read(value) {
      const parsed = schema.safeParse(value);
      return parsed.success ? { ok: true, record: upgrade(parsed.data) } : { ok: false, problem: z.prettifyError(parsed.error) };
    },
  };
}

const versionOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && 'schemaVersion' in value ? value.schemaVersion : undefined;

/**
 * Records are written in the current shape only. One stored in an older shape (by an earlier
 * release) is parsed by that shape's schema, upgraded, checked against the current schema and
 * returned, never rewritten on read: a rewrite could overwrite what another process saved since
 * the read. It takes the current shape the next time the bot saves it.
 */
export function createRecordCollection<T>(
  store: KeyValueStore,
  kind: string,
  schema: z.ZodType<T>,
  partsOf: (record: T) => readonly string[],
  older: readonly OlderShape<T>[] = [],
): RecordCollection<T> {
  const keyFor = (parts: readonly string[]) => keyOf(kind, ...parts);
  const recordKey = (record: T) => keyFor(partsOf(record));

  function parse(key: string, value: unknown): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const shape = older.find((candidate) => candidate.schemaVersion === versionOf(value));
    if (shape === undefined) throw new CorruptRecordError(key, z.prettifyError(parsed.error));
    const upgraded = shape.read(value);
    if (!upgraded.ok) throw new CorruptRecordError(key, `as version ${shape.schemaVersion}: ${upgraded.problem}`);
    const current = schema.safeParse(upgraded.record);
    if (!current.success) {
      throw new CorruptRecordError(key, `upgraded from version ${shape.schemaVersion}: ${z.prettifyError(current.error)}`);
    }
    return current.data;
  }

  function read(key: string, value: unknown): T {
    const record = parse(key, value);
    if (recordKey(record) !== key) throw new CorruptRecordError(key, 'it is stored under a key that is not its own');
    return record;
  }

  function checked(record: T): T {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`refusing to store an invalid ${kind} record: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  async function sortedRecords(listing: AsyncIterable<[string, unknown]>): Promise<T[]> {
    const found: [string, T][] = [];
    for await (const [key, value] of listing) found.push([key, read(key, value)]);
    return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
  }

  return {
    keyOf: recordKey,
    async find(...parts) {
      const key = keyFor(parts);
      const value = await store.get(key);
      return value === undefined ? undefined : read(key, value);
    },
    list: (...parts) => sortedRecords(store.scan(`${keyFor(parts)}.`)),
    listBelow: (parts, below) => sortedRecords(store.scanBelow(`${keyFor(parts)}.`, keyFor(below))),
    // Async, so that an invalid record is a rejected promise like any other failure to write.
    set: async (record) => store.set(recordKey(record), checked(record)),
    add: async (record) => store.add(recordKey(record), checked(record)),
    remove: (...parts) => store.delete(keyFor(parts)),
  };
}
