import type { Command } from '../core/command';
import { COMMAND_GROUPS } from '../core/command';
import { findCommandByName } from '../core/help';
import type { Programme } from '../core/programme/programme-schema';
import { parseInlineValues, splitCommandLine } from './text-command-line';

export type TextCommand =
  | {
      readonly kind: 'command';
      readonly command: Command;
      readonly options: Readonly<Record<string, string>>;
      /** Everything after the command words, for the form the command may open. */
      readonly rest: string;
      readonly unknownKeys: readonly string[];
    }
  /** `/mentorat-admin` alone: there is no default admin command, help is more useful. */
  | { readonly kind: 'group-help' }
  | { readonly kind: 'unknown' };

/** Every key a command accepts as `key:value`: its options, and its form's fields. */
export function acceptedKeys(command: Command, programme: Programme): string[] {
  return [...command.options.map((option) => option.key), ...(command.form?.(programme).fields.map((field) => field.key) ?? [])];
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
  const options: Record<string, string> = Object.fromEntries(Object.entries(inline.values).filter(([key]) => optionKeys.includes(key)));
  const [firstOption] = optionKeys;
  if (inline.leading && firstOption && options[firstOption] === undefined) options[firstOption] = inline.leading;
  return { kind: 'command', command, options, rest, unknownKeys: inline.unknownKeys };
}
