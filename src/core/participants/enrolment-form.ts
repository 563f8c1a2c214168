import type { FieldChoice, FormField, FormSpec } from '../forms/form-types';
import type { Locale, LocalizedText } from '../i18n/locale';
import { localized, type MessageKey, type PlainMessageKey } from '../i18n/translate';
import { programmeText } from '../programme/content';
import type { Choice, Programme } from '../programme/programme-schema';
import { FORMATS, LIMITS, PHD_STATUSES, ROLES, WISHED_SECTORS } from './enrolment';

export const ENROLMENT_FORM_ID = 'mentorat.enrol';

const MENTOR = { field: 'role', in: ['mentor'] } as const;
const MENTEE = { field: 'role', in: ['mentee'] } as const;

/** Choices whose labels are catalogue keys `<prefix>.<value>`: a missing label does not compile. */
function fromCatalogue<Prefix extends string, Value extends string>(
  prefix: Prefix,
  values: readonly (`${Prefix}.${Value}` extends MessageKey ? Value : never)[],
): FieldChoice[] {
  return values.map((value) => ({ value, label: localized(`${prefix}.${value}` as PlainMessageKey) }));
}

function fromProgramme(choices: readonly Choice[]): FieldChoice[] {
  return choices.map((choice) => ({ value: choice.id, label: choice.label }));
}

/** Every enrolment field has a label and a hint in the catalogue; the type checks both exist. */
type LabelledField = MessageKey extends infer Key ? (Key extends `form.enrol.${infer Field}.label` ? Field : never) : never;

function labelled(key: LabelledField & (`form.enrol.${LabelledField}.hint` extends MessageKey ? LabelledField : never)): {
  label: LocalizedText;
  hint: LocalizedText;
} {
  return { label: localized(`form.enrol.${key}.label`), hint: localized(`form.enrol.${key}.hint`) };
}

/** Fields whose label is a question or says "optional": a summary names them with a noun. */
const NAMED = {
  phdStatus: 'form.enrol.phdStatus.name',
  capacity: 'form.enrol.capacity.name',
  about: 'form.enrol.about.name',
  pairAgain: 'form.enrol.pairAgain.name',
} as const satisfies Partial<Record<LabelledField, PlainMessageKey>>;

function named(key: keyof typeof NAMED): { label: LocalizedText; hint: LocalizedText; name: LocalizedText } {
  return { ...labelled(key), name: localized(NAMED[key]) };
}

function pillarTitles(programme: Programme): LocalizedText {
  const titles = (locale: Locale) => programme.pillars.map((pillar, index) => `${index + 1}. ${pillar.title[locale]}`).join('\n');
  return { fr: titles('fr'), en: titles('en') };
}

/** The enrolment form of every platform; choices come from the community's programme. */
export function buildEnrolmentForm(programme: Programme): FormSpec {
  const { lists } = programme;
  const birthDateAsked = programme.eligibility.doctoralStudentsEligible ? ['none', 'defended'] : [...PHD_STATUSES];
  const fields: FormField[] = [
    { key: 'role', kind: 'choice', required: true, choices: fromCatalogue('role', ROLES), ...labelled('role') },
    {
      key: 'name',
      kind: 'text',
      required: true,
      minLength: LIMITS.name.min,
      maxLength: LIMITS.name.max,
      multiline: false,
      ...labelled('name'),
    },
    {
      key: 'affiliation',
      kind: 'text',
      required: true,
      minLength: LIMITS.affiliation.min,
      maxLength: LIMITS.affiliation.max,
      multiline: false,
      ...labelled('affiliation'),
    },
    {
      key: 'sector',
      kind: 'choice',
      required: true,
      when: MENTOR,
      choices: fromProgramme([
        { id: 'academic', label: programme.sectors.academic },
        { id: 'private', label: programme.sectors.private },
        { id: 'both', label: programme.sectors.both },
      ]),
      ...labelled('sector'),
    },
    {
      key: 'wishedSector',
      kind: 'choice',
      required: true,
      when: MENTEE,
      choices: fromCatalogue('wishedSector', WISHED_SECTORS),
      ...labelled('wishedSector'),
    },
    {
      key: 'phdStatus',
      kind: 'choice',
      required: true,
      when: MENTEE,
      choices: fromCatalogue('phdStatus', PHD_STATUSES),
      ...named('phdStatus'),
    },
    { key: 'phdDate', kind: 'date', required: true, when: { field: 'phdStatus', in: ['defended'] }, ...labelled('phdDate') },
    { key: 'birthDate', kind: 'date', required: true, when: { field: 'phdStatus', in: birthDateAsked }, ...labelled('birthDate') },
    {
      key: 'fields',
      kind: 'multi-choice',
      required: true,
      choices: fromProgramme(lists.fields),
      minItems: LIMITS.fields.min,
      maxItems: Math.min(LIMITS.fields.max, lists.fields.length),
      ...labelled('fields'),
    },
    {
      key: 'languages',
      kind: 'multi-choice',
      required: true,
      choices: fromProgramme(lists.languages),
      minItems: LIMITS.languages.min,
      maxItems: Math.min(LIMITS.languages.max, lists.languages.length),
      ...labelled('languages'),
    },
    { key: 'format', kind: 'choice', required: true, choices: fromCatalogue('format', FORMATS), ...labelled('format') },
    { key: 'region', kind: 'choice', required: true, choices: fromProgramme(lists.regions), ...labelled('region') },
    {
      key: 'offers',
      kind: 'multi-choice',
      required: true,
      when: MENTOR,
      choices: fromProgramme(lists.topics),
      minItems: LIMITS.topics.min,
      maxItems: Math.min(LIMITS.topics.max, lists.topics.length),
      ...labelled('offers'),
    },
    {
      key: 'capacity',
      kind: 'integer',
      required: true,
      when: MENTOR,
      min: programme.capacity.min,
      max: programme.capacity.max,
      ...named('capacity'),
    },
    {
      key: 'expectations',
      kind: 'multi-choice',
      required: true,
      when: MENTEE,
      choices: fromProgramme(lists.topics),
      minItems: LIMITS.topics.min,
      maxItems: Math.min(LIMITS.topics.max, lists.topics.length),
      ...labelled('expectations'),
    },
    {
      key: 'excluded',
      kind: 'list',
      required: false,
      when: MENTEE,
      maxItems: LIMITS.excluded.maxItems,
      itemMaxLength: LIMITS.excluded.itemMaxLength,
      ...labelled('excluded'),
    },
    { key: 'about', kind: 'text', required: false, minLength: 0, maxLength: LIMITS.about.max, multiline: true, ...named('about') },
    // No repeat pairs across cycles unless both members ask for it here (see MatchingInput.repeats).
    { key: 'pairAgain', kind: 'choice', required: false, choices: fromCatalogue('pairAgain', ['yes', 'no']), ...named('pairAgain') },
    {
      key: 'consentPillars',
      kind: 'consent',
      required: true,
      statement: localized('form.enrol.consentPillars.statement'),
      details: pillarTitles(programme),
      ...labelled('consentPillars'),
    },
    {
      key: 'consentData',
      kind: 'consent',
      required: true,
      statement: localized('form.enrol.consentData.statement'),
      details: {
        fr: programmeText(programme.texts.dataNotice, programme, 'fr'),
        en: programmeText(programme.texts.dataNotice, programme, 'en'),
      },
      ...labelled('consentData'),
    },
  ];
  return { id: ENROLMENT_FORM_ID, title: localized('form.enrol.title'), fields };
}
