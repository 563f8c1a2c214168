import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, DEFAULT_COMMAND_ID } from '../../commands/index';
import { readCommandOptions } from '../../src/core/command';
import { validateField } from '../../src/core/forms/form-schema';
import { parseRawValue } from '../../src/core/forms/raw-input';
import { en } from '../../src/core/i18n/en';
import { fr } from '../../src/core/i18n/fr';
import { readTextCommand } from '../../src/platforms/text-command';
import { readTypedOptions } from '../../src/platforms/typed-options';
import { defaultProgramme } from '../support/programme';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const programme = defaultProgramme();

/** The values a reader substitutes for the ellipses and placeholders of a documented line. */
const SAMPLE_TEXT = 'Un texte d’exemple, assez long pour être accepté par chaque formulaire.';
function fillPlaceholders(line: string): string {
  return line
    .replaceAll('@…', '@zoe')
    .replaceAll('SIG-…', 'SIG-0001')
    .replaceAll('reference:…', 'reference:SIG-0001')
    .replaceAll('{reference}', 'SIG-0001')
    .replace(/<commande>|<command>/, 'inscription')
    .replace(/(\w+):…/g, (_whole, key: string) => `${key}:${SAMPLE_TEXT}`);
}

/** `/mentorat…` between backticks, as the README and the catalogue's hints show them. */
function quotedCommands(text: string): string[] {
  return [...text.matchAll(/`(\/mentorat[^`]*)`/g)].map((match) => match[1] ?? '');
}

/** The README's transcript and one-line examples: what follows `name> `, up to the comment. */
function transcriptLines(text: string): string[] {
  return text.split('\n').flatMap((line) => /^(?:\w+> )?(\/mentorat\S*(?: \S+)*?)(?: {2,}.*)?$/.exec(line)?.[1] ?? []);
}

/**
 * The command table: `/mentorat-admin referents` / `referents` `[action:lister\|ajouter\|retirer] [personne:@…]`
 * becomes one line per alternative, each option with the alternative of the same rank (or its last).
 */
function tableLines(text: string): string[] {
  return text.split('\n').flatMap((row) => {
    const match = /^\| `(\/mentorat[^`]*)` \/ `[^`]+`(?: `([^`]+)`)?/.exec(row);
    if (!match?.[1]) return [];
    const tokens = (match[2] ?? '')
      .replaceAll('\\|', '|')
      .replace(/[[\]]/g, '')
      .split(/\s+/)
      .filter((token) => token.includes(':'))
      .map((token) => {
        const [key = '', values = ''] = token.split(/:(.*)/s);
        return { key, alternatives: values.split('|') };
      })
      // `status:…`: a value to choose, not text to write; the line without it still shows the command.
      .filter(({ key, alternatives }) => !(alternatives.join('') === '…' && ['status', 'category'].includes(key)));
    const ranks = Math.max(1, ...tokens.map((token) => token.alternatives.length));
    return Array.from({ length: ranks }, (_, rank) =>
      [match[1], ...tokens.map(({ key, alternatives }) => `${key}:${alternatives[Math.min(rank, alternatives.length - 1)]}`)].join(' '),
    );
  });
}

function hints(catalogue: Readonly<Record<string, string>>): string[] {
  return Object.values(catalogue).flatMap(quotedCommands);
}

const documented = [
  ...new Set(
    [...quotedCommands(README), ...transcriptLines(README), ...tableLines(README), ...hints(fr), ...hints(en)]
      // Syntax, not an example: `/mentorat-admin [sous-commande]`, `/mentorat <subcommand>`.
      .filter((line) => !/\[sous-commande\]|<subcommand>|\*$/.test(line))
      .map(fillPlaceholders)
      // `(/mentorat-admin …)`: any command of the group, in prose.
      .filter((line) => !line.includes('…')),
  ),
];

/** What the terminal would refuse on this line, or nothing. */
function refusalOf(line: string): string | undefined {
  const typed = readTextCommand(line, commands, programme, DEFAULT_COMMAND_ID);
  if (typed.kind === 'unknown') return 'unknown command';
  if (typed.kind === 'group-help') return undefined;
  if (typed.unknownKeys.length > 0) return `unknown keys ${typed.unknownKeys.join(', ')}`;
  const options = readTypedOptions(typed.command, typed.options, { person: (name) => name.replace(/^@/, '') });
  try {
    readCommandOptions(typed.command.options, typed.command.input, options);
  } catch (error) {
    // A command named in prose (`Ajustez avec /mentorat-admin epingler`): it exists, and typed
    // alone it asks for its missing option by name, which is what the reader is pointed to.
    const mentionOnly = Object.keys(options).length === 0 && Object.keys(typed.fields).length === 0;
    if (mentionOnly && (error as { messageKey?: string }).messageKey === 'command.error.missingOption') return undefined;
    return `options refused: ${String((error as { messageKey?: string }).messageKey ?? error)} ${JSON.stringify(options)}`;
  }
  const form = typed.command.form?.(programme);
  for (const [key, text] of Object.entries(typed.fields)) {
    const field = form?.fields.find((candidate) => candidate.key === key);
    const problem = field && validateField(field, parseRawValue(field, text));
    if (problem) return `field ${key} refused: ${JSON.stringify(problem)}`;
  }
  return undefined;
}

describe('every command line the README and the bot’s hints show', () => {
  it('are found in numbers, in both languages', () => {
    expect(documented.length).toBeGreaterThan(60);
    expect(documented).toContain('/mentorat-admin referents action:ajouter personne:@zoe');
    expect(documented).toContain('/mentorat-admin referents action:add person:@zoe');
    expect(documented).toContain('/mentorat-admin binome action:dissoudre mentee:@zoe mentor:@zoe referent:@zoe');
    expect(documented.some((line) => line.startsWith('/mentorat inscription role:mentor name:Alice Martin'))).toBe(true);
  });

  it.each(documented)('%s is accepted by the terminal as written', (line) => {
    expect(refusalOf(line)).toBeUndefined();
  });
});

describe('option names and choices typed in either language', () => {
  const options = (line: string) => {
    const typed = readTextCommand(line, commands, programme, DEFAULT_COMMAND_ID);
    return typed.kind === 'command' ? { options: typed.options, unknownKeys: typed.unknownKeys } : undefined;
  };

  it('give the same options, whichever language the key is typed in', () => {
    const expected = { options: { action: 'ajouter', person: '@zoe' }, unknownKeys: [] };
    expect(options('/mentorat-admin referents action:ajouter personne:@zoe')).toEqual(expected);
    expect(options('/mentorat-admin referents action:ajouter person:@zoe')).toEqual(expected);
    expect(options('/mentorat-admin referents action:ajouter Personne:@zoe')).toEqual(expected);
    expect(options('/mentorat-admin interdire mentoré:dan mentor:erin')).toEqual({
      options: { mentee: 'dan', mentor: 'erin' },
      unknownKeys: [],
    });
    expect(options('/mentorat-admin forbid mentee:dan mentor:erin')).toEqual({
      options: { mentee: 'dan', mentor: 'erin' },
      unknownKeys: [],
    });
    expect(options('/mentorat-admin signalements statut:recu categorie:relation')).toEqual({
      options: { status: 'recu', category: 'relation' },
      unknownKeys: [],
    });
  });

  it('choose the same choice, typed in French or English', () => {
    const referents = commands.find((command) => command.id === 'admin.referents');
    if (!referents) throw new Error('no referents command');
    for (const [typed, action] of [
      ['ajouter', 'add'],
      ['add', 'add'],
      ['retirer', 'remove'],
      ['lister', 'list'],
    ] as const) {
      expect(readCommandOptions(referents.options, referents.input, { action: typed, person: 'zoe' })).toMatchObject({ action });
    }
    const benefits = commands.find((command) => command.id === 'mentorat.benefits');
    if (!benefits) throw new Error('no benefits command');
    expect(readCommandOptions(benefits.options, benefits.input, { role: 'mentore' })).toEqual({ role: 'mentee' });
    expect(readCommandOptions(benefits.options, benefits.input, { role: 'mentee' })).toEqual({ role: 'mentee' });
  });
});
