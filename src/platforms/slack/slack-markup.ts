import type { MarkupText } from '../../core/reply';

/*
 * Slack's mrkdwn has no escape for its formatting characters: `*bold*`, `_italic_`, `~strike~` and
 * `` `code` `` only ever turn off by position. A pair opens and closes at word boundaries only
 * ("a*b*c" stays plain), and a zero-width *space* counts as a boundary (jsx-slack forces formatting
 * inside words with it). So a plain formatting character is glued between two zero-width *joiners*:
 * whether Slack reads the joiner as a letter (the character is then inside a word) or as a space
 * (a marker then touches a space on its inner side), it cannot open or close a pair, and the joiner
 * shows nothing. Between two ASCII letters or digits a character is already inside a word, so it
 * goes as typed: a pasted "jean_dupont@x.fr" keeps working.
 * `&`, `<` and `>` are Slack's control characters (links, mentions, `<!everyone>`): they always go
 * as entities, so nothing a person typed can ping or link.
 */
const JOINER = '\u200D';
/** A soft hyphen before a line's first `&gt;`, so Slack does not read it as a quote (jsx-slack's way). */
const SOFT_HYPHEN = '\u00AD';
const FORMATTING = new Set(['*', '_', '~', '`']);
const WORD = /^[A-Za-z0-9]$/;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function entity(character: string): string {
  return ENTITIES[character] ?? character;
}

/** A character shown as itself, never as markup; `before` and `after` are its neighbours in the source. */
function plain(character: string, before: string | undefined, after: string | undefined): string {
  if (!FORMATTING.has(character)) return entity(character);
  if (WORD.test(before ?? '') && WORD.test(after ?? '')) return character;
  return `${JOINER}${character}${JOINER}`;
}

/** Where the next unescaped `marker` starts, from `from`, on the same line; -1 when there is none. */
function closing(text: string, from: number, marker: string): number {
  for (let index = from; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\n') return -1;
    if (character === '\\') index += 1;
    else if (text.startsWith(marker, index)) return index;
  }
  return -1;
}

const LINK = /^\[((?:\\.|[^\]\\\n])+)\]\((https?:\/\/[^)\s]+)\)/su;
/** `mention(id)` and `spaceMention(…)` of the core, when the id is one of Slack's (`U…`, `W…`, `C…`, …). */
const PERSON = /^<@([A-Z0-9]+)>/;
const SPACE = /^<#([A-Z0-9]+)\|[^>\n]*>/;

/**
 * Slack shows the person's or channel's current name. Unlike Discord, it cannot name someone without
 * notifying them: only code builds a mention (`literal` escapes a typed `<`), so nobody typed is pinged.
 */
function mentionAt(rest: string): { mrkdwn: string; length: number } | undefined {
  const person = PERSON.exec(rest);
  if (person) return { mrkdwn: `<@${person[1]}>`, length: person[0].length };
  const space = SPACE.exec(rest);
  if (space) return { mrkdwn: `<#${space[1]}>`, length: space[0].length };
  return undefined;
}

/** A link target inside `<…|…>`: `&` as an entity, and the characters that would end it percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(/[&<>|]/g, (character) => (character === '&' ? '&amp;' : encodeURIComponent(character)));
}

/** Inside backticks Slack formats nothing: only escapes resolve, and control characters become entities. */
function codeText(inner: string): string {
  return inner.replace(/\\(.)|([\s\S])/gsu, (_whole, escaped: string | undefined, other: string | undefined) =>
    escaped === '`' ? `${JOINER}\`${JOINER}` : entity(escaped ?? other ?? ''),
  );
}

function convert(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    const previous = text[index - 1];
    if (character === '\\' && index + 1 < text.length) {
      const escaped = String.fromCodePoint(text.codePointAt(index + 1) ?? 0);
      out += plain(escaped, previous, text[index + 1 + escaped.length]);
      index += 1 + escaped.length;
      continue;
    }
    if (text.startsWith('**', index)) {
      const end = closing(text, index + 2, '**');
      if (end > index + 2) {
        out += `*${convert(text.slice(index + 2, end))}*`;
        index = end + 2;
        continue;
      }
    }
    if (character === '`') {
      const end = closing(text, index + 1, '`');
      if (end > index + 1) {
        out += `\`${codeText(text.slice(index + 1, end))}\``;
        index = end + 1;
        continue;
      }
    }
    if (character === '<') {
      const mentioned = mentionAt(text.slice(index));
      if (mentioned) {
        out += mentioned.mrkdwn;
        index += mentioned.length;
        continue;
      }
    }
    if (character === '[') {
      const link = LINK.exec(text.slice(index));
      if (link) {
        out += `<${linkTarget(link[2] ?? '')}|${convert(link[1] ?? '')}>`;
        index += link[0].length;
        continue;
      }
    }
    // `_italic_` means the same in both markups; a lone `*` or a `~` means nothing in the neutral one.
    out += character === '_' ? character : plain(character, previous, text[index + 1]);
    index += 1;
  }
  return out;
}

/**
 * The neutral markup as Slack mrkdwn: `**bold**` → `*bold*`, `[label](url)` → `<url|label>`,
 * `<@U…>` kept, `<#C…|name>` → `<#C…>`, `_italic_`, backticks and `- ` / `1. ` lines as they are;
 * backslash-escaped characters plain (an escaped `\<@U…>` from `literal` shows as typed).
 */
export function markupToMrkdwn(text: MarkupText): string {
  return convert(text).replace(/^&gt;/gm, `${SOFT_HYPHEN}&gt;`);
}
