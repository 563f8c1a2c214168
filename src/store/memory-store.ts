import type { KeyValueStore } from './key-value-store';
import { createKeyv, createKeyvStore } from './keyv-store';

/** For tests and trying the bot out: everything is gone when the process stops. */
export function openMemoryStore(): KeyValueStore {
  const map = new Map<string, unknown>();
  return createKeyvStore(createKeyv(map), {
    // Copied before yielding, so that writes during a scan can neither skip nor repeat a record.
    // The prefix alone: createKeyvStore drops what sorts past `below`, a filter over the same copy.
    async *rawEntries(keyvPrefix) {
      yield* [...map].filter(([key]) => key.startsWith(keyvPrefix));
    },
    // Checked and written with no await between: no other add can run in the middle.
    async insertIfAbsent(keyvKey, serialized) {
      if (map.has(keyvKey)) {
        return false;
      }
      map.set(keyvKey, serialized);
      return true;
    },
  });
}
