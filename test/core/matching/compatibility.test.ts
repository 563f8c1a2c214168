import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES, type MenteeCandidate, type MentorCandidate } from '../../../src/core/matching/candidates';
import { assessPair, canMeet, haveWayToMeet } from '../../../src/core/matching/compatibility';
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
        { kind: 'wished-sector', wished: 'private', sector: 'private', points: 5 },
        { kind: 'offered-topics', items: ['secteur-prive'], points: 3 },
        { kind: 'same-region', region: 'ile-de-france', points: 4 },
        { kind: 'compatible-format', points: 2 },
      ],
    });
  });

  it('gives nothing for what does not match, the rule “a way to meet” left off: another sector, remote meetings, other formats', () => {
    const assessed = assessPair(
      mentee({ wishedSector: 'academic', format: 'remote', fields: [], expectations: [] }),
      mentor({ sector: 'private', format: 'in-person' }),
      { ...DEFAULT_MATCHING_RULES, requireWayToMeet: false },
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

  it('pairs only people who have a way to meet: both remote, or both in person in one region', () => {
    const rules = DEFAULT_MATCHING_RULES;
    const blocked = { allowed: false, blockedBecause: 'no-way-to-meet' };
    expect(assessPair(mentee({ format: 'remote' }), mentor({ format: 'in-person' }), rules, false)).toEqual(blocked);
    expect(assessPair(mentee({ format: 'in-person' }), mentor({ format: 'remote' }), rules, false)).toEqual(blocked);
    expect(
      assessPair(mentee({ format: 'in-person', region: 'bretagne' }), mentor({ format: 'in-person', region: 'corse' }), rules, false),
    ).toEqual(blocked);
    expect(
      assessPair(mentee({ format: 'both', region: 'bretagne' }), mentor({ format: 'in-person', region: 'corse' }), rules, false),
    ).toEqual(blocked);
    expect(
      assessPair(mentee({ format: 'remote', region: 'bretagne' }), mentor({ format: 'both', region: 'corse' }), rules, false).allowed,
    ).toBe(true);
    expect(assessPair(mentee({ format: 'in-person' }), mentor({ format: 'in-person' }), rules, false).allowed).toBe(true);
  });

  it('checks the way to meet after the shared language, so a pair with neither is told the language first', () => {
    expect(
      assessPair(mentee({ languages: ['de'], format: 'remote' }), mentor({ format: 'in-person' }), DEFAULT_MATCHING_RULES, false),
    ).toEqual({
      allowed: false,
      blockedBecause: 'no-shared-language',
    });
  });

  it('lets such pairs through when the programme turns the rule off, never calling them “format compatible”', () => {
    const rules = { ...DEFAULT_MATCHING_RULES, requireWayToMeet: false };
    const assessed = assessPair(
      mentee({ format: 'in-person', region: 'bretagne' }),
      mentor({ format: 'in-person', region: 'corse' }),
      rules,
      false,
    );
    expect(assessed.allowed).toBe(true);
    if (assessed.allowed) expect(assessed.terms.map((term) => term.kind)).not.toContain('compatible-format');
    expect(haveWayToMeet({ format: 'remote', region: 'corse' }, { format: 'in-person', region: 'corse' }, rules)).toBe(true);
    expect(haveWayToMeet({ format: 'remote', region: 'corse' }, { format: 'in-person', region: 'corse' }, DEFAULT_MATCHING_RULES)).toBe(
      false,
    );
  });

  it('says “a way to meet” exactly when the formats and regions allow one', () => {
    const formats = ['remote', 'in-person', 'both'] as const;
    for (const a of formats)
      for (const b of formats)
        for (const sameRegion of [true, false]) {
          const mentorSide = { format: a, region: 'corse' };
          const menteeSide = { format: b, region: sameRegion ? 'corse' : 'bretagne' };
          const remote = a !== 'in-person' && b !== 'in-person';
          const inPerson = a !== 'remote' && b !== 'remote' && sameRegion;
          expect(canMeet(mentorSide, menteeSide), `${a}/${b}/${sameRegion}`).toBe(remote || inPerson);
        }
  });
});
