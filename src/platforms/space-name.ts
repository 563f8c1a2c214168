/**
 * A channel name every platform accepts, from a readable one: lowercase ASCII letters, digits,
 * `-` and `_`, no accents or spaces (Slack's rule, the strictest), at most `maxLength` characters
 * (Slack 80, Discord 100).
 */
export function channelName(base: string, maxLength = 80): string {
  const name = base
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (name || 'binome').slice(0, maxLength);
}
