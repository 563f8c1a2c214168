/**
 * A database URL as it may appear in errors and logs: scheme, host, port and database, never the
 * user name or password (`postgresql://bot:s3cret@db:5432/mentorat` → `postgresql://db:5432/mentorat`).
 */
export function describeServerUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    return scheme === undefined ? 'an unreadable URL' : `an unreadable ${scheme}:// URL`;
  }
}
