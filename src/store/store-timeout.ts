import { StoreUnavailableError } from '../core/errors';
import type { KeyValueStore } from './key-value-store';

/**
 * A server that stops answering without closing the connection (SIGSTOP, a stuck VM, a network
 * partition) leaves every call waiting for the TCP timeout, minutes; Discord and Slack drop an
 * interaction not answered within 3 seconds. Every call gives up after `timeoutMs` with the
 * outage error the dispatcher already turns into "temporarily unavailable". A call given up on
 * may still complete on the server later, as when a connection drops after sending.
 */
export function withStoreTimeout(store: KeyValueStore, timeoutMs: number): KeyValueStore {
  const timed = <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(operation, { cause: new Error(`no answer within ${timeoutMs} ms`) })),
        timeoutMs,
      );
    });
    const running = call();
    // A call that fails after its time is up has already been reported as an outage.
    running.catch(() => undefined);
    return Promise.race([running, expired]).finally(() => clearTimeout(timer));
  };

  async function* timedListing(listing: AsyncIterable<[string, unknown]>): AsyncIterable<[string, unknown]> {
    const entries = listing[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await timed('scan', () => entries.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // Not awaited: a frozen server would hold the caller here too.
      entries.return?.()?.catch(() => undefined);
    }
  }

  return {
    get: (key) => timed('get', () => store.get(key)),
    set: (key, value) => timed('set', () => store.set(key, value)),
    add: (key, value) => timed('add', () => store.add(key, value)),
    delete: (key) => timed('delete', () => store.delete(key)),
    // Each step of a listing gets the whole time: a long listing is fine as long as the server answers.
    scan: (prefix) => timedListing(store.scan(prefix)),
    scanBelow: (prefix, below) => timedListing(store.scanBelow(prefix, below)),
    close: () => timed('close', () => store.close()),
  };
}
