import type { z } from 'zod';
import type { Audience } from './access';
import type { UseCaseContext } from './context';
import { UserError } from './errors';
import { choicesList } from './forms/form-schema';
import type { FieldChoice, FormSpec, RawFormValues } from './forms/form-types';
import { codePointName, forbiddenCharacter } from './forms/plain-text';
import { matchChoice } from './forms/raw-input';
import type { PlainMessageKey } from './i18n/translate';
import type { Programme } from './programme/programme-schema';
import type { Reply } from './reply';

export const COMMAND_GROUPS = ['mentorat', 'mentorat-admin'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** A slash-command option (a Discord option, a Slack word, a terminal `key:value`). */
export interface CommandOption {
  /** The name Discord receives whatever the person's language, and the key the input schema reads. */
  readonly key: string;
  /**
   * Its name per language (lowercase, at most 32 characters): what Discord shows, and what text
   * platforms accept as `name:value` besides the key, in either language.
   */
  readonly name: { readonly fr: string; readonly en: string };
  readonly description: PlainMessageKey;
  readonly required: boolean;
  readonly choices: readonly FieldChoice[];
  /**
   * `user`: a member of the community. Discord offers its member picker and hands over the id;
   * on Slack the person types `@name` (the manifest asks Slack to send it as `<@U…>`, read as
   * the id); the terminal takes the name as typed. The use case receives a user id, or, where
   * the platform could not give one, the text typed (a participant's name, for instance).
   */
  readonly kind?: 'text' | 'user';
}

export type RawOptions = Readonly<Record<string, string>>;

export interface CommandHelpers {
  /** Every command, for help texts that list them. */
  readonly commands: readonly Command[];
}

export type ActionHandler = (ctx: UseCaseContext, args: readonly string[]) => Promise<Reply>;

/** One command, declared once: every platform renders its registration, help and forms from this. */
export interface CommandSpec<Input> {
  /** Stable id, e.g. `mentorat.enrol`: button ids and logs use it, never the localized names. */
  readonly id: string;
  readonly group: CommandGroup;
  /** Subcommand names: lowercase, at most 32 characters (Discord), French first. */
  readonly name: { readonly fr: string; readonly en: string };
  /** At most 100 characters in each language (Discord). */
  readonly description: PlainMessageKey;
  readonly audience: Audience;
  readonly options: readonly CommandOption[];
  /** Parses the options; platforms only hand over strings. */
  readonly input: z.ZodType<Input, RawOptions>;
  /** The form this command opens, if any: adapters may open it before any I/O. */
  readonly form?: (programme: Programme) => FormSpec;
  run(ctx: UseCaseContext, input: Input, helpers: CommandHelpers): Promise<Reply>;
  submit?(ctx: UseCaseContext, values: RawFormValues): Promise<Reply>;
  /** Button handlers by action name; a button is only ever pressed by the person it was shown to. */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /**
   * Actions whose buttons may be posted in a shared space, pressed by whoever sees them: the
   * action checks who may act (a report's visibility policy), not the dispatcher's owner check.
   */
  readonly sharedActions?: readonly string[];
  /**
   * The form each action answers with, if it does: Discord and Slack must open a form as the
   * very first answer, so they need to know before running the action.
   */
  readonly actionForms?: Readonly<Record<string, (programme: Programme) => FormSpec>>;
}

/** A command with its input type erased, so different commands fit in one list. */
export interface Command extends Omit<CommandSpec<unknown>, 'input' | 'run'> {
  readonly input: z.ZodType<unknown, RawOptions>;
  run(ctx: UseCaseContext, options: RawOptions, helpers: CommandHelpers): Promise<Reply>;
}

/** Option values typed by label or number become their ids, as form choices do. */
function matchOptionChoices(declared: readonly CommandOption[], options: RawOptions): RawOptions {
  const matched: Record<string, string> = { ...options };
  for (const option of declared) {
    const typed = options[option.key];
    if (typed !== undefined && option.choices.length > 0) matched[option.key] = matchChoice(option.choices, typed) ?? typed;
  }
  return matched;
}

/**
 * The options of a command as its use case receives them, or the refusal the person sees (a
 * missing option, or a value outside its choices).
 */
export function readCommandOptions<Input>(
  declared: readonly CommandOption[],
  input: z.ZodType<Input, RawOptions>,
  options: RawOptions,
): Input {
  for (const [option, value] of Object.entries(options)) {
    const character = forbiddenCharacter(value, { multiline: false });
    if (character !== undefined) throw new UserError('command.error.controlCharacters', { option, character: codePointName(character) });
  }
  const parsed = input.safeParse(matchOptionChoices(declared, options));
  if (parsed.success) return parsed.data;
  const option = String(parsed.error.issues[0]?.path[0] ?? '');
  if (options[option] === undefined || options[option]?.trim() === '') throw new UserError('command.error.missingOption', { option });
  const choices = declared.find((candidate) => candidate.key === option)?.choices ?? [];
  throw new UserError('command.error.invalidOption', {
    option,
    choices: choices.length > 0 ? choicesList(choices) : '—',
  });
}

export function defineCommand<Input>(spec: CommandSpec<Input>): Command {
  return {
    ...spec,
    run: (ctx, options, helpers) => spec.run(ctx, readCommandOptions(spec.options, spec.input, options), helpers),
  };
}
