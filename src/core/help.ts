import type { AccessRole } from './access';
import { canReach } from './access';
import type { Command } from './command';
import type { FormField } from './forms/form-types';
import type { Locale } from './i18n/locale';
import { translate } from './i18n/translate';
import type { Programme } from './programme/programme-schema';
import type { MarkupText } from './reply';

export function commandUsage(command: Command, locale: Locale): string {
  return `/${command.group} ${command.name[locale]}`;
}

/** The commands this person may run, in their language: the same list on every platform. */
export function commandListHelp(commands: readonly Command[], roles: ReadonlySet<AccessRole>, locale: Locale): MarkupText {
  const lines = commands
    .filter((command) => canReach(command.audience, roles))
    .map((command) =>
      translate(locale, 'help.entry', { usage: commandUsage(command, locale), description: translate(locale, command.description) }),
    );
  return [translate(locale, 'help.title'), ...lines, '', translate(locale, 'help.more')].join('\n');
}

function choicesText(choices: readonly { value: string; label: { fr: string; en: string } }[], locale: Locale): string {
  return choices.map((choice) => `${choice.value} (${choice.label[locale]})`).join(', ');
}

export function fieldRules(field: FormField, locale: Locale): string {
  const kind = (() => {
    switch (field.kind) {
      case 'text':
        return translate(locale, 'help.rule.text', { min: field.minLength, max: field.maxLength });
      case 'date':
        return translate(locale, 'help.rule.date');
      case 'integer':
        return translate(locale, 'help.rule.integer', { min: field.min, max: field.max });
      case 'choice':
        return translate(locale, 'help.rule.choice', { choices: choicesText(field.choices, locale) });
      case 'multi-choice':
        return translate(locale, 'help.rule.multiChoice', {
          min: field.minItems,
          max: field.maxItems,
          choices: choicesText(field.choices, locale),
        });
      case 'list':
        return translate(locale, 'help.rule.list', { max: field.maxItems, itemMax: field.itemMaxLength });
      case 'consent':
        return translate(locale, 'help.rule.consent');
    }
  })();
  const presence = translate(locale, field.required ? 'help.rule.required' : 'help.rule.optional');
  const condition = field.when
    ? ` ${translate(locale, 'help.rule.when', { field: field.when.field, values: field.when.in.join(' | ') })}`
    : '';
  return `${presence}${condition} — ${kind}`;
}

/** One command in detail: options, and every form field with its key, limits and choices. */
export function commandHelp(command: Command, programme: Programme, locale: Locale): MarkupText {
  const lines = [
    translate(locale, 'help.entry', { usage: commandUsage(command, locale), description: translate(locale, command.description) }),
  ];
  if (command.options.length > 0) {
    lines.push('', translate(locale, 'help.options'));
    for (const option of command.options) {
      const presence = translate(locale, option.required ? 'help.rule.required' : 'help.rule.optional');
      // A person is named the platform's way (`@name`), whatever the language.
      const shown =
        option.kind === 'user'
          ? { key: `${option.key}:@…`, rules: presence }
          : {
              key: option.key,
              rules: `${presence} — ${translate(locale, 'help.rule.choice', { choices: choicesText(option.choices, locale) })}`,
            };
      lines.push(translate(locale, 'help.field', { ...shown, label: translate(locale, option.description) }));
    }
  }
  const form = command.form?.(programme);
  if (form) {
    lines.push('', translate(locale, 'help.form'));
    for (const field of form.fields) {
      lines.push(translate(locale, 'help.field', { key: field.key, label: field.label[locale], rules: fieldRules(field, locale) }));
    }
  } else if (command.options.length === 0) {
    lines.push(translate(locale, 'help.noForm'));
  }
  return lines.join('\n');
}

/** Finds a command by a name typed in either language, with or without its group. */
export function findCommandByName(commands: readonly Command[], words: readonly string[]): Command | undefined {
  const [first, second] = words.map((word) => word.toLowerCase());
  const byName = (group: string | undefined, name: string | undefined) =>
    commands.find((command) => (group === undefined || command.group === group) && (command.name.fr === name || command.name.en === name));
  if (first === 'mentorat' || first === 'mentorat-admin') return second ? byName(first, second) : undefined;
  return byName(undefined, first);
}
