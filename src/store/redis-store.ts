import KeyvRedis, { createClient } from '@keyv/redis';
import { z } from 'zod';
import { StoreUnavailableError } from '../core/errors';
import type { KeyValueStore } from './key-value-store';
import { createKeyv, createKeyvStore } from './keyv-store';
import { describeServerUrl } from './server-url';

/** Keys asked per SCAN step: Redis's default of 10 would mean a round trip per 10 keys. */
const SCAN_COUNT = 1000;
const MAX_RECONNECT_DELAY_MS = 2000;
const keysSchema = z.array(z.string());
const valuesSchema = z.array(z.string().nullable());

type RedisClient = ReturnType<typeof connectClient>;

/** Opens the store and connects once, failing at once if the server cannot be reached. */
export async function openRedisStore(url: string): Promise<KeyValueStore> {
  const { store, client } = redisStore(url);
  try {
    await client.connect();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreUnavailableError(`open (${describeServerUrl(url)})`, { cause: error });
  }
  return store;
}

/** A store that connects only when used: tests use it to simulate an outage. */
export function createRedisStore(url: string): KeyValueStore {
  return redisStore(url).store;
}

function redisStore(url: string): { store: KeyValueStore; client: RedisClient } {
  const client = connectClient(url);
  const adapter = new KeyvRedis(client, { throwOnErrors: true });
  const keyv = createKeyv(adapter);
  // Keyv hands its namespace to the adapter, which would prefix every key a second time
  // (`mentorat::mentorat:k`): keys stay `mentorat:k`, prefixed by Keyv as on every backend.
  adapter.namespace = undefined;
  const store = createKeyvStore(keyv, {
    // SCAN has no range: the prefix alone, and createKeyvStore drops what sorts past `below`
    // (a Redis scan walks the whole key space anyway, so a range costs it no more than a prefix).
    async *rawEntries(keyvPrefix) {
      await adapter.getClient(); // connects on first use, as get and set do
      yield* entriesByPrefix(client, keyvPrefix);
    },
    // SET NX checks and writes in one command: Redis answers OK to the one that wrote, null to the others.
    async insertIfAbsent(keyvKey, serialized) {
      await adapter.getClient();
      return (await client.set(keyvKey, serialized, { condition: 'NX' })) === 'OK';
    },
  });
  return { store, client };
}

function connectClient(url: string) {
  let everReady = false;
  const client = createClient({
    url,
    // While the server is away, calls fail at once instead of waiting in a queue for it to come back.
    disableOfflineQueue: true,
    socket: {
      // A server never reached is a wrong URL or an outage: fail now (the default retries forever,
      // and every call hangs). One that went away is reconnected to in the background.
      reconnectStrategy: (retries, cause) => (everReady ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : cause),
    },
  });
  client.on('ready', () => {
    everReady = true;
  });
  return client;
}

/**
 * SCAN walks the whole key space, MATCH only filters what it sends back; a key may come twice
 * when the server resizes its table meanwhile, and may be gone by the MGET.
 */
async function* entriesByPrefix(client: RedisClient, keyvPrefix: string): AsyncIterable<readonly [string, unknown]> {
  const seen = new Set<string>();
  for await (const batch of client.scanIterator({ MATCH: `${globEscape(keyvPrefix)}*`, COUNT: SCAN_COUNT })) {
    const keys: string[] = [];
    for (const key of keysSchema.parse(batch)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
    if (keys.length === 0) {
      continue;
    }
    const values = valuesSchema.parse(await client.mGet(keys));
    for (const [index, key] of keys.entries()) {
      const value = values[index];
      if (value !== null && value !== undefined) {
        yield [key, value];
      }
    }
  }
}

/** Our keys hold no glob character (see key-segments.ts), but scan takes any prefix. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
