import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../../src/core/chat-limits';
import { LOCALES } from '../../src/core/i18n/locale';
import { translate } from '../../src/core/i18n/translate';
import { actorsText, benefitsText, mentorRoleText, overviewText, pillarsText, reportingText } from '../../src/core/programme/content';
import { defaultProgramme } from '../support/programme';

const programme = defaultProgramme();

const texts = {
  overview: overviewText,
  pillars: pillarsText,
  role: mentorRoleText,
  actors: actorsText,
  benefits: benefitsText,
  'mentor benefits': (p: typeof programme, locale: 'fr' | 'en') => benefitsText(p, locale, 'mentor'),
  'mentee benefits': (p: typeof programme, locale: 'fr' | 'en') => benefitsText(p, locale, 'mentee'),
  reporting: reportingText,
} as const;

const cases = Object.entries(texts).flatMap(([name, render]) =>
  LOCALES.map((locale) => [name, locale, render(programme, locale)] as const),
);

describe.each(cases)('the %s text in %s', (_name, _locale, text) => {
  it('fits in one chat message', () => {
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  it('leaves no {placeholder} unfilled', () => {
    expect(text).not.toMatch(/\{\w+\}/);
  });
});

describe('the programme texts', () => {
  it.each(LOCALES)('name the CSI and the research director in the mentor role text (%s)', (locale) => {
    const text = mentorRoleText(programme, locale);
    expect(text).toContain('CSI');
    expect(text).toMatch(locale === 'fr' ? /direct(eur|rice|ion) de recherche/ : /research director/);
    expect(text).toContain(translate(locale, 'content.role.isNotCsi'));
    expect(text).toContain(translate(locale, 'content.role.isNotDirector'));
  });

  it.each(LOCALES)('list exactly the configured pillars, numbered, with their titles (%s)', (locale) => {
    const text = pillarsText(programme, locale);
    const numbered = text.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(numbered).toHaveLength(programme.pillars.length);
    programme.pillars.forEach((pillar, index) => {
      expect(numbered[index]).toContain(`${index + 1}. **${pillar.title[locale]}**`);
    });
    expect(text).toContain(translate(locale, 'content.pillars.title', { count: programme.pillars.length }));
  });

  it('list one fewer pillar when the configuration has one fewer', () => {
    const shorter = { ...programme, pillars: programme.pillars.slice(1) };
    const numbered = pillarsText(shorter, 'fr')
      .split('\n')
      .filter((line) => /^\d+\. /.test(line));
    expect(numbered).toHaveLength(programme.pillars.length - 1);
  });

  it.each(LOCALES)('list every benefit of each role, and only that role when asked (%s)', (locale) => {
    const bullets = (text: string) => text.split('\n').filter((line) => line.startsWith('- '));
    expect(bullets(benefitsText(programme, locale))).toHaveLength(programme.benefits.mentor.length + programme.benefits.mentee.length);
    expect(bullets(benefitsText(programme, locale, 'mentor'))).toHaveLength(programme.benefits.mentor.length);
    expect(bullets(benefitsText(programme, locale, 'mentee'))).toHaveLength(programme.benefits.mentee.length);
    expect(benefitsText(programme, locale, 'mentor')).not.toContain(translate(locale, 'content.benefits.mentee'));
  });

  it.each(LOCALES)('present the four actors of the programme (%s)', (locale) => {
    const text = actorsText(programme, locale);
    for (const role of ['role.mentor', 'role.mentee', 'role.referent', 'role.coordinator'] as const) {
      expect(text).toContain(`**${translate(locale, role)}**`);
    }
  });

  it.each(LOCALES)('start the overview with the programme name (%s)', (locale) => {
    expect(overviewText(programme, locale).startsWith(`**${programme.name[locale]}**`)).toBe(true);
  });

  it('state the eligibility rules from the configuration, so a changed age shows everywhere', () => {
    const changed = { ...programme, eligibility: { ...programme.eligibility, maxAge: 33, maxYearsAfterPhd: 4 } };
    for (const locale of LOCALES) {
      const text = `${overviewText(changed, locale)}\n${actorsText(changed, locale)}`;
      expect(text).toContain('33');
      expect(text).not.toMatch(/\b35\b/);
    }
  });
});
