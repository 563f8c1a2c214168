import type { RawFormValues } from '../../src/core/forms/form-types';

/** A mentor's answers as typed in the terminal, all valid for the default programme. */
export const MENTOR_ANSWERS = {
  role: 'mentor',
  name: 'Marie Curie',
  affiliation: 'Institut du Radium',
  sector: 'academic',
  fields: 'proteomique;metabolomique',
  languages: 'fr;en',
  format: 'both',
  region: 'ile-de-france',
  offers: 'carriere-academique;reseau',
  capacity: '2',
  about: 'Chercheuse en spectrométrie de masse depuis vingt ans.',
  consentPillars: 'oui',
  consentData: 'oui',
} as const satisfies RawFormValues;

/** A doctoral student's answers as typed in the terminal, all valid for the default programme. */
export const MENTEE_ANSWERS = {
  role: 'mentee',
  name: 'Alice Martin',
  affiliation: 'Université de Lyon',
  wishedSector: 'private',
  phdStatus: 'in-progress',
  fields: 'lipidomique',
  languages: 'fr',
  format: 'remote',
  region: 'auvergne-rhone-alpes',
  expectations: 'secteur-prive;cv-entretiens',
  excluded: 'Jean Dupont;Claire Petit',
  consentPillars: 'oui',
  consentData: 'oui',
} as const satisfies RawFormValues;

/** The answers with some fields replaced, or removed when given `undefined`. */
export function answersWith(base: RawFormValues, changes: RawFormValues): RawFormValues {
  const merged: Record<string, RawFormValues[string]> = { ...base, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete merged[key];
  return merged;
}
