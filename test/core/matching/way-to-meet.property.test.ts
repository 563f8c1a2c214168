import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES, type MenteeCandidate, type MentorCandidate } from '../../../src/core/matching/candidates';
import { canMeet } from '../../../src/core/matching/compatibility';
import { proposePairings } from '../../../src/core/matching/proposal';
import { mentee, mentor } from './candidates-fixture';

const FORMAT = fc.constantFrom('remote', 'in-person', 'both') as fc.Arbitrary<MentorCandidate['format']>;
const REGION = fc.constantFrom('bretagne', 'corse', 'ile-de-france');
const LANGUAGES = fc.subarray(['fr', 'en'], { minLength: 1 });

const people = fc.record({
  mentors: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 3 }), format: FORMAT, region: REGION, languages: LANGUAGES }), {
    maxLength: 6,
  }),
  mentees: fc.array(fc.record({ format: FORMAT, region: REGION, languages: LANGUAGES }), { minLength: 1, maxLength: 10 }),
});

describe('the rule “a way to meet”, over any enrolments', () => {
  it('never proposes a pair that has no way to meet, and names the rule when it is what leaves a mentoré out', () => {
    fc.assert(
      fc.property(people, (input) => {
        const mentors: MentorCandidate[] = input.mentors.map((person, index) =>
          mentor({ ...person, id: `m${index}`, affiliation: `Lab m${index}` }),
        );
        const mentees: MenteeCandidate[] = input.mentees.map((person, index) => mentee({ ...person, id: `e${index}` }));
        const proposal = proposePairings({ mentors, mentees, pins: [], forbids: [] }, DEFAULT_MATCHING_RULES);
        const byId = new Map<string, MentorCandidate | MenteeCandidate>([...mentors, ...mentees].map((person) => [person.id, person]));
        for (const pair of proposal.pairs) {
          const [a, b] = [byId.get(pair.mentor), byId.get(pair.mentee)];
          if (!a || !b) throw new Error('a pair names someone unknown');
          expect(canMeet(a, b), `${pair.mentee} ↔ ${pair.mentor}`).toBe(true);
          expect(pair.terms.some((term) => term.kind === 'compatible-format')).toBe(true);
        }
        for (const left of proposal.unmatched) {
          const person = byId.get(left.mentee) as MenteeCandidate;
          const speaking = mentors.filter((other) => other.languages.some((language) => person.languages.includes(language)));
          const unreachable = speaking.filter((other) => !canMeet(other, person)).length;
          const told = left.reasons.find((reason) => reason.kind === 'blocked' && reason.because === 'no-way-to-meet');
          if (mentors.length > 0 && speaking.length > 0 && unreachable === speaking.length) {
            expect(told, `${left.mentee} is told why`).toEqual({ kind: 'blocked', because: 'no-way-to-meet', mentors: unreachable });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
