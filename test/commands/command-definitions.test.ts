import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index';
import type { AccessRole } from '../../src/core/access';
import { commandHelp, commandListHelp, commandUsage } from '../../src/core/help';
import { LOCALES } from '../../src/core/i18n/locale';
import { translate } from '../../src/core/i18n/translate';
import { decodeButtonId, encodeButtonId, MAX_BUTTON_ID_LENGTH } from '../../src/dispatch/button-id';
import { personCommand } from '../platforms/person-command';
import { defaultProgramme } from '../support/programme';

/** Discord's rule for command and option names, restricted to lowercase as Discord requires. */
const DISCORD_NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const DISCORD_DESCRIPTION_MAX = 100;
const SLACK_MODAL_TITLE_MAX = 24;
const DISCORD_LABEL_MAX = 45;
const DISCORD_PLACEHOLDER_MAX = 100;
const DISCORD_SELECT_OPTIONS_MAX = 25;
/** A Discord command holds at most 25 options, its subcommands included. */
const DISCORD_SUBCOMMANDS_MAX = 25;
const DISCORD_OPTION_LABEL_MAX = 100;
/** Discord user ids (snowflakes) are at most 20 digits. */
const LONGEST_OWNER = '9'.repeat(20);

const programme = defaultProgramme();
const forms = commands.flatMap((command) => {
  const form = command.form?.(programme);
  return form ? [{ command, form }] : [];
});
const fields = forms.flatMap(({ command, form }) => form.fields.map((field) => ({ command, field })));
const choiceFields = fields.flatMap(({ command, field }) =>
  field.kind === 'choice' || field.kind === 'multi-choice' ? [{ command, field }] : [],
);
const options = commands.flatMap((command) => command.options.map((option) => ({ command, option })));
const actions = commands.flatMap((command) => Object.keys(command.actions ?? {}).map((action) => [command.id, action] as const));

describe('the command list', () => {
  it('gives every command a unique id', () => {
    const ids = commands.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(LOCALES)('gives every command a unique %s name within its group', (locale) => {
    const names = commands.map((command) => `${command.group} ${command.name[locale]}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every command its own option keys', () => {
    for (const command of commands) {
      const keys = command.options.map((option) => option.key);
      expect(new Set(keys).size, command.id).toBe(keys.length);
    }
  });

  it('fits each group in one Discord command: at most 25 subcommands', () => {
    for (const group of new Set(commands.map((command) => command.group))) {
      expect(commands.filter((command) => command.group === group).length, group).toBeLessThanOrEqual(DISCORD_SUBCOMMANDS_MAX);
    }
  });

  it('has at least one command in each group, and the enrolment form', () => {
    expect(new Set(commands.map((command) => command.group))).toEqual(new Set(['mentorat', 'mentorat-admin']));
    expect(forms.map(({ form }) => form.id)).toContain('mentorat.enrol');
  });
});

describe.each(commands.map((command) => [command.id, command] as const))('the command %s', (_id, command) => {
  it('has lowercase names of at most 32 characters, as Discord requires, in both languages', () => {
    for (const locale of LOCALES) {
      const name = command.name[locale];
      expect(name).toBe(name.toLowerCase());
      expect(name).toMatch(DISCORD_NAME);
      expect(name.length).toBeLessThanOrEqual(32);
    }
    expect(command.group).toMatch(DISCORD_NAME);
  });

  it('has a description of 1 to 100 characters in both languages', () => {
    for (const locale of LOCALES) {
      const description = translate(locale, command.description);
      expect(description.trim().length, locale).toBeGreaterThan(0);
      expect(description.length, locale).toBeLessThanOrEqual(DISCORD_DESCRIPTION_MAX);
    }
  });

  it('has functions for its run, its submission and every button action', () => {
    expect(typeof command.run).toBe('function');
    if (command.submit !== undefined) expect(typeof command.submit).toBe('function');
    for (const action of Object.values(command.actions ?? {})) expect(typeof action).toBe('function');
  });

  it('mentions every option and form field key in its help, in both languages', () => {
    // A person is typed `key:@name`, so the help shows a user option that way.
    const keys = [
      ...command.options.map((option) => (option.kind === 'user' ? `${option.key}:@…` : option.key)),
      ...(command.form?.(programme).fields.map((field) => field.key) ?? []),
    ];
    for (const locale of LOCALES) {
      const help = commandHelp(command, programme, locale);
      expect(help).toContain(commandUsage(command, locale));
      for (const key of keys) expect(help, `${locale} ${key}`).toContain(`\`${key}\``);
    }
  });
});

describe.each(options.map(({ command, option }) => [command.id, option.key, option] as const))('the option %s/%s', (_id, _key, option) => {
  it('has a name Discord accepts and a description of 1 to 100 characters in both languages', () => {
    expect(option.key).toMatch(DISCORD_NAME);
    for (const locale of LOCALES) {
      const description = translate(locale, option.description);
      expect(description.trim().length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(DISCORD_DESCRIPTION_MAX);
    }
  });

  it('offers at most 25 choices with labels of at most 100 characters', () => {
    expect(option.choices.length).toBeLessThanOrEqual(DISCORD_SELECT_OPTIONS_MAX);
    for (const choice of option.choices) {
      for (const locale of LOCALES) expect(choice.label[locale].length).toBeLessThanOrEqual(DISCORD_OPTION_LABEL_MAX);
    }
  });
});

describe.each(actions)('the button %s/%s', (commandId, action) => {
  it('fits in a Discord custom id, even for the longest user id', () => {
    const id = encodeButtonId({ commandId, action, owner: LONGEST_OWNER, args: ['999999'] });
    expect(id.length).toBeLessThanOrEqual(MAX_BUTTON_ID_LENGTH);
    expect(decodeButtonId(id)).toEqual({ commandId, action, owner: LONGEST_OWNER, args: ['999999'] });
  });
});

describe.each(forms.map(({ command, form }) => [command.id, form] as const))('the form of %s', (_id, form) => {
  it('is submitted to a command that accepts submissions', () => {
    expect(typeof commands.find((command) => command.id === form.id)?.submit).toBe('function');
  });

  it('has a title of at most 24 characters, the Slack modal limit, in both languages', () => {
    for (const locale of LOCALES) {
      expect(form.title[locale].trim().length).toBeGreaterThan(0);
      expect(form.title[locale].length).toBeLessThanOrEqual(SLACK_MODAL_TITLE_MAX);
    }
  });

  it('has unique field keys', () => {
    const keys = form.fields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('only shows a field on a condition about an earlier field', () => {
    form.fields.forEach((field, index) => {
      if (!field.when) return;
      const earlier = form.fields.slice(0, index).map((candidate) => candidate.key);
      expect(earlier).toContain(field.when.field);
    });
  });
});

describe.each(fields.map(({ command, field }) => [command.id, field.key, field] as const))('the field %s/%s', (_id, _key, field) => {
  it('has a label of at most 45 characters and a hint of at most 100, in both languages', () => {
    for (const locale of LOCALES) {
      expect(field.label[locale].trim().length).toBeGreaterThan(0);
      expect(field.label[locale].length).toBeLessThanOrEqual(DISCORD_LABEL_MAX);
      if (field.hint) expect(field.hint[locale].length).toBeLessThanOrEqual(DISCORD_PLACEHOLDER_MAX);
    }
  });
});

describe.each(choiceFields.map(({ command, field }) => [command.id, field.key, field] as const))(
  'the choice field %s/%s',
  (_id, _key, field) => {
    it('offers 1 to 25 choices, each with a distinct value and a label of at most 100 characters', () => {
      expect(field.choices.length).toBeGreaterThan(0);
      expect(field.choices.length).toBeLessThanOrEqual(DISCORD_SELECT_OPTIONS_MAX);
      expect(new Set(field.choices.map((choice) => choice.value)).size).toBe(field.choices.length);
      for (const choice of field.choices) {
        for (const locale of LOCALES) expect(choice.label[locale].length).toBeLessThanOrEqual(DISCORD_OPTION_LABEL_MAX);
      }
    });
  },
);

describe('the list of commands in help', () => {
  const adminCommands = commands.filter((command) => command.group === 'mentorat-admin');
  const everyoneCommands = commands.filter((command) => command.audience === 'everyone');
  const helpFor = (roles: AccessRole[], locale: 'fr' | 'en') => commandListHelp(commands, new Set(roles), locale);

  it.each(LOCALES)('hides the admin commands from a participant (%s)', (locale) => {
    for (const roles of [[], ['referent']] as AccessRole[][]) {
      const help = helpFor(roles, locale);
      for (const command of adminCommands) expect(help).not.toContain(commandUsage(command, locale));
      for (const command of everyoneCommands) expect(help).toContain(commandUsage(command, locale));
    }
  });

  it.each(LOCALES)('shows every command, admin ones included, to a coordinator (%s)', (locale) => {
    const help = helpFor(['coordinator'], locale);
    expect(adminCommands.length).toBeGreaterThan(0);
    for (const command of commands) expect(help).toContain(commandUsage(command, locale));
  });
});

describe('a person option in help', () => {
  it.each(LOCALES)('is shown as key:@… with no list of choices (%s)', (locale) => {
    const help = commandHelp(personCommand, programme, locale);
    const line = help.split('\n').find((candidate) => candidate.includes('`personne:@…`'));
    expect(line).toContain(translate(locale, 'help.rule.required'));
    expect(line).not.toContain(translate(locale, 'help.rule.choice', { choices: '' }).trim());
    expect(help).toContain('`note`');
  });
});
