/**
 * Where records live, whatever the backend. Keys are built with `keyOf` (see key-segments.ts),
 * so they never hold `:`; every failure of the backend rejects with `StoreUnavailableError`.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Every [key, value] whose key starts exactly with `prefix` (case-sensitive, no wildcards), in no set order. */
  scan(prefix: string): AsyncIterable<[string, unknown]>;
  close(): Promise<void>;
}
