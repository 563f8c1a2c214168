/**
 * The neutral markup as plain terminal text: bold in ANSI when a person is watching,
 * nothing when the output is a transcript (piped, or read by a test).
 */
export function markupToTerminal(text: string, colour: boolean): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, (_whole, inner: string) => (colour ? `\u001b[1m${inner}\u001b[22m` : inner))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)');
}
