import type { Command } from '../core/command';
import { COMMAND_GROUPS } from '../core/command';
import { findCommandByName } from '../core/help';
import type { Locale } from '../core/i18n/locale';
import { translate } from '../core/i18n/translate';
import type { Programme } from '../core/programme/programme-schema';
import { literal } from '../core/reply';
import { type KeyNames, keyNames, parseInlineValues, splitCommandLine } from './text-command-line';

export type TextCommand =
  | {
      readonly kind: 'command';
      readonly command: Command;
      /** By option key, whichever language its name was typed in. */
      readonly options: Readonly<Record<string, string>>;
      /** Values typed for the fields of the form the command may open, by field key. */
      readonly fields: Readonly<Record<string, string>>;
      /** `word:value` naming nothing the command knows: the line must be refused, not half read. */
      readonly unknownKeys: readonly string[];
    }
  /** `/mentorat-admin` alone: there is no default admin command, help is more useful. */
  | { readonly kind: 'group-help' }
  | { readonly kind: 'unknown' };

/**
 * Every name a command accepts as `key:`: its options by key and by their French and English
 * names (`personne:` and `person:`), and its form's fields by key.
 */
export function acceptedKeys(command: Command, programme: Programme): KeyNames {
  const fields = command.form?.(programme).fields ?? [];
  return keyNames([
    ...command.options.flatMap((option) => [option.key, option.name.fr, option.name.en].map((typed) => [typed, option.key] as const)),
    ...fields.map((field) => [field.key, field.key] as const),
  ]);
}

/**
 * Reads `/mentorat inscription role:mentor name:Alice` into a command and its options; a word
 * after the command with no `key:` goes to its first option, as Slack users type
 * `/mentorat interets mentor`. `/mentorat` alone is the default command.
 */
export function readTextCommand(line: string, commands: readonly Command[], programme: Programme, defaultCommandId: string): TextCommand {
  const { words, rest } = splitCommandLine(line);
  const [group, name] = words;
  if (!COMMAND_GROUPS.some((known) => known === group)) return { kind: 'unknown' };
  if (!name && group === 'mentorat-admin') return { kind: 'group-help' };
  const command = name ? findCommandByName(commands, words) : commands.find((candidate) => candidate.id === defaultCommandId);
  if (!command) return { kind: 'unknown' };
  const inline = parseInlineValues(rest, acceptedKeys(command, programme));
  const optionKeys = command.options.map((option) => option.key);
  const fieldKeys = command.form?.(programme).fields.map((field) => field.key) ?? [];
  const pick = (keys: readonly string[]) => Object.fromEntries(Object.entries(inline.values).filter(([key]) => keys.includes(key)));
  const options: Record<string, string> = pick(optionKeys);
  const [firstOption] = optionKeys;
  if (inline.leading && firstOption && options[firstOption] === undefined) options[firstOption] = inline.leading;
  return { kind: 'command', command, options, fields: pick(fieldKeys), unknownKeys: inline.unknownKeys };
}

/**
 * The answer to a line with a `word:value` the command does not know: nothing runs, rather than
 * the word being glued to another value or dropped; the names it does accept are listed.
 */
export function unknownKeysRefusal(command: Command, programme: Programme, unknownKeys: readonly string[], locale: Locale): string {
  const fields = command.form?.(programme).fields.map((field) => field.key) ?? [];
  const accepted = [...command.options.map((option) => option.name[locale]), ...fields];
  return translate(locale, 'command.error.unknownKeys', {
    keys: unknownKeys.map((key) => literal(`${key}:`)).join(', '),
    accepted: accepted.join(', ') || '—',
  });
}
