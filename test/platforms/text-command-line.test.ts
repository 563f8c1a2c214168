import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInlineValues, splitCommandLine } from '../../src/platforms/text-command-line';

describe('terminal command lines', () => {
  it('separates the command words from the options', () => {
    expect(splitCommandLine('/mentorat inscription role:mentor name:Alice')).toEqual({
      words: ['mentorat', 'inscription'],
      rest: 'role:mentor name:Alice',
    });
    expect(splitCommandLine('/mentorat')).toEqual({ words: ['mentorat'], rest: '' });
    expect(splitCommandLine('/mentorat role:mentor')).toEqual({ words: ['mentorat'], rest: 'role:mentor' });
    expect(splitCommandLine('/mentorat interets mentor')).toEqual({ words: ['mentorat', 'interets'], rest: 'mentor' });
  });

  it('reads values with spaces and colons up to the next known key', () => {
    const parsed = parseInlineValues('name:Alice Martin about:Note: j’aime la MS affiliation:"Institut X"', [
      'name',
      'about',
      'affiliation',
    ]);
    expect(parsed.values).toEqual({ name: 'Alice Martin', about: 'Note: j’aime la MS', affiliation: 'Institut X' });
    expect(parsed.unknownKeys).toEqual([]);
  });

  it('reports unknown keys typed before any known one, and keeps leading words as a positional value', () => {
    expect(parseInlineValues('nmae:Alice role:mentor', ['name', 'role'])).toEqual({
      values: { role: 'mentor' },
      unknownKeys: ['nmae'],
      leading: '',
    });
    expect(parseInlineValues('mentor', ['role'])).toEqual({ values: {}, unknownKeys: [], leading: 'mentor' });
  });

  it('gives back every value it was given, whatever the text', () => {
    const key = fc.constantFrom('name', 'about', 'role', 'fields');
    const value = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((text) => text.trim() === text && !/\s\w[\w-]*:/.test(` ${text}`) && !/^["']|["']$/.test(text));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name, minLength: 1 }), (pairs) => {
        const line = pairs.map(([name, text]) => `${name}:${text}`).join(' ');
        expect(parseInlineValues(line, ['name', 'about', 'role', 'fields']).values).toEqual(Object.fromEntries(pairs));
      }),
    );
  });
});
