import { StoreUnavailableError } from '../../src/core/errors';
import type { KeyValueStore } from '../../src/store/key-value-store';

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
    delete: async () => {
      throw down('delete');
    },
    scan: () => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          throw down('scan');
        },
      }),
    }),
    close: async () => undefined,
  };
}
