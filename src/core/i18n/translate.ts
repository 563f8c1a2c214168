import { en } from './en';
import { fr, type MessageKey } from './fr';
import type { Locale, LocalizedText } from './locale';

export type { MessageKey } from './fr';
export type MessageParams = Readonly<Record<string, string | number>>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

const PLACEHOLDER = /\{(\w+)\}/g;

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[locale][key].replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The same message in every language, for texts rendered later in a reader's locale (form labels). */
export function localized(key: MessageKey, params: MessageParams = {}): LocalizedText {
  return { fr: translate('fr', key, params), en: translate('en', key, params) };
}

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(fr, value);
}
