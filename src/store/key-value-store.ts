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
  /**
   * The entries of `scan(prefix)` whose key sorts before `below` (code point order; keys are
   * ASCII), in no set order. SQLite and PostgreSQL read only that stretch of their primary key,
   * so an index keyed by time (the job queue's due times) is read up to now and no further;
   * memory and Redis filter their prefix scan, which costs them no more than `scan`.
   */
  scanBelow(prefix: string, below: string): AsyncIterable<[string, unknown]>;
  close(): Promise<void>;
}
