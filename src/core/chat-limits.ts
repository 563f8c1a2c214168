/** Discord's message limit; a Slack section holds 3,000, so 2,000 fits everywhere. */
export const MAX_MESSAGE_LENGTH = 2000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cuts a line with no better place to cut, never between the two halves of an emoji. */
function hardCut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    if (end < text.length && end - start > 1 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

function pack(units: readonly string[], separator: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const unit of units) {
    const candidate = current === '' ? unit : `${current}${separator}${unit}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = unit;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Splits a long text into messages that each fit one chat message, cutting between
 * paragraphs first, then between lines, and inside a line only as a last resort.
 */
export function splitMessage(text: string, max = MAX_MESSAGE_LENGTH): string[] {
  if (text.length <= max) return [text];
  const paragraphs = text.split('\n\n').flatMap((paragraph) => {
    if (paragraph.length <= max) return [paragraph];
    return pack(
      paragraph.split('\n').flatMap((line) => (line.length <= max ? [line] : hardCut(line, max))),
      '\n',
      max,
    );
  });
  // Platforms refuse blank messages: a piece made of spacing only is dropped, edges are tidied.
  const pieces = pack(paragraphs, '\n\n', max)
    .map((piece) => piece.replace(/^\n+|\n+$/g, ''))
    .filter((piece) => piece.trim() !== '');
  return pieces.length > 0 ? pieces : [text.slice(0, max)];
}
