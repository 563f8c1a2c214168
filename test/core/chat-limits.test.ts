import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, splitMessage } from '../../src/core/chat-limits';

const withoutWhitespace = (text: string) => text.replace(/\s/g, '');

/** Text made of words, line breaks and blank lines, with the odd very long line. */
const chatText = fc
  .array(
    fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('\n', '\n\n', '\n\n\n', ' '),
      fc.string({ minLength: 30, maxLength: 90, unit: fc.constantFrom('a', 'b', 'é', ' ') }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** An unpaired UTF-16 surrogate: half of an emoji. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('splitting long messages', () => {
  it('leaves a text that fits unchanged, as one message', () => {
    expect(splitMessage('Bonjour !\n\nÀ bientôt.')).toEqual(['Bonjour !\n\nÀ bientôt.']);
    expect(splitMessage('a'.repeat(MAX_MESSAGE_LENGTH))).toEqual(['a'.repeat(MAX_MESSAGE_LENGTH)]);
  });

  it('cuts a text one character too long into two messages', () => {
    const pieces = splitMessage('a'.repeat(MAX_MESSAGE_LENGTH + 1));
    expect(pieces.map((piece) => piece.length)).toEqual([MAX_MESSAGE_LENGTH, 1]);
  });

  it('keeps every piece within the limit, never empty, and loses no visible character', () => {
    fc.assert(
      fc.property(chatText, fc.integer({ min: 8, max: 120 }), (text, max) => {
        const pieces = splitMessage(text, max);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(max);
          if (text.length > max) expect(piece.length).toBeGreaterThan(0);
        }
        expect(withoutWhitespace(pieces.join(''))).toBe(withoutWhitespace(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never cuts inside a paragraph that fits in one message', () => {
    // Blank paragraphs are left out: a message made only of spaces is dropped on purpose.
    const paragraph = fc
      .string({ minLength: 1, maxLength: 60, unit: fc.constantFrom('a', 'b', ' ', 'é', '.') })
      .filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 30 }), fc.integer({ min: 60, max: 200 }), (paragraphs, max) => {
        const pieces = splitMessage(paragraphs.join('\n\n'), max);
        expect(pieces.join('\n\n')).toBe(paragraphs.join('\n\n'));
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('cuts between lines before cutting inside a line', () => {
    const lines = Array.from({ length: 10 }, (_, index) => `${index}`.repeat(30));
    const pieces = splitMessage(lines.join('\n'), 100);
    expect(pieces).toEqual([lines.slice(0, 3).join('\n'), lines.slice(3, 6).join('\n'), lines.slice(6, 9).join('\n'), lines[9]]);
  });

  it('packs several short paragraphs into one message before starting the next', () => {
    const paragraphs = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)];
    expect(splitMessage(paragraphs.join('\n\n'), 90)).toEqual([`${paragraphs[0]}\n\n${paragraphs[1]}`, paragraphs[2]]);
  });

  it('sends the real programme-sized text in messages of at most 2,000 characters', () => {
    const text = Array.from({ length: 40 }, (_, index) => `Paragraphe ${index} : ${'texte '.repeat(30)}`).join('\n\n');
    const pieces = splitMessage(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });

  // A line longer than the limit is cut every `max` UTF-16 code units, which can fall between
  // the two halves of an emoji: each message then holds half a character.
  it('never cuts an emoji in two when it has to cut inside a line', () => {
    const pieces = splitMessage(`a${'😀'.repeat(10)}`, 4);
    for (const piece of pieces) expect(piece).not.toMatch(LONE_SURROGATE);
  });
});

describe('splitting awkward texts', () => {
  it('never returns a blank piece, and never nothing', () => {
    expect(splitMessage('\n\n'.repeat(20), 10)).toHaveLength(1);
    for (const piece of splitMessage(`${'a'.repeat(10)}\n\n \n\n${'b'.repeat(10)}`, 10)) expect(piece.trim()).not.toBe('');
    expect(splitMessage(`${'a'.repeat(8)}\n\n\n${'b'.repeat(8)}`, 10)).toEqual(['a'.repeat(8), 'b'.repeat(8)]);
  });
});
