import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment } from '../../../src/core/matching/assignment-brute-force';
import {
  DEFAULT_MATCHING_RULES,
  type MatchingInput,
  type MenteeCandidate,
  type MentorCandidate,
} from '../../../src/core/matching/candidates';
import { assessPair } from '../../../src/core/matching/compatibility';
import { proposePairings } from '../../../src/core/matching/proposal';
import { mentee, mentor } from './candidates-fixture';

const rules = DEFAULT_MATCHING_RULES;
const input = (mentors: MentorCandidate[], mentees: MenteeCandidate[], extra: Partial<MatchingInput> = {}): MatchingInput => ({
  mentors,
  mentees,
  pins: [],
  forbids: [],
  ...extra,
});

describe('proposing pairs', () => {
  it('matches as many mentorés as possible before a higher score', () => {
    // Dan would score more with Alice, but only Alice can take Erin: both get a mentor.
    const alice = mentor({ id: 'alice', capacity: 1 });
    const bob = mentor({ id: 'bob', capacity: 1, fields: [], languages: ['fr'], affiliation: 'CNRS' });
    const dan = mentee({ id: 'dan' });
    const erin = mentee({ id: 'erin', languages: ['en'] });
    const proposal = proposePairings(input([alice, bob], [dan, erin]), rules);
    expect(proposal.pairs.map((pair) => [pair.mentee, pair.mentor])).toEqual([
      ['dan', 'bob'],
      ['erin', 'alice'],
    ]);
    expect(proposal.matched).toBe(2);
    expect(proposal.total).toBe(proposal.pairs.reduce((sum, pair) => sum + pair.score, 0));
  });

  it('says why each unmatched mentoré got nobody', () => {
    const alice = mentor({ id: 'alice', capacity: 1 });
    const proposal = proposePairings(
      input([alice], [mentee({ id: 'dan' }), mentee({ id: 'erin' }), mentee({ id: 'fay', languages: ['de'] })]),
      rules,
    );
    expect(proposal.pairs.map((pair) => pair.mentee)).toEqual(['dan']);
    expect(proposal.unmatched).toEqual([
      { mentee: 'erin', reasons: [{ kind: 'compatible-mentors-full', mentors: 1 }] },
      { mentee: 'fay', reasons: [{ kind: 'blocked', because: 'no-shared-language', mentors: 1 }] },
    ]);
    expect(proposePairings(input([], [mentee()]), rules).unmatched).toEqual([{ mentee: 'dan', reasons: [{ kind: 'no-mentor' }] }]);
  });

  it('keeps coordinators’ pins whatever the score, and never proposes a forbidden pair', () => {
    const alice = mentor({ id: 'alice', capacity: 1 });
    const bob = mentor({ id: 'bob', capacity: 1, fields: [], affiliation: 'CNRS' });
    const pinned = proposePairings(input([alice, bob], [mentee({ id: 'dan' })], { pins: [['dan', 'bob']] }), rules);
    expect(pinned.pairs).toEqual([expect.objectContaining({ mentee: 'dan', mentor: 'bob', pinned: true })]);
    const forbidden = proposePairings(input([alice, bob], [mentee({ id: 'dan' })], { forbids: [['dan', 'alice']] }), rules);
    expect(forbidden.pairs.map((pair) => pair.mentor)).toEqual(['bob']);
  });

  const people = fc.record({
    mentors: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('m1', 'm2', 'm3', 'm4'),
        capacity: fc.integer({ min: 1, max: 3 }),
        languages: fc.subarray(['fr', 'en'], { minLength: 1 }),
        fields: fc.subarray(['a', 'b', 'c']),
        sector: fc.constantFrom('academic' as const, 'private' as const, 'both' as const),
        affiliation: fc.constantFrom('X', 'Y', 'Z'),
        format: fc.constantFrom('remote' as const, 'in-person' as const, 'both' as const),
        region: fc.constantFrom('n', 's'),
        offers: fc.subarray(['t1', 't2']),
      }),
      { selector: (item) => item.id, maxLength: 4 },
    ),
    mentees: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5'),
        languages: fc.subarray(['fr', 'en', 'de'], { minLength: 1 }),
        fields: fc.subarray(['a', 'b', 'c']),
        wishedSector: fc.constantFrom('academic' as const, 'private' as const, 'any' as const),
        affiliation: fc.constantFrom('X', 'Y', 'W'),
        format: fc.constantFrom('remote' as const, 'in-person' as const, 'both' as const),
        region: fc.constantFrom('n', 's'),
        expectations: fc.subarray(['t1', 't2']),
        excluded: fc.subarray(['m1', 'm2']),
      }),
      { selector: (item) => item.id, maxLength: 5 },
    ),
  });

  it('for any people: as many matched and as high a total as an exhaustive search finds', () => {
    fc.assert(
      fc.property(people, ({ mentors, mentees }) => {
        const proposal = proposePairings(input(mentors, mentees), rules);
        const columns = [...mentors].sort((a, b) => (a.id < b.id ? -1 : 1));
        const rows = [...mentees].sort((a, b) => (a.id < b.id ? -1 : 1));
        const scores: number[] = [];
        const allowed: number[] = [];
        for (const row of rows) {
          for (const column of columns) {
            const assessed = assessPair(row, column, rules, false);
            scores.push(assessed.allowed ? assessed.score : 0);
            allowed.push(assessed.allowed ? 1 : 0);
          }
        }
        const best = bruteForceAssignment({
          rows: rows.length,
          columns: columns.length,
          capacities: columns.map((m) => m.capacity),
          scores,
          allowed,
        });
        expect({ matched: proposal.matched, total: proposal.total }).toEqual(best);
      }),
      { numRuns: 200 },
    );
  });

  it('for any people: capacities and hard rules hold, and the same people in any order give the same pairs', () => {
    fc.assert(
      fc.property(people, fc.integer(), ({ mentors, mentees }, seed) => {
        const proposal = proposePairings(input(mentors, mentees), rules);
        for (const candidate of mentors) {
          expect(proposal.pairs.filter((pair) => pair.mentor === candidate.id).length).toBeLessThanOrEqual(candidate.capacity);
        }
        for (const pair of proposal.pairs) {
          const who = mentees.find((candidate) => candidate.id === pair.mentee);
          const whom = mentors.find((candidate) => candidate.id === pair.mentor);
          expect(who?.excluded).not.toContain(pair.mentor);
          expect(who?.languages.some((language) => whom?.languages.includes(language))).toBe(true);
          expect(who?.affiliation).not.toBe(whom?.affiliation);
        }
        expect(proposal.matched + proposal.unmatched.length).toBe(mentees.length);
        const shuffled = (list: readonly unknown[]) => [...list].sort(() => (seed % 2 === 0 ? 1 : -1));
        const again = proposePairings(input(shuffled(mentors) as MentorCandidate[], shuffled(mentees) as MenteeCandidate[]), rules);
        expect(again).toEqual(proposal);
      }),
      { numRuns: 300 },
    );
  });
});
