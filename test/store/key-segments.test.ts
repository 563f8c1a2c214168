import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeySegment, keyOf, keySegment } from '../../src/store/key-segments';

describe('key segments', () => {
  it.each([
    ['alice', 'alice'],
    ['123456789012345678', '123456789012345678'],
    ['Alice', '~41lice'],
    ['T01AB_C', '~5401~41~42~5f~43'],
    ['~', '~7e'],
    ['a.b:c', 'a~2eb~3ac'],
    ['%*?[', '~25~2a~3f~5b'],
    ['jean dupont', 'jean~20dupont'],
    ['é', '~c3~a9'],
    ['', ''],
  ])('encodes %j as %j', (text, segment) => {
    expect(keySegment(text)).toBe(segment);
    expect(decodeKeySegment(segment)).toBe(text);
  });

  it('gives ids that differ only by case two different segments', () => {
    expect(keySegment('abc')).not.toBe(keySegment('ABC'));
    expect(keySegment('Abc')).not.toBe(keySegment('aBc'));
  });

  it('decodes back any Unicode text it encoded, into the safe alphabet only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const segment = keySegment(text);
        expect(segment).toMatch(/^[a-z0-9~-]*$/);
        expect(decodeKeySegment(segment)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never gives two different texts the same segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        fc.pre(a !== b);
        expect(keySegment(a)).not.toBe(keySegment(b));
      }),
    );
  });

  it('refuses text with a lone surrogate, which has no UTF-8 form', () => {
    expect(() => keySegment('a\uD800b')).toThrow(RangeError);
  });

  it.each(['A', '~', '~5', '~5F', '~61', '~ff', 'a.b', 'a_b'])('refuses to decode %j, which it never produces', (segment) => {
    expect(() => decodeKeySegment(segment)).toThrow(RangeError);
  });

  it('joins encoded parts with dots into a key without ":" or wildcards', () => {
    expect(keyOf('enrolment', 'terminal', 'local', 'Alice')).toBe('enrolment.terminal.local.~41lice');
    expect(keyOf('enrolment', 'slack', 'T01AB_C', 'U:1')).toBe('enrolment.slack.~5401~41~42~5f~43.~55~3a1');
  });
});
