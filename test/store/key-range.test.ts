import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixEnd } from '../../src/store/key-range';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('the end of a key prefix', () => {
  it.each([
    ['enrolment.terminal.local.', 'enrolment.terminal.local/'],
    ['a', 'b'],
    ['a\u{10ffff}', 'b'],
    ['a\u{d7ff}', 'a\u{e000}'],
    ['a\u{ffff}', 'a\u{10000}'],
  ])('of %j is %j', (prefix, end) => {
    expect(prefixEnd(prefix)).toBe(end);
  });

  it('sorts, as UTF-8 bytes, after every key that starts with the prefix and after the prefix itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' }), (prefix, rest) => {
        fc.pre([...prefix].some((char) => char !== '\u{10ffff}'));
        const end = utf8(prefixEnd(prefix));
        expect(Buffer.compare(utf8(prefix + rest), end)).toBe(-1);
        expect(Buffer.compare(utf8(prefix), end)).toBe(-1);
      }),
    );
  });

  it('has no end for a prefix made only of the last code point', () => {
    expect(() => prefixEnd('\u{10ffff}')).toThrow(RangeError);
  });
});
