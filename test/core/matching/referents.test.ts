import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReferents } from '../../../src/core/matching/referents';

describe('référents for the pairs', () => {
  it('spreads pairs evenly, by id on ties, and never gives a pair one of its own members', () => {
    const pairs = [
      { mentee: 'dan', mentor: 'alice' },
      { mentee: 'erin', mentor: 'ref1' },
      { mentee: 'fay', mentor: 'bob' },
    ];
    expect(assignReferents(pairs, ['ref2', 'ref1'])).toEqual(['ref1', 'ref2', 'ref1']);
    expect(assignReferents([{ mentee: 'x', mentor: 'ref1' }], ['ref1'])).toEqual([undefined]);
  });

  it('counts the binômes each référent already follows', () => {
    expect(assignReferents([{ mentee: 'a', mentor: 'b' }], ['r1', 'r2'], new Map([['r1', 3]]))).toEqual(['r2']);
  });

  it('for any pairs: loads differ by at most one when nobody is excluded, and the result is deterministic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.uniqueArray(fc.stringMatching(/^r[0-9]{1,2}$/), { minLength: 1, maxLength: 6 }),
        (count, referents) => {
          const pairs = Array.from({ length: count }, (_, index) => ({ mentee: `m${index}`, mentor: `n${index}` }));
          const chosen = assignReferents(pairs, referents);
          expect(assignReferents(pairs, [...referents].reverse())).toEqual(chosen);
          const loads = referents.map((id) => chosen.filter((referent) => referent === id).length);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
