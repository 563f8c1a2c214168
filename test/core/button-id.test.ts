import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ButtonTarget, decodeButtonId, encodeButtonId, MAX_BUTTON_ID_LENGTH } from '../../src/dispatch/button-id';

/** Short texts full of the characters an id must survive: separators, escapes, accents, emoji. */
const tricky = (minLength: number) =>
  fc.oneof(
    fc.string({ minLength, maxLength: 6, unit: fc.constantFrom('|', '%', '%7C', '.', ' ', 'é', '😀', '·', 'a', '1') }),
    fc.string({ minLength, maxLength: 6, unit: 'grapheme' }),
  );

const targets: fc.Arbitrary<ButtonTarget> = fc.record({
  commandId: tricky(1),
  action: tricky(1),
  owner: tricky(1),
  args: fc.array(tricky(0), { maxLength: 3 }),
});

const encodedLength = (target: ButtonTarget) =>
  ['b1', target.commandId, target.action, target.owner, ...target.args].map(encodeURIComponent).join('|').length;

describe('button ids', () => {
  it('decode to exactly what was encoded, whatever the characters', () => {
    fc.assert(
      fc.property(targets, (target) => {
        fc.pre(encodedLength(target) <= MAX_BUTTON_ID_LENGTH);
        expect(decodeButtonId(encodeButtonId(target))).toEqual(target);
      }),
      { numRuns: 500 },
    );
  });

  it('keep an empty argument apart from no argument', () => {
    const base = { commandId: 'mentorat.withdraw', action: 'confirm', owner: '42' };
    expect(decodeButtonId(encodeButtonId({ ...base, args: [] }))?.args).toEqual([]);
    expect(decodeButtonId(encodeButtonId({ ...base, args: [''] }))?.args).toEqual(['']);
  });

  it('are refused when longer than 100 characters, and accepted at exactly 100', () => {
    const prefix = 'b1|c|a|o|';
    const fits = { commandId: 'c', action: 'a', owner: 'o', args: ['x'.repeat(MAX_BUTTON_ID_LENGTH - prefix.length)] };
    expect(encodeButtonId(fits)).toHaveLength(MAX_BUTTON_ID_LENGTH);
    expect(() => encodeButtonId({ ...fits, args: [`${fits.args[0]}x`] })).toThrow(/longer than 100/);
  });

  it('count the escaped length against the limit', () => {
    fc.assert(
      fc.property(targets, (target) => {
        if (encodedLength(target) > MAX_BUTTON_ID_LENGTH) expect(() => encodeButtonId(target)).toThrow();
        else expect(encodeButtonId(target).length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
      }),
    );
  });

  it.each([
    [''],
    ['hello'],
    ['b1'],
    ['b1|mentorat.withdraw|confirm'],
    ['b1||confirm|42'],
    ['b1|mentorat.withdraw||42'],
    ['b1|mentorat.withdraw|confirm|'],
    ['b2|mentorat.withdraw|confirm|42'],
    ['b1|mentorat.withdraw|confirm|42|%E0%A4%A'],
    ['%|%|%|%'],
  ])('decode the garbage %j to nothing', (id) => {
    expect(decodeButtonId(id)).toBeUndefined();
  });

  it('never throw while decoding, and decode only ids naming a command, an action and an owner', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: 'binary' }), (id) => {
        const decoded = decodeButtonId(id);
        if (decoded) {
          expect(id.startsWith('b1|')).toBe(true);
          expect([decoded.commandId, decoded.action, decoded.owner].every((part) => part.length > 0)).toBe(true);
        }
      }),
    );
  });
});
