import { foldForMatching } from '../core/forms/raw-input';

/**
 * A command typed as text (the terminal chat, a Slack slash command): the command words, then
 * `key:value` options. Discord gives options already split; text platforms share this reading.
 */
export interface CommandLine {
  readonly words: readonly string[];
  readonly rest: string;
}

export function splitCommandLine(line: string): CommandLine {
  const text = line.trim().replace(/^\//, '');
  const words: string[] = [];
  let rest = text;
  // Command words come first and contain no colon; the first `key:` starts the options.
  while (words.length < 2) {
    const match = /^([^\s:]+)(?:\s+|$)/.exec(rest);
    if (!match?.[1] || /^[\p{L}][\p{L}\p{N}_-]*:/u.test(rest)) break;
    words.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return { words, rest: rest.trim() };
}

/**
 * The names a key may be typed as, folded (case and accents ignored), each giving the key it
 * stands for: `personne` and `person` both give `person`.
 */
export type KeyNames = ReadonlyMap<string, string>;

export function keyNames(entries: Iterable<readonly [typed: string, key: string]>): KeyNames {
  const names = new Map<string, string>();
  for (const [typed, key] of entries) if (!names.has(foldForMatching(typed))) names.set(foldForMatching(typed), key);
  return names;
}

export interface InlineValues {
  /** By key, whichever of its names was typed. */
  readonly values: Readonly<Record<string, string>>;
  /** `word:value` that names no key, wherever it stands: the line is refused rather than misread. */
  readonly unknownKeys: readonly string[];
  /** Text before the first `key:`, as Slack users type `/mentorat interets mentor`. */
  readonly leading: string;
}

const QUOTED = /^\s*(["'])/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/s.exec(trimmed) ?? /^'(.*)'$/s.exec(trimmed);
  return quoted?.[1] ?? trimmed;
}

/** Where a value opened by a quote ends (after its closing quote), when it is closed before a space or the end. */
function quotedValueEnd(rest: string, valueStart: number): number | undefined {
  const opening = QUOTED.exec(rest.slice(valueStart));
  if (!opening?.[1]) return undefined;
  const from = valueStart + opening[0].length;
  const closing = new RegExp(`${opening[1]}(?=\\s|$)`, 'g');
  closing.lastIndex = from;
  const found = closing.exec(rest);
  return found ? found.index + 1 : undefined;
}

/**
 * `word:` followed by text reads as a key, unless it is prose (`voir: ceci`, a space after the
 * colon) or a link (`https://…`).
 */
function looksLikeKey(rest: string, colon: number): boolean {
  const after = rest.slice(colon + 1);
  return after !== '' && !/^\s/.test(after) && !after.startsWith('//');
}

/**
 * Parses `role:mentor name:Alice Martin affiliation:"Institut X"` as Discord options would be
 * given: a value runs until the next known `key:`, so values may contain spaces, colons
 * followed by a space, and links; a quoted value may contain anything.
 */
export function parseInlineValues(rest: string, accepted: KeyNames | readonly string[]): InlineValues {
  const names = Array.isArray(accepted) ? keyNames(accepted.map((key) => [key, key] as const)) : (accepted as KeyNames);
  const starts: { key: string; keyStart: number; valueStart: number }[] = [];
  const unknownKeys: string[] = [];
  const pattern = /(^|\s)([\p{L}][\p{L}\p{N}_-]*):/gu;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    const typed = match[2] ?? '';
    const keyStart = match.index + (match[1]?.length ?? 0);
    const colon = keyStart + typed.length;
    const key = names.get(foldForMatching(typed));
    if (key !== undefined) {
      starts.push({ key, keyStart, valueStart: colon + 1 });
      const end = quotedValueEnd(rest, colon + 1);
      if (end !== undefined) pattern.lastIndex = end;
    } else if (looksLikeKey(rest, colon)) {
      unknownKeys.push(typed);
    }
  }
  const values: Record<string, string> = {};
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.keyStart ?? rest.length;
    values[start.key] = unquote(rest.slice(start.valueStart, end));
  });
  const leading = unquote(rest.slice(0, starts[0]?.keyStart ?? rest.length));
  return { values, unknownKeys, leading: unknownKeys.length > 0 ? '' : leading };
}
