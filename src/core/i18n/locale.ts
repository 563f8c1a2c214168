import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** A text the programme shows in every supported language (French is the source). */
export const localizedTextSchema = z.object({
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/**
 * Maps a platform locale tag (Discord `en-US`, Slack `fr-FR`, a terminal `/lang en`) to one
 * of ours; anything else falls back to the community's default.
 */
export function resolveLocale(tag: string | undefined, fallback: Locale): Locale {
  return supportedLocale(tag) ?? fallback;
}

/** One of ours for a platform tag (`fr`, `fr-FR`, `en_GB`), or undefined when we do not speak it. */
export function supportedLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}
