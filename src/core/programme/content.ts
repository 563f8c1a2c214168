import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { MarkupText } from '../reply';
import type { Programme } from './programme-schema';

/** The programme explained, from the community's config, in the reader's language. */
export function overviewText(programme: Programme, locale: Locale): MarkupText {
  return [`**${programme.name[locale]}**`, programme.texts.overview[locale], programme.texts.howToEnrol[locale]].join('\n\n');
}

export function pillarsText(programme: Programme, locale: Locale): MarkupText {
  const pillars = programme.pillars.map((pillar, index) => `${index + 1}. **${pillar.title[locale]}** — ${pillar.summary[locale]}`);
  return [translate(locale, 'content.pillars.title', { count: programme.pillars.length }), ...pillars].join('\n');
}

export function mentorRoleText(programme: Programme, locale: Locale): MarkupText {
  const { texts } = programme;
  return [
    `**${translate(locale, 'content.role.is')}**\n${texts.mentorIs[locale]}`,
    `**${translate(locale, 'content.role.isNotCsi')}**\n${texts.mentorIsNotCsi[locale]}`,
    `**${translate(locale, 'content.role.isNotDirector')}**\n${texts.mentorIsNotDirector[locale]}`,
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
    ...entries.map(([key, text]) => `**${translate(locale, key)}** — ${text[locale]}`),
  ].join('\n\n');
}

export type BenefitsAudience = 'mentor' | 'mentee';

export function benefitsText(programme: Programme, locale: Locale, only?: BenefitsAudience): MarkupText {
  const audiences: BenefitsAudience[] = only ? [only] : ['mentor', 'mentee'];
  return audiences
    .map((audience) => {
      const title = translate(locale, audience === 'mentor' ? 'content.benefits.mentor' : 'content.benefits.mentee');
      return [`**${title}**`, ...programme.benefits[audience].map((benefit) => `- ${benefit[locale]}`)].join('\n');
    })
    .join('\n\n');
}

export function reportingText(programme: Programme, locale: Locale): MarkupText {
  return `**${translate(locale, 'content.reporting.title')}**\n${programme.texts.reporting[locale]}`;
}
