import { describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/en';
import { fr, type MessageKey } from '../../src/core/i18n/fr';
import { LOCALES, resolveLocale } from '../../src/core/i18n/locale';
import { isMessageKey, localized, placeholdersOf, translate } from '../../src/core/i18n/translate';

const keys = Object.keys(fr) as MessageKey[];

describe('the message catalogues', () => {
  it('gives every French message an English version', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s has the same placeholders in French and in English', (key) => {
    expect(placeholdersOf(en[key])).toEqual(placeholdersOf(fr[key]));
  });

  it('has no empty message in any language', () => {
    for (const key of keys) {
      expect(fr[key].trim(), `fr ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
    }
  });

  it('uses keys shaped area.thing.detail', () => {
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z]*(\.[A-Za-z-]+)+$/);
  });
});

describe('translating', () => {
  it('fills every placeholder with its value', () => {
    expect(translate('fr', 'form.error.numberOutOfRange', { min: 1, max: 3 })).toBe('un nombre entre 1 et 3 est attendu.');
    expect(translate('en', 'enrolled.more', { count: 7 })).toBe(en['enrolled.more'].replace('{count}', '7'));
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('fr', 'form.error.line', { label: 'Nom', key: 'name' })).toBe('« Nom » (name) : {problem}');
  });

  it('leaves no placeholder behind once every one is given', () => {
    for (const locale of LOCALES) {
      for (const key of keys) {
        const params = Object.fromEntries(placeholdersOf(fr[key]).map((name) => [name, 'X']));
        expect(translate(locale, key, params)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('gives the same message in both languages at once', () => {
    expect(localized('common.cancel')).toEqual({ fr: 'Annuler', en: 'Cancel' });
  });

  it('lists placeholders sorted, once per use', () => {
    expect(placeholdersOf('{b} et {a}, puis {b}')).toEqual(['a', 'b', 'b']);
    expect(placeholdersOf('sans rien')).toEqual([]);
  });

  it('knows its own keys and nothing else', () => {
    expect(isMessageKey('common.yes')).toBe(true);
    expect(isMessageKey('common.maybe')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });
});

describe('resolving a platform locale', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_CA', 'fr'],
    ['FR', 'fr'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
  ] as const)('maps %s to %s', (tag, locale) => {
    expect(resolveLocale(tag, locale === 'fr' ? 'en' : 'fr')).toBe(locale);
  });

  it.each([['de'], ['de-DE'], ['es-ES'], [''], [undefined]])('falls back to the community default for %s', (tag) => {
    expect(resolveLocale(tag, 'fr')).toBe('fr');
    expect(resolveLocale(tag, 'en')).toBe('en');
  });
});
