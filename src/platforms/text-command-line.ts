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
    if (!match?.[1] || /^[\w-]+:/.test(rest)) break;
    words.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return { words, rest: rest.trim() };
}

export interface InlineValues {
  readonly values: Readonly<Record<string, string>>;
  /** `word:` prefixes that name no field, reported so a typo is not silently dropped. */
  readonly unknownKeys: readonly string[];
  /** Text before the first `key:`, as Slack users type `/mentorat interets mentor`. */
  readonly leading: string;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"(.*)"$/s.exec(trimmed) ?? /^'(.*)'$/s.exec(trimmed);
  return quoted?.[1] ?? trimmed;
}

/**
 * Parses `role:mentor name:Alice Martin affiliation:"Institut X"` as Discord options would be
 * given: a value runs until the next known `key:`, so values may contain spaces and colons.
 */
export function parseInlineValues(rest: string, knownKeys: readonly string[]): InlineValues {
  const known = new Set(knownKeys);
  const starts: { key: string; keyStart: number; valueStart: number }[] = [];
  const unknownKeys: string[] = [];
  for (const match of rest.matchAll(/(^|\s)([A-Za-z][\w-]*):/g)) {
    const key = match[2] ?? '';
    const keyStart = (match.index ?? 0) + (match[1]?.length ?? 0);
    if (known.has(key)) starts.push({ key, keyStart, valueStart: keyStart + key.length + 1 });
    else if (starts.length === 0) unknownKeys.push(key);
  }
  const values: Record<string, string> = {};
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.keyStart ?? rest.length;
    values[start.key] = unquote(rest.slice(start.valueStart, end));
  });
  const leading = unquote(rest.slice(0, starts[0]?.keyStart ?? rest.length));
  return { values, unknownKeys, leading: unknownKeys.length > 0 ? '' : leading };
}
