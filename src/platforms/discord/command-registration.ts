import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMAND_GROUPS, type Command, type CommandGroup, type CommandOption } from '../../core/command';
import type { LocalizedText } from '../../core/i18n/locale';
import { localized, type PlainMessageKey } from '../../core/i18n/translate';

/** Discord shows a command in the person's language: French by default, English for both English locales. */
function localizations(text: LocalizedText) {
  return { fr: text.fr, 'en-US': text.en, 'en-GB': text.en };
}

const GROUP_DESCRIPTIONS: Record<CommandGroup, PlainMessageKey> = {
  mentorat: 'command.group.mentorat.description',
  'mentorat-admin': 'command.group.mentorat-admin.description',
};

/**
 * Hidden from everyone but administrators until they allow the coordinators' role in the
 * server's Integrations settings; the role is checked again at every use.
 */
const ADMIN_ONLY_BY_DEFAULT = '0';

/** A `user` option is Discord's member picker: the interaction then carries the chosen member's id. */
function option(spec: CommandOption): APIApplicationCommandBasicOption {
  const description = localized(spec.description);
  const common = {
    name: spec.key,
    name_localizations: localizations(spec.name),
    description: description.fr,
    description_localizations: localizations(description),
    required: spec.required,
  };
  if (spec.kind === 'user') return { type: ApplicationCommandOptionType.User, ...common };
  return {
    type: ApplicationCommandOptionType.String,
    ...common,
    ...(spec.choices.length > 0
      ? {
          choices: spec.choices.map((choice) => ({
            name: choice.label.fr,
            name_localizations: localizations(choice.label),
            value: choice.value,
          })),
        }
      : {}),
  };
}

function subcommand(command: Command): APIApplicationCommandSubcommandOption {
  const description = localized(command.description);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: command.name.fr,
    name_localizations: localizations(command.name),
    description: description.fr,
    description_localizations: localizations(description),
    options: command.options.map(option),
  };
}

/** The registration body of every command, generated from `commands/`: one Discord command per group. */
export function discordCommandRegistration(commands: readonly Command[]): RESTPutAPIApplicationCommandsJSONBody {
  return COMMAND_GROUPS.map((group) => {
    const description = localized(GROUP_DESCRIPTIONS[group]);
    return {
      type: ApplicationCommandType.ChatInput,
      name: group,
      name_localizations: localizations({ fr: group, en: group }),
      description: description.fr,
      description_localizations: localizations(description),
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
      ...(group === 'mentorat-admin' ? { default_member_permissions: ADMIN_ONLY_BY_DEFAULT } : {}),
      options: commands.filter((command) => command.group === group).map(subcommand),
    };
  });
}
