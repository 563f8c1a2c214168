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
  set(record: T): Promise<void>;
  /** Writes unless the key holds something: true when written. */
  add(record: T): Promise<boolean>;
  remove(...parts: readonly string[]): Promise<boolean>;
}

export function createRecordCollection<T>(
  store: KeyValueStore,
  kind: string,
  schema: z.ZodType<T>,
  partsOf: (record: T) => readonly string[],
): RecordCollection<T> {
  const keyFor = (parts: readonly string[]) => keyOf(kind, ...parts);
  const recordKey = (record: T) => keyFor(partsOf(record));

  function read(key: string, value: unknown): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CorruptRecordError(key, z.prettifyError(parsed.error));
    if (recordKey(parsed.data) !== key) throw new CorruptRecordError(key, 'it is stored under a key that is not its own');
    return parsed.data;
  }

  function checked(record: T): T {
    const parsed = schema.safeParse(record);
    if (!parsed.success) throw new Error(`refusing to store an invalid ${kind} record: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  return {
    keyOf: recordKey,
    async find(...parts) {
      const key = keyFor(parts);
      const value = await store.get(key);
      return value === undefined ? undefined : read(key, value);
    },
    async list(...parts) {
      const found: [string, T][] = [];
      for await (const [key, value] of store.scan(`${keyFor(parts)}.`)) found.push([key, read(key, value)]);
      return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
    },
    // Async, so that an invalid record is a rejected promise like any other failure to write.
    set: async (record) => store.set(recordKey(record), checked(record)),
    add: async (record) => store.add(recordKey(record), checked(record)),
    remove: (...parts) => store.delete(keyFor(parts)),
  };
}
