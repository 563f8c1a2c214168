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

describe('référents chosen by coordinators', () => {
  it('are kept for their pair and counted before the others are balanced around them', () => {
    const pairs = [
      { mentee: 'a', mentor: 'm1' },
      { mentee: 'b', mentor: 'm2' },
      { mentee: 'c', mentor: 'm3' },
    ];
    expect(assignReferents(pairs, ['r1', 'r2'], new Map(), new Map([['a', 'r1']]))).toEqual(['r1', 'r2', 'r1']);
  });

  it('are ignored when the chosen person belongs to the pair', () => {
    expect(assignReferents([{ mentee: 'a', mentor: 'r1' }], ['r1', 'r2'], new Map(), new Map([['a', 'r1']]))).toEqual(['r2']);
  });

  it('never make someone outside the référents list a candidate for the other pairs', () => {
    const pairs = [
      { mentee: 'a', mentor: 'm1' },
      { mentee: 'b', mentor: 'm2' },
      { mentee: 'c', mentor: 'm3' },
    ];
    expect(assignReferents(pairs, ['r1'], new Map([['r1', 5]]), new Map([['a', 'ghost']]))).toEqual(['ghost', 'r1', 'r1']);
  });

  const people = fc.constantFrom('p0', 'p1', 'p2', 'p3', 'r0', 'r1', 'r2', 'r3');
  const situation = fc.record({
    pairs: fc.array(fc.record({ mentee: people, mentor: people }), { maxLength: 25 }),
    referents: fc.uniqueArray(fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4'), { maxLength: 5 }),
    current: fc.dictionary(fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'x'), fc.nat({ max: 4 })),
    chosen: fc.dictionary(people, fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'x')),
  });

  it('for any situation: never a member of its pair, only listed référents or the one chosen, the same answer every time', () => {
    fc.assert(
      fc.property(situation, ({ pairs, referents, current, chosen }) => {
        const currentLoads = new Map(Object.entries(current));
        const choices = new Map(Object.entries(chosen));
        const given = assignReferents(pairs, referents, currentLoads, choices);
        expect(assignReferents(pairs, [...referents].reverse(), new Map(currentLoads), new Map(choices))).toEqual(given);
        pairs.forEach((pair, index) => {
          const referent = given[index];
          const choice = choices.get(pair.mentee);
          const chosenKept = choice !== undefined && choice !== pair.mentee && choice !== pair.mentor;
          if (chosenKept) {
            expect(referent).toBe(choice);
            return;
          }
          const eligible = referents.filter((id) => id !== pair.mentee && id !== pair.mentor);
          if (eligible.length === 0) expect(referent).toBeUndefined();
          else expect(eligible).toContain(referent);
        });
      }),
    );
  });

  it('for any situation: nobody gets a balanced pair while a référent who could follow every pair follows two fewer', () => {
    fc.assert(
      fc.property(situation, ({ pairs, referents, current, chosen }) => {
        const currentLoads = new Map(Object.entries(current));
        const choices = new Map(Object.entries(chosen));
        const given = assignReferents(pairs, referents, currentLoads, choices);
        const final = new Map<string, number>(referents.map((id) => [id, currentLoads.get(id) ?? 0]));
        for (const referent of given) if (referent !== undefined) final.set(referent, (final.get(referent) ?? 0) + 1);
        const balancedTo = new Set(
          pairs.flatMap((pair, index) => {
            const choice = choices.get(pair.mentee);
            const chosenKept = choice !== undefined && choice !== pair.mentee && choice !== pair.mentor;
            return chosenKept ? [] : [given[index]];
          }),
        );
        const freeForAll: string[] = referents.filter((id) => pairs.every((pair) => pair.mentee !== id && pair.mentor !== id));
        for (const busy of balancedTo) {
          if (busy === undefined) continue;
          for (const free of freeForAll) expect(final.get(busy) ?? 0).toBeLessThanOrEqual((final.get(free) ?? 0) + 1);
        }
      }),
    );
  });

  it('for pairs of outsiders and no earlier load: the balanced pairs even out the loads the chosen ones left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.uniqueArray(fc.stringMatching(/^r[0-9]$/), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat({ max: 4 }), { maxLength: 30 }),
        (count, referents, picks) => {
          const pairs = Array.from({ length: count }, (_, index) => ({ mentee: `m${index}`, mentor: `n${index}` }));
          const chosen = new Map(
            picks.flatMap((pick, index) => (index < count && pick < referents.length ? [[`m${index}`, referents[pick] ?? '']] : [])),
          );
          const given = assignReferents(pairs, referents, new Map(), chosen);
          const loads = referents.map((id) => given.filter((referent) => referent === id).length);
          const fromChoices = referents.map((id) => [...chosen.values()].filter((referent) => referent === id).length);
          const balanced = count - chosen.size;
          // Enough balanced pairs to even out what the choices left: then max − min ≤ 1.
          if (balanced >= referents.length * Math.max(...fromChoices) - chosen.size) {
            expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          }
          expect(loads.reduce((sum, load) => sum + load, 0)).toBe(count);
        },
      ),
    );
  });
});
