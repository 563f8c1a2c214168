import { foldForMatching } from '../forms/raw-input';
import type { MatchingRules, MenteeCandidate, MentorCandidate } from './candidates';

/** Why a pair is not a candidate at all: the hard rules. */
export type BlockedBecause = 'no-shared-language' | 'no-way-to-meet' | 'excluded' | 'same-affiliation' | 'forbidden' | 'paired-before';

/** One term of a pair's score, with what made it: the reasons coordinators read. */
export type ScoreTerm =
  | { readonly kind: 'shared-fields'; readonly items: readonly string[]; readonly points: number }
  | {
      readonly kind: 'wished-sector';
      /** What the mentoré asked for; absent from terms stored before it was recorded. */
      readonly wished?: MenteeCandidate['wishedSector'];
      readonly sector: MentorCandidate['sector'];
      readonly points: number;
    }
  | { readonly kind: 'offered-topics'; readonly items: readonly string[]; readonly points: number }
  | { readonly kind: 'same-region'; readonly region: string; readonly points: number }
  | { readonly kind: 'compatible-format'; readonly points: number }
  | { readonly kind: 'first-in-line'; readonly points: number };

/**
 * What a mentoré first in line (their binôme dissolved as "not a good fit") adds to every pair they
 * could form: far more than any soft score a programme gives one pair (tens of points), so that
 * when mentorés compete for the last places the one first in line is matched; the matcher still
 * matches as many mentorés as it can first, so nobody else loses a place that only they could take.
 */
export const FIRST_IN_LINE_POINTS = 1000;

export type PairAssessment =
  | { readonly allowed: false; readonly blockedBecause: BlockedBecause }
  | { readonly allowed: true; readonly score: number; readonly terms: readonly ScoreTerm[]; readonly languages: readonly string[] };

function shared(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((item) => other.has(item)).sort();
}

const meetsInPerson = (format: MentorCandidate['format']) => format === 'in-person' || format === 'both';

export function sectorSatisfies(wished: MenteeCandidate['wishedSector'], sector: MentorCandidate['sector']): boolean {
  return wished === 'any' || sector === 'both' || sector === wished;
}

type Whereabouts = Pick<MentorCandidate, 'format' | 'region'>;

/** Both accept remote meetings, or both accept meeting in person and live in the same region. */
export function canMeet(mentor: Whereabouts, mentee: Whereabouts): boolean {
  const remote = (format: MentorCandidate['format']) => format === 'remote' || format === 'both';
  if (remote(mentor.format) && remote(mentee.format)) return true;
  return meetsInPerson(mentor.format) && meetsInPerson(mentee.format) && mentor.region === mentee.region;
}

/**
 * The hard rule "a way to meet", as `assessPair` applies it: true when the pair can meet, or when
 * the programme leaves the rule off. One predicate, so every place that prepares pairs agrees.
 */
export function haveWayToMeet(mentor: Whereabouts, mentee: Whereabouts, rules: Pick<MatchingRules, 'requireWayToMeet'>): boolean {
  return !rules.requireWayToMeet || canMeet(mentor, mentee);
}

/** What two affiliations are compared on: "Institut Pasteur" and "institut  pasteur " give one key; '' is no affiliation. */
export function affiliationKey(text: string): string {
  return foldForMatching(text).replace(/\s+/g, ' ');
}

/** "Institut Pasteur" and "institut  pasteur " are one affiliation. */
export function sameAffiliation(a: string, b: string): boolean {
  const key = affiliationKey(a);
  return key !== '' && key === affiliationKey(b);
}

/**
 * The hard rules, then the soft score of one mentoré with one mentor. Every point comes with
 * the term that earned it, so a proposal can say why in words. The matcher scores every pair
 * with pair-scores.ts, the same rules compiled: a rule changed here is changed there too (a
 * property test compares the two on every pair).
 */
export function assessPair(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  rules: MatchingRules,
  forbidden: boolean,
  pairedBefore = false,
): PairAssessment {
  if (forbidden) return { allowed: false, blockedBecause: 'forbidden' };
  if (mentee.excluded.includes(mentor.id)) return { allowed: false, blockedBecause: 'excluded' };
  // No repeat pairs: a pair from an earlier cycle is not proposed again (see MatchingInput.repeats).
  if (pairedBefore) return { allowed: false, blockedBecause: 'paired-before' };
  const languages = shared(mentee.languages, mentor.languages);
  if (languages.length === 0) return { allowed: false, blockedBecause: 'no-shared-language' };
  if (!haveWayToMeet(mentor, mentee, rules)) return { allowed: false, blockedBecause: 'no-way-to-meet' };
  if (rules.forbidSameAffiliation && sameAffiliation(mentee.affiliation, mentor.affiliation)) {
    return { allowed: false, blockedBecause: 'same-affiliation' };
  }
  const { weights } = rules;
  const terms: ScoreTerm[] = [];
  const fields = shared(mentee.fields, mentor.fields);
  if (fields.length > 0 && weights.sharedField > 0)
    terms.push({ kind: 'shared-fields', items: fields, points: fields.length * weights.sharedField });
  if (sectorSatisfies(mentee.wishedSector, mentor.sector) && weights.wishedSector > 0) {
    terms.push({ kind: 'wished-sector', wished: mentee.wishedSector, sector: mentor.sector, points: weights.wishedSector });
  }
  const topics = shared(mentor.offers, mentee.expectations);
  if (topics.length > 0 && weights.offeredTopic > 0)
    terms.push({ kind: 'offered-topics', items: topics, points: topics.length * weights.offeredTopic });
  if (meetsInPerson(mentor.format) && meetsInPerson(mentee.format) && mentor.region === mentee.region && weights.sameRegionInPerson > 0) {
    terms.push({ kind: 'same-region', region: mentor.region, points: weights.sameRegionInPerson });
  }
  // "Compatible format" means they can really meet: in person in two regions is no format in common.
  if (canMeet(mentor, mentee) && weights.compatibleFormat > 0) {
    terms.push({ kind: 'compatible-format', points: weights.compatibleFormat });
  }
  if (mentee.firstInLine) terms.push({ kind: 'first-in-line', points: FIRST_IN_LINE_POINTS });
  return { allowed: true, score: terms.reduce((sum, term) => sum + term.points, 0), terms, languages };
}
