/**
 * Characters no free text may hold: C0 controls (a new line only where the field takes several
 * lines), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. Typed in a
 * name they clear a coordinator's terminal, change its title, or show a text backwards in a chat;
 * no one needs them to write a name or a message.
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x09],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
const characterClass = (ranges: readonly (readonly [number, number])[]) =>
  `[${ranges.map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`).join('')}]`;
const FORBIDDEN = new RegExp(characterClass(RANGES), 'u');
const FORBIDDEN_ALL = new RegExp(characterClass(RANGES), 'gu');
/** The same with the new line, for text shown on one line (a label). */
const FORBIDDEN_ON_ONE_LINE = new RegExp(characterClass([[0x00, 0x1f], ...RANGES.slice(2)]), 'gu');
/** A Windows line end in a text of several lines, as some clients send it. */
const CRLF = /\r\n/g;

export interface PlainTextRules {
  /** Whether the text may hold new lines (`\n`, or `\r\n`). */
  readonly multiline: boolean;
}

/** The first character the text may not hold, or nothing when it is plain. */
export function forbiddenCharacter(text: string, rules: PlainTextRules): string | undefined {
  const checked = rules.multiline ? text.replace(CRLF, '\n') : text;
  if (!rules.multiline && checked.includes('\n')) return '\n';
  return FORBIDDEN.exec(checked)?.[0];
}

/** `U+001B`: how an error names a character that cannot be shown. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The text with every such character replaced by a visible sign: C0 controls by their Unicode
 * pictures (␛ for ESC, ␀ for NUL), DEL by ␡, the others by `\u{…}`. New lines stay when kept.
 */
export function showControlCharacters(text: string, keepNewLines = true): string {
  return text.replace(keepNewLines ? FORBIDDEN_ALL : FORBIDDEN_ON_ONE_LINE, (character) => {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\u{${code.toString(16).toUpperCase()}}`;
  });
}
