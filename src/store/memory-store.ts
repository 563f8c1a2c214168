import type { KeyValueStore } from './key-value-store';
import { createKeyv, createKeyvStore } from './keyv-store';

/** For tests and trying the bot out: everything is gone when the process stops. */
export function openMemoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  // Copied before yielding, so that writes during a scan can neither skip nor repeat a record.
  return createKeyvStore(createKeyv(map), async function* (keyvPrefix) {
    yield* [...map].filter(([key]) => key.startsWith(keyvPrefix));
  });
}
