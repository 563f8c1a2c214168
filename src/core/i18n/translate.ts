import { en } from './en';
import { fr, type MessageKey } from './fr';
import type { Locale, LocalizedText } from './locale';

export type { MessageKey } from './fr';
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return format(locale, catalogues[locale][key], params);
}

/**
 * `{name}` and ICU plurals (`{count, plural, =0 {…} one {# binôme} other {# binômes}}`), the
 * subset of ICU MessageFormat the catalogue uses until it moves to intl-messageformat.
 */
function format(locale: Locale, text: string, params: MessageParams): string {
  let out = '';
  for (let index = 0; index < text.length; ) {
    const end = text[index] === '{' ? closingBrace(text, index) : -1;
    if (end < 0) {
      out += text[index];
      index += 1;
      continue;
    }
    const replaced = placeholder(locale, text.slice(index + 1, end), params);
    // Anything else in braces is kept as written, placeholders inside it still filled.
    out += replaced ?? '{';
    index = replaced === undefined ? index + 1 : end + 1;
  }
  return out;
}

function placeholder(locale: Locale, inner: string, params: MessageParams): string | undefined {
  if (/^\w+$/.test(inner)) return params[inner] === undefined ? undefined : String(params[inner]);
  const plural = /^\s*(\w+)\s*,\s*plural\s*,/.exec(inner);
  const count = plural ? Number(params[plural[1] ?? '']) : Number.NaN;
  if (!plural || Number.isNaN(count)) return undefined;
  const branches = new Map<string, string>();
  const rest = inner.slice(plural[0].length);
  for (let index = 0; index < rest.length; ) {
    const selector = /^\s*(=\d+|\w+)\s*\{/.exec(rest.slice(index));
    if (!selector) break;
    const open = index + selector[0].length - 1;
    const close = closingBrace(rest, open);
    if (close < 0) break;
    branches.set(selector[1] ?? '', rest.slice(open + 1, close));
    index = close + 1;
  }
  const branch = branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get('other');
  return branch === undefined ? undefined : format(locale, branch.replace(/#/g, String(count)), params);
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The same message in every language, for texts rendered later in a reader's locale (form labels). */
export function localized(key: MessageKey, params: MessageParams = {}): LocalizedText {
  return { fr: translate('fr', key, params), en: translate('en', key, params) };
}

/** `{name}` and the counted name of a plural, `{count, plural, …}`. */
const PARAMETER = /\{(\w+)(?:\}|\s*,\s*plural\s*,)/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PARAMETER)].map((match) => match[1] ?? '').sort();
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(fr, value);
}
