import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import { readCommandOptions } from '../../src/core/command';
import { UserError } from '../../src/core/errors';
import { describeFieldError } from '../../src/core/forms/field-error';
import { validateField, validateForm } from '../../src/core/forms/form-schema';
import { type FormField, fieldName } from '../../src/core/forms/form-types';
import { codePointName, forbiddenCharacter, showControlCharacters } from '../../src/core/forms/plain-text';
import { parseRawValues } from '../../src/core/forms/raw-input';
import { buildEnrolmentForm } from '../../src/core/participants/enrolment-form';
import { buildReportForm } from '../../src/core/reports/report-form';
import { MENTEE_ANSWERS } from '../support/enrolment-answers';
import { defaultProgramme } from '../support/programme';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index));

/** Every character the rule names: C0 but the new line, DEL, C1, bidi embeddings, overrides and isolates. */
const REFUSED = [...range(0x00, 0x09), ...range(0x0b, 0x1f), ...range(0x7f, 0x9f), ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)];

/** Characters people do write: scripts, accents, punctuation, emoji with joiners, spaces of every kind, marks. */
const WRITTEN = [
  ...range(0x20, 0x7e),
  ...'éèàçœÆß·’«»–—…€ñøåłğışčžő',
  ...'محمد عبدالله',
  ...'שלום',
  ...'李小龍',
  ...'こんにちは',
  ...'Привет',
  ...'नमस्ते',
  '\u00a0',
  '\u202f',
  '\u2009',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u061c',
  '👩🏽‍🔬',
  '🇫🇷',
  'e\u0301',
];

describe('plain text', () => {
  it.each(REFUSED.map((character) => [codePointName(character), character]))('refuses %s, in one line or several', (_name, character) => {
    for (const multiline of [false, true]) {
      expect(forbiddenCharacter(`Dan${character}Leroy`, { multiline })).toBe(character);
      expect(forbiddenCharacter(character, { multiline })).toBe(character);
    }
  });

  it('accepts every character people write, and new lines only where the field takes several lines', () => {
    for (const character of WRITTEN)
      expect(forbiddenCharacter(`a${character}b`, { multiline: false }), codePointName(character)).toBeUndefined();
    expect(forbiddenCharacter('une ligne\nune autre\r\net une troisième', { multiline: true })).toBeUndefined();
    expect(forbiddenCharacter('une ligne\nune autre', { multiline: false })).toBe('\n');
    expect(forbiddenCharacter('retour seul\rici', { multiline: true })).toBe('\r');
  });

  it('finds a refused character anywhere in any text, and nothing in a text without one', () => {
    const written = fc.string({ unit: fc.constantFrom(...WRITTEN), maxLength: 40 });
    fc.assert(
      fc.property(written, fc.constantFrom(...REFUSED), written, (before, character, after) => {
        expect(forbiddenCharacter(before, { multiline: false })).toBeUndefined();
        expect(forbiddenCharacter(`${before}${character}${after}`, { multiline: true })).toBe(character);
      }),
      { numRuns: 500 },
    );
  });

  it('shows every refused character as a visible sign, and leaves the rest as it is', () => {
    expect(showControlCharacters('Dan\u001b[2J\u0000\u0007\u007f')).toBe('Dan␛[2J␀␇␡');
    expect(showControlCharacters('\u202eyoreL\u2066x\u2069\u0085')).toBe('\\u{202E}yoreL\\u{2066}x\\u{2069}\\u{85}');
    expect(showControlCharacters('deux\nlignes')).toBe('deux\nlignes');
    expect(showControlCharacters('deux\nlignes', false)).toBe('deux␊lignes');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const shown = showControlCharacters(text);
        expect(forbiddenCharacter(shown, { multiline: true })).toBeUndefined();
        if (forbiddenCharacter(text, { multiline: true }) === undefined && !text.includes('\r')) expect(shown).toBe(text);
      }),
    );
  });
});

describe('every free-text field', () => {
  const programme = defaultProgramme();
  const forms = [buildEnrolmentForm(programme), buildReportForm(programme)];
  const freeText = forms.flatMap((form) =>
    form.fields
      .filter((field): field is FormField & { kind: 'text' | 'list' } => field.kind === 'text' || field.kind === 'list')
      .map((field) => [`${form.id} ${field.key}`, form, field] as const),
  );

  it('exists in the enrolment and report forms', () => {
    expect(freeText.map(([name]) => name)).toEqual(
      expect.arrayContaining(['mentorat.enrol name', 'mentorat.enrol excluded', 'mentorat.report description']),
    );
  });

  it.each(freeText)('%s refuses ESC, NUL and bidi overrides, naming the field and the character', (_name, form, field) => {
    for (const character of ['\u001b', '\u0000', '\u202e', '\u2066', '\u0085']) {
      const text = `Texte assez long pour passer la longueur minimale ${character} du champ`;
      const problem = validateField(field, field.kind === 'list' ? ['Jean Dupont', text] : text);
      expect(problem).toMatchObject({
        field: field.key,
        key: 'form.error.controlCharacters',
        params: { character: codePointName(character) },
      });
      if (!problem) continue;
      expect(describeFieldError(form, problem, 'fr')).toBe(
        `« ${fieldName(field, 'fr')} » (${field.key}) : contient un caractère de contrôle invisible (${codePointName(character)}), refusé ici : retirez-le.`,
      );
      expect(describeFieldError(form, problem, 'en')).toContain(`contains an invisible control character (${codePointName(character)})`);
    }
  });

  it('refuses a whole enrolment whose name holds ESC, with that reason only', () => {
    const form = buildEnrolmentForm(programme);
    const validation = validateForm(form, parseRawValues(form, { ...MENTEE_ANSWERS, name: 'Alice\u001b]0;titre\u0007' }));
    expect(validation).toEqual({
      ok: false,
      errors: [{ field: 'name', key: 'form.error.controlCharacters', params: { min: 2, max: expect.any(Number), character: 'U+001B' } }],
    });
  });
});

describe('command options typed as text', () => {
  it('refuse a control character, naming the option', () => {
    const referents = commands.find((command) => command.id === 'admin.referents');
    if (!referents) throw new Error('no referents command');
    expect(() => readCommandOptions(referents.options, referents.input, { action: 'add', person: 'zoe\u001b[2J' })).toThrow(UserError);
    try {
      readCommandOptions(referents.options, referents.input, { action: 'add', person: 'zoe\u202e' });
    } catch (error) {
      expect(error).toMatchObject({ messageKey: 'command.error.controlCharacters', params: { option: 'person', character: 'U+202E' } });
    }
  });
});
