/** Private-use characters standing for escaped ones while the markup is read. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The neutral markup as plain terminal text: bold in ANSI when a person is watching,
 * nothing when the output is a transcript (piped, or read by a test); people as `@id`, spaces
 * as `#name`. Escaped characters (`\*`, `\<`) are set aside first, so what a person typed
 * never turns into markup.
 */
export function markupToTerminal(text: string, colour: boolean): string {
  const escaped: string[] = [];
  return text
    .replace(/\\(.)/gsu, (_whole, character: string) => `${OPEN}${escaped.push(character) - 1}${CLOSE}`)
    .replace(/\*\*(.+?)\*\*/g, (_whole, inner: string) => (colour ? `\u001b[1m${inner}\u001b[22m` : inner))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/<@([^\s<>]+)>/g, '@$1')
    .replace(/<#[^<>|\n]+\|([^<>\n]*)>/g, '#$1')
    .replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_whole, index: string) => escaped[Number(index)] ?? '');
}
