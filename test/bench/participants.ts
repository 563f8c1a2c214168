import type { RawFormValue, RawFormValues } from '../../src/core/forms/form-types';
import type { Choice, Programme } from '../../src/core/programme/programme-schema';

/** mulberry32: a tiny seeded PRNG, so that participant n always answers the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function integer(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new RangeError('cannot pick from an empty list');
  }
  return item;
}

/** `count` distinct items, in list order (a select menu returns them so). */
function pickSome<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const count = Math.min(integer(random, min, max), items.length);
  const chosen = new Set<number>();
  while (chosen.size < count) {
    chosen.add(Math.floor(random() * items.length));
  }
  return [...chosen].sort((a, b) => a - b).flatMap((index) => items.slice(index, index + 1));
}

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Hugo',
  'Inès',
  'Lucas',
  'Chloé',
  'Nathan',
  'Manon',
  'Yanis',
  'Zoé',
  'Élodie',
  'Mathis',
  'Aïcha',
  'Théo',
];
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Nguyen', 'Benali', 'Rousseau', 'Faure', 'Chevalier'];
const AFFILIATIONS = [
  'Université Paris-Saclay, ICMMO',
  'CNRS, Institut de Chimie des Substances Naturelles',
  'Université de Strasbourg, LSMBO',
  'INRAE, Toulouse',
  'Sanofi R&D, Vitry-sur-Seine',
  'Thermo Fisher Scientific',
  'CEA Saclay, SPI',
  'Université de Lille, PRISM',
  'Servier, Gidy',
  'Université Claude Bernard Lyon 1, ISA',
];
const ABOUT = [
  '',
  'Disponible en visio le soir.',
  'Je travaille surtout en LC-MS/MS sur des matrices biologiques et j’aimerais échanger sur la suite de mon parcours après la thèse.',
  'Ancien post-doctorant à l’étranger, aujourd’hui en industrie pharmaceutique ; heureux de partager ce que j’ai appris des deux mondes.',
];
const EXCLUDED = ['Dr Dupont', 'Pr Lemaire', 'Claire Petit'];

/**
 * A select menu sends ids; the terminal lets people type labels or numbers in the list,
 * separated by `;` (a label holding a comma is typed as its number: commas separate too).
 */
function asTypedOrSelected(random: Random, all: readonly Choice[], chosen: readonly Choice[]): RawFormValue {
  if (random() < 0.7) {
    return chosen.map((choice) => choice.id);
  }
  return chosen.map((choice) => (choice.label.fr.includes(',') ? String(all.indexOf(choice) + 1) : choice.label.fr)).join('; ');
}

function date(year: number, month: number, day: number, french: boolean): string {
  const [dd, mm] = [String(day).padStart(2, '0'), String(month).padStart(2, '0')];
  return french ? `${dd}/${mm}/${year}` : `${year}-${mm}-${dd}`;
}

/** A user id as the terminal chat would give it: `user-00042`. */
export function userIdOf(index: number): string {
  return `user-${String(index).padStart(5, '0')}`;
}

/**
 * The raw answers participant `index` submits: even indices are mentors, odd ones mentees,
 * every mentee eligible on 2026-11-25 (a doctoral student, under 35, or a PhD defended since 2022).
 */
export function rawEnrolment(programme: Programme, index: number): RawFormValues {
  const random = seededRandom(0x5eed + index * 7919);
  const { lists } = programme;
  const french = random() < 0.5;
  const common = {
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    affiliation: pick(random, AFFILIATIONS),
    fields: asTypedOrSelected(random, lists.fields, pickSome(random, lists.fields, 1, 3)),
    languages: pickSome(random, lists.languages, 1, 3).map((choice) => choice.id),
    format: pick(random, ['remote', 'in-person', 'both']),
    region: pick(random, lists.regions).id,
    about: pick(random, ABOUT),
    consentPillars: random() < 0.5 ? true : 'oui',
    consentData: true,
  };
  if (index % 2 === 0) {
    return {
      role: 'mentor',
      ...common,
      sector: pick(random, ['academic', 'private', 'both']),
      offers: asTypedOrSelected(random, lists.topics, pickSome(random, lists.topics, 1, 5)),
      capacity: String(integer(random, programme.capacity.min, programme.capacity.max)),
    };
  }
  const mentee = {
    role: 'mentee',
    ...common,
    wishedSector: pick(random, ['academic', 'private', 'any']),
    expectations: asTypedOrSelected(random, lists.topics, pickSome(random, lists.topics, 1, 5)),
    excluded: random() < 0.2 ? pick(random, EXCLUDED) : '',
  };
  switch (integer(random, 0, 2)) {
    case 0:
      return { ...mentee, phdStatus: 'in-progress' };
    case 1:
      // Aged 21 to 33 on 2026-11-25.
      return {
        ...mentee,
        phdStatus: 'none',
        birthDate: date(integer(random, 1993, 2004), integer(random, 1, 12), integer(random, 1, 28), french),
      };
    default:
      // Defended between 2022 and 2025: at most 5 years before 2026-11-25.
      return {
        ...mentee,
        phdStatus: 'defended',
        phdDate: date(integer(random, 2022, 2025), integer(random, 1, 12), integer(random, 1, 28), french),
        birthDate: date(integer(random, 1975, 1998), integer(random, 1, 12), integer(random, 1, 28), french),
      };
  }
}
