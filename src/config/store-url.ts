/**
 * The STORE_URL schemes this build can open, and how each is written in error messages. The env
 * schema checks a URL against them without loading any store driver; src/store/create-store.ts
 * opens one for each.
 */
export const STORE_URL_EXAMPLES = {
  memory: 'memory://',
  sqlite: 'sqlite://<file path>',
  redis: 'redis://<host>:<port>/<db>',
  rediss: 'rediss://<host>:<port>/<db> (TLS)',
  postgresql: 'postgresql://<user>:<password>@<host>:<port>/<database>',
  postgres: 'postgres://… (as postgresql://)',
} as const;

export type StoreScheme = keyof typeof STORE_URL_EXAMPLES;

/** Under Discord's and Slack's 3 seconds for an answer, with room for the rest of the work. */
export const DEFAULT_STORE_TIMEOUT_MS = 2000;

export const SUPPORTED_STORE_URLS = Object.values(STORE_URL_EXAMPLES).join(', ');

/** The scheme and what follows `scheme://`; undefined scheme when the URL has none. */
export function splitStoreUrl(url: string): { readonly scheme: string | undefined; readonly rest: string } {
  const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(url.trim());
  return { scheme: match?.[1]?.toLowerCase(), rest: match?.[2] ?? '' };
}

export function isStoreScheme(scheme: string | undefined): scheme is StoreScheme {
  return scheme !== undefined && Object.hasOwn(STORE_URL_EXAMPLES, scheme);
}

/** Whether STORE_URL names a backend this build can open; the env schema checks it at start-up. */
export function isSupportedStoreUrl(url: string): boolean {
  return isStoreScheme(splitStoreUrl(url).scheme);
}
