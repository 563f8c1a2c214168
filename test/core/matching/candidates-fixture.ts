import type { MenteeCandidate, MentorCandidate } from '../../../src/core/matching/candidates';

/** A mentor and a mentoré who match on almost everything; tests change what they look at. */
export const mentor = (overrides: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id: 'alice',
  capacity: 2,
  languages: ['fr', 'en'],
  fields: ['proteomique', 'metabolomique'],
  sector: 'private',
  affiliation: 'Institut Pasteur',
  format: 'both',
  region: 'ile-de-france',
  offers: ['secteur-prive', 'reseau'],
  ...overrides,
});

export const mentee = (overrides: Partial<MenteeCandidate> = {}): MenteeCandidate => ({
  id: 'dan',
  languages: ['fr'],
  fields: ['proteomique', 'metabolomique', 'lipidomique'],
  wishedSector: 'private',
  affiliation: 'Université de Lille',
  format: 'in-person',
  region: 'ile-de-france',
  expectations: ['secteur-prive'],
  excluded: [],
  ...overrides,
});
