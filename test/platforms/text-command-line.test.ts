import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyNames, parseInlineValues, splitCommandLine } from '../../src/platforms/text-command-line';

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

  it('reports an unknown key after a known one instead of gluing it onto its value', () => {
    expect(parseInlineValues('consentData:oui extra:1', ['consentData']).unknownKeys).toEqual(['extra']);
    expect(parseInlineValues('role:mentor nmae:Alice capacity:2 wat:x', ['role', 'name', 'capacity']).unknownKeys).toEqual(['nmae', 'wat']);
  });

  it('keeps prose, links and quoted values as text', () => {
    const keys = ['description', 'about', 'role'];
    expect(parseInlineValues('description:Il m’a dit voir: ceci, puis rien role:mentor', keys)).toEqual({
      values: { description: 'Il m’a dit voir: ceci, puis rien', role: 'mentor' },
      unknownKeys: [],
      leading: '',
    });
    expect(parseInlineValues('about:https://example.org/a?b=c:d role:mentor', keys).values).toEqual({
      about: 'https://example.org/a?b=c:d',
      role: 'mentor',
    });
    expect(parseInlineValues('about:"la page wiki:Accueil et role:x" role:mentor', keys)).toEqual({
      values: { about: 'la page wiki:Accueil et role:x', role: 'mentor' },
      unknownKeys: [],
      leading: '',
    });
    expect(parseInlineValues("about: 'doi:10.1000/182' role:mentor", keys).values).toEqual({ about: 'doi:10.1000/182', role: 'mentor' });
  });

  it('reads a key by any of its names, whatever the case and accents', () => {
    const names = keyNames([
      ['person', 'person'],
      ['personne', 'person'],
      ['mentee', 'mentee'],
      ['mentore', 'mentee'],
    ]);
    expect(parseInlineValues('Personne:@zoe mentoré:dan', names)).toEqual({
      values: { person: '@zoe', mentee: 'dan' },
      unknownKeys: [],
      leading: '',
    });
  });

  it('gives back every value it was given, whatever the text', () => {
    const key = fc.constantFrom('name', 'about', 'role', 'fields');
    const value = fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((text) => text.trim() === text && !/\s\p{L}[\p{L}\p{N}_-]*:/u.test(` ${text}`) && !/^["']|["']$/.test(text));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name, minLength: 1 }), (pairs) => {
        const line = pairs.map(([name, text]) => `${name}:${text}`).join(' ');
        expect(parseInlineValues(line, ['name', 'about', 'role', 'fields']).values).toEqual(Object.fromEntries(pairs));
      }),
    );
  });
});
