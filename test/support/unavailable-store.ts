import { StoreUnavailableError } from '../../src/core/errors';
import type { KeyValueStore } from '../../src/store/key-value-store';

const failingListing = (): AsyncIterable<[string, unknown]> => ({
  [Symbol.asyncIterator]: () => ({
    next: async () => {
      throw new StoreUnavailableError('scan', { cause: new Error('connect ECONNREFUSED 127.0.0.1:6379') });
    },
  }),
});

/** A store whose server is down: every operation fails as the Keyv stores do with throwOnErrors. */
export function createUnavailableStore(): KeyValueStore {
  const down = (operation: string) => new StoreUnavailableError(operation, { cause: new Error('connect ECONNREFUSED 127.0.0.1:6379') });
  return {
    get: async () => {
      throw down('get');
    },
    set: async () => {
      throw down('set');
    },
    add: async () => {
      throw down('add');
    },
    delete: async () => {
      throw down('delete');
    },
    scan: () => failingListing(),
    scanBelow: () => failingListing(),
    close: async () => undefined,
  };
}

/** A working store whose writes of enrolments fail while `down` is true: an outage at the worst moment. */
export function withEnrolmentWritesFailing(store: KeyValueStore): KeyValueStore & { down: boolean } {
  const failing = {
    ...store,
    down: false,
    async set(key: string, value: unknown) {
      if (failing.down && key.startsWith('enrolment.')) {
        throw new StoreUnavailableError('set', { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') });
      }
      return store.set(key, value);
    },
    scan: (prefix: string) => store.scan(prefix),
    scanBelow: (prefix: string, below: string) => store.scanBelow(prefix, below),
    close: () => store.close(),
  };
  return failing;
}

/** A working store that fails every call while `down` is true, as a server that stops answering mid-way. */
export function withOutage(store: KeyValueStore): KeyValueStore & { down: boolean } {
  const failing = {
    down: false,
    check(operation: string) {
      if (failing.down) throw new StoreUnavailableError(operation, { cause: new Error('no answer within 2000 ms') });
    },
    async get(key: string) {
      failing.check('get');
      return store.get(key);
    },
    async set(key: string, value: unknown) {
      failing.check('set');
      return store.set(key, value);
    },
    async add(key: string, value: unknown) {
      failing.check('add');
      return store.add(key, value);
    },
    async delete(key: string) {
      failing.check('delete');
      return store.delete(key);
    },
    async *scan(prefix: string) {
      failing.check('scan');
      yield* store.scan(prefix);
    },
    async *scanBelow(prefix: string, below: string) {
      failing.check('scan');
      yield* store.scanBelow(prefix, below);
    },
    close: () => store.close(),
  };
  return failing;
}
