import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { CorruptRecordError, StoreUnavailableError } from '../core/errors';
import type { KeyValueStore } from './key-value-store';

const NAMESPACE = 'mentorat';
/** Keyv stores our key `k` as `mentorat:k`. */
const KEYV_PREFIX = `${NAMESPACE}:`;

/**
 * The raw rows whose Keyv key starts with `keyvPrefix` (and sorts before `keyvBelow` when
 * given), as the backend holds them. A backend may yield more than asked (createKeyvStore
 * filters exactly), never fewer.
 */
export type RawEntries = (keyvPrefix: string, keyvBelow?: string) => AsyncIterable<readonly [string, unknown]>;

/**
 * Writes `serialized` under `keyvKey` unless a row already holds that key, as one atomic step of
 * the backend (never a read then a write): true when this call wrote it. Keyv has no such
 * operation, so each backend brings its own.
 */
export type InsertIfAbsent = (keyvKey: string, serialized: string) => Promise<boolean>;

/** What a backend gives createKeyvStore besides Keyv itself. */
export interface RawAccess {
  readonly rawEntries: RawEntries;
  readonly insertIfAbsent: InsertIfAbsent;
}

/** A stored text Keyv cannot turn back into `{ value }`: a manual edit, not an outage. */
class UnreadableValueError extends Error {}

export function createKeyv(store: KeyvStoreAdapter | Map<string, unknown>): Keyv {
  const keyv = new Keyv({ store, namespace: NAMESPACE, throwOnErrors: true });
  // Callers get every error through throwOnErrors; this listener only keeps an emitted one from being unhandled.
  keyv.on('error', () => undefined);
  markUnreadableValues(keyv);
  return keyv;
}

/** Keyv parses stored text outside its error handling: tell a bad record from an outage here. */
function markUnreadableValues(keyv: Keyv): void {
  const read = keyv.deserialize;
  if (read === undefined) {
    return;
  }
  keyv.deserialize = async <Value>(data: string) => {
    let parsed: Awaited<ReturnType<typeof read<Value>>>;
    try {
      parsed = await read<Value>(data);
    } catch (error) {
      throw new UnreadableValueError('it is not valid JSON', { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new UnreadableValueError('it is not a Keyv record ({ value })');
    }
    return parsed;
  };
}

/**
 * get/set/delete go through Keyv (serialization, throwOnErrors). add serializes through Keyv too,
 * so that get and scan read an added record exactly as a set one. scan does not use
 * `keyv.iterator()`: it lists a whole namespace through the adapter's mutable `namespace` field,
 * and @keyv/sqlite's runs a case-insensitive `LIKE` (no index) with OFFSET paging, so listing
 * one community would read every record, quadratically. Each backend lists a key range instead.
 */
export function createKeyvStore(keyv: Keyv, { rawEntries, insertIfAbsent }: RawAccess): KeyValueStore {
  let closed = false;
  const ensureOpen = (operation: string): void => {
    if (closed) {
      throw new StoreUnavailableError(operation, { cause: new Error('the store is closed') });
    }
  };

  async function* entries(prefix: string, below: string | undefined): AsyncIterable<[string, unknown]> {
    ensureOpen('scan');
    const keyvPrefix = KEYV_PREFIX + prefix;
    const keyvBelow = below === undefined ? undefined : KEYV_PREFIX + below;
    try {
      for await (const [keyvKey, raw] of rawEntries(keyvPrefix, keyvBelow)) {
        if (keyvKey.startsWith(keyvPrefix) && (keyvBelow === undefined || keyvKey < keyvBelow)) {
          const key = keyvKey.slice(KEYV_PREFIX.length);
          yield [key, await readRaw(keyv, key, raw)];
        }
      }
    } catch (error) {
      throw failure('scan', prefix, error);
    }
  }

  return {
    async get(key) {
      checkKey(key);
      ensureOpen('get');
      try {
        return await keyv.get<unknown>(key);
      } catch (error) {
        throw failure('get', key, error);
      }
    },

    async set(key, value) {
      checkKey(key);
      checkValue(key, value);
      ensureOpen('set');
      let written: boolean;
      try {
        written = await keyv.set(key, value);
      } catch (error) {
        throw failure('set', key, error);
      }
      if (!written) {
        throw new StoreUnavailableError('set', { cause: new Error(`the backend did not write ${key}`) });
      }
    },

    async add(key, value) {
      checkKey(key);
      checkValue(key, value);
      ensureOpen('add');
      try {
        return await insertIfAbsent(KEYV_PREFIX + key, await serialize(keyv, value));
      } catch (error) {
        throw failure('add', key, error);
      }
    },

    async delete(key) {
      checkKey(key);
      ensureOpen('delete');
      try {
        return await keyv.delete(key);
      } catch (error) {
        throw failure('delete', key, error);
      }
    },

    scan: (prefix) => entries(prefix, undefined),
    scanBelow: (prefix, below) => entries(prefix, below),

    async close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        await keyv.disconnect();
      } catch (error) {
        throw new StoreUnavailableError('close', { cause: error });
      }
    },
  };
}

/** Keyv treats a key that starts with `mentorat:` as already prefixed: `mentorat:x` and `x` would collide. */
function checkKey(key: string): void {
  if (key.includes(':')) {
    throw new RangeError(`store keys never contain ":" (build them with keyOf): ${JSON.stringify(key)}`);
  }
}

/** The text Keyv's own `set` stores for `value` when no time to live is given. */
async function serialize(keyv: Keyv, value: unknown): Promise<string> {
  const serialized = await keyv.serializeData({ value, expires: undefined });
  // createKeyv keeps Keyv's JSON serializer: anything else means the backends would store objects.
  if (typeof serialized !== 'string') {
    throw new TypeError('Keyv did not serialize the value to text');
  }
  return serialized;
}

/** Keyv would store undefined as an empty record, read back as a missing one: the caller meant something else. */
function checkValue(key: string, value: unknown): void {
  if (value === undefined) {
    throw new TypeError(`cannot store undefined under ${key}: delete the key instead`);
  }
}

async function readRaw(keyv: Keyv, key: string, raw: unknown): Promise<unknown> {
  if (typeof raw !== 'string') {
    throw new CorruptRecordError(key, 'it is not a serialized Keyv record');
  }
  try {
    return (await keyv.deserializeData<unknown>(raw))?.value;
  } catch (error) {
    throw failure('scan', key, error);
  }
}

function failure(operation: string, key: string, error: unknown): Error {
  if (error instanceof CorruptRecordError) {
    return error;
  }
  if (error instanceof UnreadableValueError) {
    return new CorruptRecordError(key, error.message);
  }
  return new StoreUnavailableError(operation, { cause: error });
}
