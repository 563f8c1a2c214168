/**
 * Where records live, whatever the backend. Keys are built with `keyOf` (see key-segments.ts),
 * so they never hold `:`; every failure of the backend rejects with `StoreUnavailableError`.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes only if nothing is stored under `key`, atomically on every backend: of several
   * processes adding the same key at once, exactly one gets `true`. Claims (one run performs a
   * step, one confirmation creates the binômes) rest on it.
   */
  add(key: string, value: unknown): Promise<boolean>;
  delete(key: string): Promise<boolean>;
  /** Every [key, value] whose key starts exactly with `prefix` (case-sensitive, no wildcards), in no set order. */
  scan(prefix: string): AsyncIterable<[string, unknown]>;
  close(): Promise<void>;
}
