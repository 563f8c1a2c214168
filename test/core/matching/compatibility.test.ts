import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES, type MenteeCandidate, type MentorCandidate } from '../../../src/core/matching/candidates';
import { assessPair } from '../../../src/core/matching/compatibility';
import { defaultProgramme } from '../../support/programme';
import { mentee, mentor } from './candidates-fixture';

describe('how compatible a mentoré and a mentor are', () => {
  it('uses the weights of config/programme.yaml, which are the issue’s defaults', () => {
    expect(defaultProgramme().matching).toEqual(DEFAULT_MATCHING_RULES);
  });

  it('scores the issue’s default weights, naming every term: +10 per field, +5 sector, +3 per topic, +4 region in person, +2 format', () => {
    expect(assessPair(mentee(), mentor(), DEFAULT_MATCHING_RULES, false)).toEqual({
      allowed: true,
      score: 20 + 5 + 3 + 4 + 2,
      languages: ['fr'],
      terms: [
        { kind: 'shared-fields', items: ['metabolomique', 'proteomique'], points: 20 },
        { kind: 'wished-sector', sector: 'private', points: 5 },
        { kind: 'offered-topics', items: ['secteur-prive'], points: 3 },
        { kind: 'same-region', region: 'ile-de-france', points: 4 },
        { kind: 'compatible-format', points: 2 },
      ],
    });
  });

  it('gives nothing for what does not match: another sector, remote meetings, other formats', () => {
    const assessed = assessPair(
      mentee({ wishedSector: 'academic', format: 'remote', fields: [], expectations: [] }),
      mentor({ sector: 'private', format: 'in-person' }),
      DEFAULT_MATCHING_RULES,
      false,
    );
    expect(assessed).toEqual({ allowed: true, score: 0, terms: [], languages: ['fr'] });
  });

  it('counts “both” as satisfying any wished sector and any format, and “any” as satisfied by every sector', () => {
    const terms = (a: MentorCandidate, b: MenteeCandidate) => {
      const assessed = assessPair(b, a, DEFAULT_MATCHING_RULES, false);
      return assessed.allowed ? assessed.terms.map((term) => term.kind) : [];
    };
    expect(terms(mentor({ sector: 'both', format: 'both' }), mentee({ wishedSector: 'academic', format: 'remote' }))).toContain(
      'wished-sector',
    );
    expect(terms(mentor({ sector: 'academic' }), mentee({ wishedSector: 'any' }))).toContain('wished-sector');
    expect(terms(mentor({ format: 'remote' }), mentee({ format: 'both' }))).toContain('compatible-format');
  });

  it('refuses the pairs the hard rules forbid, saying which rule', () => {
    const rules = DEFAULT_MATCHING_RULES;
    expect(assessPair(mentee({ languages: ['de'] }), mentor(), rules, false)).toEqual({
      allowed: false,
      blockedBecause: 'no-shared-language',
    });
    expect(assessPair(mentee({ excluded: ['alice'] }), mentor(), rules, false)).toEqual({ allowed: false, blockedBecause: 'excluded' });
    expect(assessPair(mentee({ affiliation: ' institut  PASTEUR' }), mentor(), rules, false)).toEqual({
      allowed: false,
      blockedBecause: 'same-affiliation',
    });
    expect(assessPair(mentee(), mentor(), rules, true)).toEqual({ allowed: false, blockedBecause: 'forbidden' });
    expect(
      assessPair(mentee({ affiliation: 'Institut Pasteur' }), mentor(), { ...rules, forbidSameAffiliation: false }, false).allowed,
    ).toBe(true);
  });
});
