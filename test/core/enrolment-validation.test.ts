import { describe, expect, it } from 'vitest';
import { describeFieldProblem, type FieldError } from '../../src/core/forms/field-error';
import { validateForm } from '../../src/core/forms/form-schema';
import type { FormValues, RawFormValues } from '../../src/core/forms/form-types';
import { parseRawValues } from '../../src/core/forms/raw-input';
import { buildEnrolmentForm } from '../../src/core/participants/enrolment-form';
import { answersWith, MENTEE_ANSWERS, MENTOR_ANSWERS } from '../support/enrolment-answers';
import { defaultProgramme } from '../support/programme';

const programme = defaultProgramme();
const form = buildEnrolmentForm(programme);

const ids = (choices: readonly { id: string }[]) => choices.map((choice) => choice.id);
const fieldIds = ids(programme.lists.fields);
const topicIds = ids(programme.lists.topics);
const languageIds = ids(programme.lists.languages);
const regionIds = ids(programme.lists.regions);

/** The choices as a refusal lists them: `id (label)`, the label in the reader's language. */
function listed(field: string, values: readonly string[]) {
  const choices = form.fields.find((candidate) => candidate.key === field);
  const label = (value: string, locale: 'fr' | 'en') =>
    choices && 'choices' in choices ? choices.choices.find((choice) => choice.value === value)?.label[locale] : undefined;
  const shown = (value: string, locale: 'fr' | 'en') =>
    label(value, locale)?.toLowerCase() === value.toLowerCase() ? value : `${value} (${label(value, locale)})`;
  const inLocale = (locale: 'fr' | 'en') => values.map((value) => shown(value, locale)).join(', ');
  return { fr: inLocale('fr'), en: inLocale('en') };
}

function validate(raw: RawFormValues) {
  return validateForm(form, parseRawValues(form, raw));
}

function valuesOf(raw: RawFormValues): FormValues {
  const result = validate(raw);
  if (!result.ok) throw new Error(`expected valid answers, got ${JSON.stringify(result.errors)}`);
  return result.values;
}

function errorsOf(raw: RawFormValues): FieldError[] {
  const result = validate(raw);
  return result.ok ? [] : result.errors;
}

const mentor = (changes: RawFormValues) => answersWith(MENTOR_ANSWERS, changes);
const mentee = (changes: RawFormValues) => answersWith(MENTEE_ANSWERS, changes);
/** A mentee who must give a birth date: no doctorate. */
const menteeWithoutPhd = (changes: RawFormValues) => mentee({ phdStatus: 'none', birthDate: '1998-05-12', ...changes });
/** A mentee who defended their thesis: a defence date and a birth date are asked. */
const doctor = (changes: RawFormValues) => mentee({ phdStatus: 'defended', phdDate: '2024-06-20', birthDate: '1995-01-01', ...changes });

describe('valid enrolment answers', () => {
  it('accepts a mentor and turns the typed text into ids, lists and numbers', () => {
    expect(valuesOf(MENTOR_ANSWERS)).toEqual({
      role: 'mentor',
      name: 'Marie Curie',
      affiliation: 'Institut du Radium',
      sector: 'academic',
      fields: ['proteomique', 'metabolomique'],
      languages: ['fr', 'en'],
      format: 'both',
      region: 'ile-de-france',
      offers: ['carriere-academique', 'reseau'],
      capacity: 2,
      about: 'Chercheuse en spectrométrie de masse depuis vingt ans.',
      consentPillars: true,
      consentData: true,
    });
  });

  it('accepts a doctoral student without asking for a birth date', () => {
    expect(valuesOf(MENTEE_ANSWERS)).toEqual({
      role: 'mentee',
      name: 'Alice Martin',
      affiliation: 'Université de Lyon',
      wishedSector: 'private',
      phdStatus: 'in-progress',
      fields: ['lipidomique'],
      languages: ['fr'],
      format: 'remote',
      region: 'auvergne-rhone-alpes',
      expectations: ['secteur-prive', 'cv-entretiens'],
      excluded: ['Jean Dupont', 'Claire Petit'],
      consentPillars: true,
      consentData: true,
    });
  });

  it('accepts ids picked in a select menu, as platforms hand them over', () => {
    const values = valuesOf(mentor({ fields: ['proteomique', 'lipidomique'], languages: ['en'], consentData: true }));
    expect(values.fields).toEqual(['proteomique', 'lipidomique']);
    expect(values.languages).toEqual(['en']);
    expect(values.consentData).toBe(true);
  });
});

describe('text limits', () => {
  it.each([
    ['name', 'a', 'form.error.tooShort', { min: 2, max: 80 }],
    ['name', 'a'.repeat(81), 'form.error.tooLong', { min: 2, max: 80 }],
    ['affiliation', 'a', 'form.error.tooShort', { min: 2, max: 120 }],
    ['affiliation', 'a'.repeat(121), 'form.error.tooLong', { min: 2, max: 120 }],
    ['about', 'a'.repeat(501), 'form.error.tooLong', { min: 0, max: 500 }],
  ])('refuses a %s of %j with %s and its limits', (field, typed, key, params) => {
    expect(errorsOf(mentor({ [field]: typed }))).toEqual([{ field, key, params }]);
  });

  it.each([
    ['name', 'ab'],
    ['name', 'a'.repeat(80)],
    ['affiliation', 'ab'],
    ['affiliation', 'a'.repeat(120)],
    ['about', 'a'.repeat(500)],
  ])('accepts a %s of exactly the limit (%j)', (field, typed) => {
    expect(valuesOf(mentor({ [field]: typed }))[field]).toBe(typed);
  });

  it('counts the name without the spaces around it', () => {
    expect(errorsOf(mentor({ name: '   a   ' }))).toEqual([{ field: 'name', key: 'form.error.tooShort', params: { min: 2, max: 80 } }]);
    expect(valuesOf(mentor({ name: `  ${'a'.repeat(80)}  ` })).name).toBe('a'.repeat(80));
  });

  it('treats a blank name as missing', () => {
    expect(errorsOf(mentor({ name: '   ' }))).toEqual([{ field: 'name', key: 'form.error.required', params: {} }]);
  });

  it('lets the "about" text be left out', () => {
    expect(valuesOf(mentor({ about: undefined }))).not.toHaveProperty('about');
    expect(valuesOf(mentor({ about: '' }))).not.toHaveProperty('about');
  });
});

describe('single choices', () => {
  it('refuses a role that is not a choice and lists the roles', () => {
    expect(errorsOf(mentor({ role: 'chef' }))).toEqual([
      { field: 'role', key: 'form.error.notAChoice', params: { value: 'chef', choices: listed('role', ['mentor', 'mentee']) } },
    ]);
  });

  it.each([
    ['sector', mentor, ['academic', 'private', 'both']],
    ['wishedSector', mentee, ['academic', 'private', 'any']],
    ['phdStatus', mentee, ['none', 'in-progress', 'defended']],
    ['format', mentor, ['remote', 'in-person', 'both']],
    ['region', mentor, regionIds],
  ] as const)('refuses a %s that is not a choice and lists the choices', (field, answers, choices) => {
    expect(errorsOf(answers({ [field]: 'nulle-part' }))).toEqual([
      { field, key: 'form.error.notAChoice', params: { value: 'nulle-part', choices: listed(field, choices) } },
    ]);
  });

  it('lists the choices in the reader’s language, each with the id to type', () => {
    const [error] = errorsOf(mentor({ role: 'chef' }));
    expect(error && describeFieldProblem(error, 'en')).toBe('"chef" is not one of the choices; choose among: mentor, mentee.');
    expect(error && describeFieldProblem(error, 'fr')).toContain('choisissez parmi : mentor, mentee (Mentoré·e).');
  });

  it('requires a role', () => {
    expect(errorsOf(mentor({ role: undefined }))).toEqual([{ field: 'role', key: 'form.error.required', params: {} }]);
  });
});

describe('multiple choices', () => {
  const limits = (field: string, max: number, choices: readonly string[]) => ({ min: 1, max, choices: listed(field, choices) });

  it.each([
    ['fields', mentor, fieldIds],
    ['languages', mentor, languageIds],
    ['offers', mentor, topicIds],
    ['expectations', mentee, topicIds],
  ] as const)('%s: accepts 1 to 5 choices, refuses none and a sixth', (field, answers, choices) => {
    expect(valuesOf(answers({ [field]: choices[0] }))[field]).toEqual([choices[0]]);
    expect(valuesOf(answers({ [field]: choices.slice(0, 5).join(';') }))[field]).toEqual(choices.slice(0, 5));
    expect(errorsOf(answers({ [field]: '' }))).toEqual([{ field, key: 'form.error.required', params: {} }]);
    expect(errorsOf(answers({ [field]: choices.slice(0, 6).join(';') }))).toEqual([
      { field, key: 'form.error.tooManyItems', params: limits(field, 5, choices) },
    ]);
  });

  it.each([
    ['fields', mentor, fieldIds],
    ['languages', mentor, languageIds],
    ['offers', mentor, topicIds],
    ['expectations', mentee, topicIds],
  ] as const)('%s: refuses the same choice twice and an unknown id', (field, answers, choices) => {
    expect(errorsOf(answers({ [field]: `${choices[0]};${choices[0]}` }))).toEqual([
      { field, key: 'form.error.duplicateItems', params: limits(field, 5, choices) },
    ]);
    expect(errorsOf(answers({ [field]: `${choices[0]};astrologie` }))).toEqual([
      { field, key: 'form.error.notAChoice', params: { value: 'astrologie', ...limits(field, 5, choices) } },
    ]);
  });

  it('refuses an empty selection handed over by a select menu', () => {
    expect(errorsOf(mentor({ fields: [] }))).toEqual([{ field: 'fields', key: 'form.error.required', params: {} }]);
  });

  it('accepts choices separated by commas as well as semicolons', () => {
    expect(valuesOf(mentor({ languages: 'fr, en' })).languages).toEqual(['fr', 'en']);
  });
});

describe('capacity', () => {
  const { min, max } = programme.capacity;

  it('accepts every whole number from the configured minimum to the maximum', () => {
    for (let capacity = min; capacity <= max; capacity++) {
      expect(valuesOf(mentor({ capacity: String(capacity) })).capacity).toBe(capacity);
    }
  });

  it.each([String(min - 1), String(max + 1), '-1'])('refuses %s, outside the configured range', (typed) => {
    expect(errorsOf(mentor({ capacity: typed }))).toEqual([
      { field: 'capacity', key: 'form.error.numberOutOfRange', params: { min, max } },
    ]);
  });

  it.each(['2.5', 'deux', '1e1'])('refuses %j, which is not a whole number', (typed) => {
    expect(errorsOf(mentor({ capacity: typed }))).toEqual([{ field: 'capacity', key: 'form.error.notWholeNumber', params: { min, max } }]);
  });

  it('requires a capacity from a mentor', () => {
    expect(errorsOf(mentor({ capacity: undefined }))).toEqual([{ field: 'capacity', key: 'form.error.required', params: {} }]);
  });
});

describe('people a mentee excludes', () => {
  const names = (count: number, length = 12) => Array.from({ length: count }, (_, index) => `${index}`.padEnd(length, 'x'));
  const params = { max: 10, itemMax: 80 };

  it('accepts up to 10 names of up to 80 characters', () => {
    expect(valuesOf(mentee({ excluded: names(10, 80).join(';') })).excluded).toEqual(names(10, 80));
  });

  it('refuses an eleventh name', () => {
    expect(errorsOf(mentee({ excluded: names(11).join(';') }))).toEqual([{ field: 'excluded', key: 'form.error.tooManyItems', params }]);
  });

  it('refuses a name of 81 characters', () => {
    expect(errorsOf(mentee({ excluded: `Jean Dupont;${'a'.repeat(81)}` }))).toEqual([
      { field: 'excluded', key: 'form.error.itemTooLong', params },
    ]);
  });

  it('splits names on semicolons and new lines, dropping blanks', () => {
    expect(valuesOf(mentee({ excluded: ' Jean Dupont ;; \nClaire Petit\n' })).excluded).toEqual(['Jean Dupont', 'Claire Petit']);
  });

  it('is optional', () => {
    expect(valuesOf(mentee({ excluded: undefined }))).not.toHaveProperty('excluded');
  });
});

describe('dates', () => {
  it.each(['2023-02-30', 'hier', '31/02/2020', '2023-13-01', '2023-2-3'])('refuses the thesis date %j', (typed) => {
    expect(errorsOf(doctor({ phdDate: typed }))).toEqual([{ field: 'phdDate', key: 'form.error.invalidDate', params: {} }]);
  });

  it.each(['2023-02-30', 'hier', '31/02/2020'])('refuses the birth date %j', (typed) => {
    expect(errorsOf(menteeWithoutPhd({ birthDate: typed }))).toEqual([{ field: 'birthDate', key: 'form.error.invalidDate', params: {} }]);
  });

  it('accepts French dates and stores them as YYYY-MM-DD', () => {
    expect(valuesOf(doctor({ phdDate: '01/03/2024' })).phdDate).toBe('2024-03-01');
    expect(valuesOf(menteeWithoutPhd({ birthDate: '7/9/1999' })).birthDate).toBe('1999-09-07');
  });

  it('accepts a 29 February only in a leap year', () => {
    expect(valuesOf(doctor({ phdDate: '2024-02-29' })).phdDate).toBe('2024-02-29');
    expect(errorsOf(doctor({ phdDate: '29/02/2023' }))).toEqual([{ field: 'phdDate', key: 'form.error.invalidDate', params: {} }]);
  });
});

describe('consents', () => {
  it.each(['consentPillars', 'consentData'])('refuses %s answered "non"', (field) => {
    expect(errorsOf(mentor({ [field]: 'non' }))).toEqual([{ field, key: 'form.error.consentRequired', params: {} }]);
  });

  it.each(['consentPillars', 'consentData'])('refuses a missing %s', (field) => {
    expect(errorsOf(mentee({ [field]: undefined }))).toEqual([{ field, key: 'form.error.consentRequired', params: {} }]);
  });

  it.each(['OUI', 'yes', "J'accepte", 'o'])('accepts the consent typed %j', (typed) => {
    expect(valuesOf(mentor({ consentPillars: typed })).consentPillars).toBe(true);
  });

  it('refuses a consent answered with something that is not yes', () => {
    expect(errorsOf(mentor({ consentData: 'peut-être' }))).toEqual([
      { field: 'consentData', key: 'form.error.consentRequired', params: {} },
    ]);
  });
});

describe('fields asked only of some people', () => {
  const menteeOnly = { wishedSector: 'academic', phdStatus: 'defended', phdDate: '2020-01-01', birthDate: '1990-01-01' };

  it('drops mentee answers given by a mentor', () => {
    const values = valuesOf(mentor({ ...menteeOnly, expectations: 'reseau', excluded: 'Jean Dupont' }));
    for (const key of ['wishedSector', 'phdStatus', 'phdDate', 'birthDate', 'expectations', 'excluded']) {
      expect(values).not.toHaveProperty(key);
    }
  });

  it('never validates mentee answers given by a mentor, even invalid ones', () => {
    const invalid = {
      wishedSector: 'x',
      phdStatus: 'defended',
      phdDate: 'hier',
      birthDate: 'demain',
      expectations: 'x;x',
      excluded: 'a'.repeat(81),
    };
    expect(validate(mentor(invalid)).ok).toBe(true);
  });

  it('drops mentor answers given by a mentee, even invalid ones', () => {
    const values = valuesOf(mentee({ sector: 'nowhere', offers: 'reseau', capacity: 'deux' }));
    for (const key of ['sector', 'offers', 'capacity']) expect(values).not.toHaveProperty(key);
  });

  it('asks a mentee for the thesis date only once the thesis is defended', () => {
    expect(errorsOf(doctor({ phdDate: undefined }))).toEqual([{ field: 'phdDate', key: 'form.error.required', params: {} }]);
    expect(valuesOf(mentee({ phdStatus: 'in-progress', phdDate: 'hier' }))).not.toHaveProperty('phdDate');
    expect(valuesOf(menteeWithoutPhd({ phdDate: '2020-01-01' }))).not.toHaveProperty('phdDate');
  });

  it('does not ask a doctoral student for a birth date, but asks everyone else', () => {
    expect(valuesOf(mentee({ phdStatus: 'in-progress', birthDate: '1990-01-01' }))).not.toHaveProperty('birthDate');
    expect(errorsOf(menteeWithoutPhd({ birthDate: undefined }))).toEqual([{ field: 'birthDate', key: 'form.error.required', params: {} }]);
    expect(errorsOf(doctor({ birthDate: undefined }))).toEqual([{ field: 'birthDate', key: 'form.error.required', params: {} }]);
  });

  it('asks a mentor neither for a wished sector nor for expectations', () => {
    expect(validate(mentor({})).ok).toBe(true);
    expect(errorsOf(mentee({ wishedSector: undefined, expectations: undefined })).map((error) => error.field)).toEqual([
      'wishedSector',
      'expectations',
    ]);
  });
});

describe('choices typed by hand', () => {
  it.each([
    ['role', '1', 'mentor'],
    ['role', 'MENTOR', 'mentor'],
    ['format', 'En présentiel', 'in-person'],
    ['format', 'in person', 'in-person'],
    ['format', 'A DISTANCE', 'remote'],
    ['region', 'Île-de-France', 'ile-de-france'],
    ['region', 'Brittany', 'bretagne'],
    ['sector', 'Les deux', 'both'],
  ])('maps the %s typed %j to %j', (field, typed, id) => {
    expect(valuesOf(mentor({ [field]: typed }))[field]).toBe(id);
  });

  it.each([
    ['PROTEOMIQUE', 'proteomique'],
    ['Protéomique', 'proteomique'],
    ['protéomique', 'proteomique'],
    ['Proteomics', 'proteomique'],
    ['  métabolomique ', 'metabolomique'],
    ['3', fieldIds[2]],
  ])('maps the field typed %j to %j', (typed, id) => {
    expect(valuesOf(mentor({ fields: typed })).fields).toEqual([id]);
  });

  it('maps several choices typed by label, number and id in one answer', () => {
    expect(valuesOf(mentor({ languages: 'Français; 2; es; German' })).languages).toEqual(['fr', 'en', 'es', 'de']);
  });

  it('maps a mentee choice typed by its French label', () => {
    expect(valuesOf(mentee({ role: '2' })).role).toBe('mentee');
    expect(valuesOf(mentee({ role: 'Mentoré·e', wishedSector: 'peu importe', phdStatus: 'Doctorat en cours' }))).toMatchObject({
      role: 'mentee',
      wishedSector: 'any',
      phdStatus: 'in-progress',
    });
  });

  it('refuses a number beyond the list', () => {
    expect(errorsOf(mentor({ role: '3' }))).toEqual([
      { field: 'role', key: 'form.error.notAChoice', params: { value: '3', choices: listed('role', ['mentor', 'mentee']) } },
    ]);
  });

  // Several topic and field labels hold a comma ("CV, candidatures et entretiens d’embauche"), and
  // a multi-choice answer is split on commas before matching, so such a label never matches.
  it('maps a topic typed by a label that contains a comma', () => {
    const topic = programme.lists.topics.find((choice) => choice.label.fr.includes(','));
    expect(topic).toBeDefined();
    expect(valuesOf(mentor({ offers: topic?.label.fr ?? '' })).offers).toEqual([topic?.id]);
  });
});

describe('reporting problems', () => {
  it('reports every invalid field at once, each under its key', () => {
    const errors = errorsOf(
      mentor({
        name: 'a',
        affiliation: undefined,
        sector: 'public',
        fields: fieldIds.slice(0, 6).join(';'),
        capacity: 'deux',
        consentData: 'non',
      }),
    );
    expect(errors.map((error) => [error.field, error.key])).toEqual([
      ['name', 'form.error.tooShort'],
      ['affiliation', 'form.error.required'],
      ['sector', 'form.error.notAChoice'],
      ['fields', 'form.error.tooManyItems'],
      ['capacity', 'form.error.notWholeNumber'],
      ['consentData', 'form.error.consentRequired'],
    ]);
  });

  it('reports every required field of an empty form, without the conditional ones', () => {
    expect(errorsOf({}).map((error) => error.field)).toEqual([
      'role',
      'name',
      'affiliation',
      'fields',
      'languages',
      'format',
      'region',
      'consentPillars',
      'consentData',
    ]);
  });

  it('names only form fields in its errors', () => {
    const keys = new Set(form.fields.map((field) => field.key));
    const errors = errorsOf({ role: 'mentee', name: 'x', phdStatus: 'none', birthDate: 'x', excluded: 'a'.repeat(90), capacity: '0' });
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(keys.has(error.field)).toBe(true);
  });
});
