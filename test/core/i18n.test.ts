import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { en } from '../../src/core/i18n/en';
import { fr, type MessageKey } from '../../src/core/i18n/fr';
import { LOCALES, type Locale, resolveLocale } from '../../src/core/i18n/locale';
import type { ParamsOfText } from '../../src/core/i18n/message-params';
import {
  isMessageKey,
  localized,
  type ParamsOf,
  type PlainMessageKey,
  placeholdersOf,
  translate,
  translateUnchecked,
} from '../../src/core/i18n/translate';

const keys = Object.keys(fr) as MessageKey[];
const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Each argument of a parsed message with its kind: a count (plural, number) or a text. */
function argumentKinds(elements: readonly MessageFormatElement[], found = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) found.set(element.value, found.get(element.value) ?? 'text');
    if (element.type === TYPE.number || element.type === TYPE.plural) found.set(element.value, 'count');
    if (element.type === TYPE.select) found.set(element.value, 'choice');
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentKinds(option.value, found);
    }
  }
  return found;
}

const kindsOf = (text: string) => Object.fromEntries([...argumentKinds(parse(text, { ignoreTag: true }))].sort());

describe('the message catalogues', () => {
  it('gives every French message an English version', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it.each(LOCALES)('parses every %s message as ICU MessageFormat', (locale) => {
    for (const key of keys) expect(() => parse(catalogues[locale][key], { ignoreTag: true }), `${locale} ${key}`).not.toThrow();
  });

  it.each(keys)('%s names the same arguments, of the same kinds, in French and in English', (key) => {
    expect(kindsOf(en[key])).toEqual(kindsOf(fr[key]));
  });

  it('never writes a plural by hand', () => {
    for (const locale of LOCALES) {
      for (const key of keys) expect(catalogues[locale][key], `${locale} ${key}`).not.toMatch(/\((e?s)\)/);
    }
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
    expect(translate('en', 'enrolled.more', { count: 7 })).toBe('… and 7 more: see the CSV file.');
  });

  it('shows a parameter a run-time key was not given as its name, instead of failing', () => {
    expect(translateUnchecked('fr', 'form.error.line', { label: 'Nom', key: 'name' })).toBe('« Nom » (name) : {problem}');
  });

  it('leaves no placeholder behind once every one is given', () => {
    for (const locale of LOCALES) {
      for (const key of keys) {
        const params = Object.fromEntries(Object.entries(kindsOf(fr[key])).map(([name, kind]) => [name, kind === 'count' ? 2 : 'X']));
        expect(translateUnchecked(locale, key, params), `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('shows a text given in every language in the reader’s', () => {
    const option = { option: 'action', choices: { fr: 'add (ajouter)', en: 'add (add)' } };
    expect(translate('fr', 'command.error.invalidOption', option)).toContain('add (ajouter)');
    expect(translate('en', 'command.error.invalidOption', option)).toContain('add (add)');
  });

  it('counts the French way: 0 and 1 are singular', () => {
    const rendered = (locale: Locale) => [0, 1, 2, 5].map((count) => translate(locale, 'propose.button.confirm', { count }));
    expect(rendered('fr')).toEqual(['Confirmer ce binôme', 'Confirmer ce binôme', 'Confirmer ces 2 binômes', 'Confirmer ces 5 binômes']);
    expect(rendered('en')).toEqual(['Confirm these 0 pairs', 'Confirm this pair', 'Confirm these 2 pairs', 'Confirm these 5 pairs']);
  });

  it.each([
    [0, '0 mentoré·e apparié·e sur 7', '0 mentees paired out of 7'],
    [1, '1 mentoré·e apparié·e sur 7', '1 mentee paired out of 7'],
    [2, '2 mentoré·es apparié·es sur 7', '2 mentees paired out of 7'],
    [5, '5 mentoré·es apparié·es sur 7', '5 mentees paired out of 7'],
  ])('says %i matched in the proposal title in both languages', (matched, french, english) => {
    expect(translate('fr', 'propose.title', { matched, mentees: 7, total: 12 })).toContain(french);
    expect(translate('en', 'propose.title', { matched, mentees: 7, total: 12 })).toContain(english);
  });

  it.each([
    [0, '0 binôme a pris fin', '0 pairs ended'],
    [1, '1 binôme a pris fin', '1 pair ended'],
    [2, '2 binômes ont pris fin', '2 pairs ended'],
    [5, '5 binômes ont pris fin', '5 pairs ended'],
  ])('agrees the verb with %i ended binômes', (count, french, english) => {
    expect(translate('fr', 'withdraw.binomesEnded', { count })).toContain(french);
    expect(translate('en', 'withdraw.binomesEnded', { count })).toContain(english);
  });

  it('types each message’s parameters from its French text', () => {
    expectTypeOf<ParamsOf<'propose.pair'>>().toHaveProperty('mentee');
    expectTypeOf<ParamsOf<'propose.button.confirm'>>().toEqualTypeOf<{ count: number }>();
    expectTypeOf<ParamsOfText<'{n, plural, one {# x {who}} other {# xs}} {s, select, a {A} other {{t}}}'>>().toEqualTypeOf<{
      n: number;
      who: string | number | { fr: string; en: string };
      s: string;
      t: string | number | { fr: string; en: string };
    }>();
    expectTypeOf<'common.yes'>().toExtend<PlainMessageKey>();
    expectTypeOf<'propose.button.confirm'>().not.toExtend<PlainMessageKey>();
  });

  it('refuses to compile a missing, misnamed or mistyped parameter', () => {
    const refused = () => {
      // @ts-expect-error: `count` is missing.
      translate('fr', 'propose.button.confirm');
      // @ts-expect-error: `count` is misnamed.
      translate('fr', 'propose.button.confirm', { total: 2 });
      // @ts-expect-error: a plural counts a number.
      translate('fr', 'propose.button.confirm', { count: '2' });
      // @ts-expect-error: `problem` is missing.
      translate('fr', 'form.error.line', { label: 'Nom', key: 'name' });
      // @ts-expect-error: a message without parameters takes none.
      translate('fr', 'common.yes', { count: 1 });
    };
    expect(refused).toBeTypeOf('function');
  });

  it('gives the same message in both languages at once', () => {
    expect(localized('common.cancel')).toEqual({ fr: 'Annuler', en: 'Cancel' });
  });

  it('lists argument names sorted, once each, those inside plurals included', () => {
    expect(placeholdersOf('{b} et {a}, puis {b}')).toEqual(['a', 'b']);
    expect(placeholdersOf('{n, plural, one {# x {c}} other {# xs}}')).toEqual(['c', 'n']);
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
