import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import type { Locale, LocalizedText } from './locale';
import type { ArgumentValue, ParamsOfText } from './message-params';

export type { MessageKey } from './fr';
export type { ArgumentValue } from './message-params';

/** Parameters of a message whose key is only known at run time (a stored error, a form problem). */
export type MessageParams = Readonly<Record<string, ArgumentValue>>;

/** What the message `K` needs, read from its French text (`{name}`, `{count, plural, …}`). */
export type ParamsOf<K extends MessageKey> = ParamsOfText<(typeof fr)[K]>;

/** Keys whose message takes no parameter. */
export type PlainMessageKey = { [K in MessageKey]: keyof ParamsOf<K> extends never ? K : never }[MessageKey];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The parameters argument for `K`: none for a plain message, else every one it names. A union
 * of keys (`a ? 'x' : 'y'`) must be given what each of them needs.
 */
export type ParamsArgument<K extends MessageKey> = MessageKey extends K
  ? [params: never, why: 'a key known only at run time: use message() where it is chosen, or translateUnchecked']
  : [K] extends [PlainMessageKey]
    ? []
    : [params: UnionToIntersection<ParamsOf<K>>];

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

const compiled = new Map<string, IntlMessageFormat>();

function compiledMessage(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    // Tags are not ours: `<commande>` in a help text is text, as is a mention's `<@id>`.
    message = new IntlMessageFormat(catalogues[locale][key], locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, message);
  }
  return message;
}

function isLocalizedText(value: ArgumentValue): value is LocalizedText {
  return typeof value === 'object' && value !== null;
}

/**
 * The ICU message `key` in `locale`. The type checker requires exactly the parameters the
 * French text names; a text given in every language is shown in the reader's.
 */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsArgument<K>): string {
  return translateUnchecked(locale, key, (params[0] ?? {}) as MessageParams);
}

/**
 * For keys known only at run time, whose parameters were checked where the key was chosen
 * (`message()`, `UserError`, `fieldError`). A missing one is shown as `{name}`, never thrown.
 */
export function translateUnchecked(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = compiledMessage(locale, key);
  const values: Record<string, string | number> = {};
  for (const name of argumentNames(message)) {
    const value = params[name];
    values[name] = value === undefined ? `{${name}}` : isLocalizedText(value) ? value[locale] : value;
  }
  const text = message.format(values);
  return typeof text === 'string' ? text : (text as unknown[]).join('');
}

const names = new WeakMap<IntlMessageFormat, readonly string[]>();

function argumentNames(message: IntlMessageFormat): readonly string[] {
  let found = names.get(message);
  if (!found) {
    found = [...new Set(argumentsOf(message.getAst()).map((argument) => argument.name))];
    names.set(message, found);
  }
  return found;
}

/** A message chosen now and rendered later in each reader's language, its parameters checked now. */
export interface Message {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export function message<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): Message {
  return { key, params: (params[0] ?? {}) as MessageParams };
}

export function render(locale: Locale, text: Message): string {
  return translateUnchecked(locale, text.key, text.params);
}

/** The same message in every language, for texts rendered later in a reader's locale (form labels). */
export function localized<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): LocalizedText {
  const given = (params[0] ?? {}) as MessageParams;
  return { fr: translateUnchecked('fr', key, given), en: translateUnchecked('en', key, given) };
}

/** An argument of a parsed message: its name and whether it is a count (plural, number). */
export interface MessageArgument {
  readonly name: string;
  readonly kind: 'text' | 'number' | 'select';
}

type AstElement = ReturnType<IntlMessageFormat['getAst']>[number];

/** What is read of a parsed element; the parser's own types (and enum) stay a test dependency. */
interface LooseElement {
  readonly type: number;
  readonly value: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstElement[] }>>;
}

// Element types of @formatjs/icu-messageformat-parser (its TYPE enum).
const ARGUMENT_KINDS: Readonly<Record<number, MessageArgument['kind']>> = {
  1: 'text',
  2: 'number',
  3: 'number',
  4: 'number',
  5: 'select',
  6: 'number',
};

/** Every argument a parsed message names, branches of plurals and selects included. */
export function argumentsOf(ast: readonly AstElement[]): MessageArgument[] {
  const found: MessageArgument[] = [];
  for (const element of ast as readonly LooseElement[]) {
    const kind = ARGUMENT_KINDS[element.type];
    if (kind) found.push({ name: String(element.value), kind });
    for (const option of Object.values(element.options ?? {})) found.push(...argumentsOf(option.value));
  }
  return found;
}

/** The argument names of an ICU text, sorted, once each. */
export function placeholdersOf(text: string): string[] {
  const parsed = new IntlMessageFormat(text, 'fr', undefined, { ignoreTag: true });
  return [...new Set(argumentsOf(parsed.getAst()).map((argument) => argument.name))].sort();
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(fr, value);
}
