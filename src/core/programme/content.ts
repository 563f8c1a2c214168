import type { Locale, LocalizedText } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { MarkupText } from '../reply';
import type { Programme } from './programme-schema';

/**
 * A programme text in the reader's language, with the rules it quotes filled in from the
 * same config (`{maxAge}`, `{maxYearsAfterPhd}`, `{capacityMin}`, `{capacityMax}`), so that
 * changing a number in `eligibility` or `capacity` changes every text that states it.
 */
export function programmeText(text: LocalizedText, programme: Programme, locale: Locale): MarkupText {
  const values: Record<string, number> = {
    maxAge: programme.eligibility.maxAge,
    maxYearsAfterPhd: programme.eligibility.maxYearsAfterPhd,
    capacityMin: programme.capacity.min,
    capacityMax: programme.capacity.max,
  };
  return text[locale].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)).trimEnd();
}

/** The programme explained, from the community's config, in the reader's language. */
export function overviewText(programme: Programme, locale: Locale): MarkupText {
  return [
    `**${programme.name[locale]}**`,
    programmeText(programme.texts.overview, programme, locale),
    programmeText(programme.texts.howToEnrol, programme, locale),
  ].join('\n\n');
}

export function pillarsText(programme: Programme, locale: Locale): MarkupText {
  const pillars = programme.pillars.map(
    (pillar, index) => `${index + 1}. **${pillar.title[locale]}** — ${programmeText(pillar.summary, programme, locale)}`,
  );
  return [translate(locale, 'content.pillars.title', { count: programme.pillars.length }), ...pillars].join('\n');
}

export function mentorRoleText(programme: Programme, locale: Locale): MarkupText {
  const { texts } = programme;
  return [
    `**${translate(locale, 'content.role.is')}**\n${programmeText(texts.mentorIs, programme, locale)}`,
    `**${translate(locale, 'content.role.isNotCsi')}**\n${programmeText(texts.mentorIsNotCsi, programme, locale)}`,
    `**${translate(locale, 'content.role.isNotDirector')}**\n${programmeText(texts.mentorIsNotDirector, programme, locale)}`,
  ].join('\n\n');
}

export function actorsText(programme: Programme, locale: Locale): MarkupText {
  const { actors } = programme.texts;
  const entries = [
    ['role.mentor', actors.mentor],
    ['role.mentee', actors.mentee],
    ['role.referent', actors.referent],
    ['role.coordinator', actors.coordinator],
  ] as const;
  return [
    translate(locale, 'content.actors.title'),
    ...entries.map(([key, text]) => `**${translate(locale, key)}** — ${programmeText(text, programme, locale)}`),
  ].join('\n\n');
}

export type BenefitsAudience = 'mentor' | 'mentee';

export function benefitsText(programme: Programme, locale: Locale, only?: BenefitsAudience): MarkupText {
  const audiences: BenefitsAudience[] = only ? [only] : ['mentor', 'mentee'];
  return audiences
    .map((audience) => {
      const title = translate(locale, audience === 'mentor' ? 'content.benefits.mentor' : 'content.benefits.mentee');
      return [`**${title}**`, ...programme.benefits[audience].map((benefit) => `- ${programmeText(benefit, programme, locale)}`)].join(
        '\n',
      );
    })
    .join('\n\n');
}

export function reportingText(programme: Programme, locale: Locale): MarkupText {
  return `**${translate(locale, 'content.reporting.title')}**\n${programmeText(programme.texts.reporting, programme, locale)}`;
}
