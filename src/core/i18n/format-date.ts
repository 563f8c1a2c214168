import type { Locale } from './locale';

const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A moment as a reader writes a date: "25 novembre 2026", "25 November 2026", in the programme's time zone. */
export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeZone }).format(new Date(iso));
}
