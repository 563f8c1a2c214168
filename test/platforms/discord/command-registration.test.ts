import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands';
import { discordCommandRegistration } from '../../../src/platforms/discord/command-registration';
import { personCommand } from '../person-command';

/** Discord's rule for command and option names, lowercase only. */
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
const LOCALES = ['fr', 'en-US', 'en-GB'] as const;

interface Named {
  name: string;
  name_localizations?: Partial<Record<string, string | null>> | null;
  description?: string;
  description_localizations?: Partial<Record<string, string | null>> | null;
}

function everyNamed(): Named[] {
  const named: Named[] = [];
  for (const command of discordCommandRegistration(commands)) {
    named.push(command);
    for (const sub of 'options' in command ? (command.options ?? []) : []) {
      named.push(sub);
      for (const option of 'options' in sub ? (sub.options ?? []) : []) {
        named.push(option);
      }
    }
  }
  return named;
}

describe('the Discord registration generated from commands/', () => {
  const registration = discordCommandRegistration(commands);

  it('has /mentorat and /mentorat-admin, with every command as a subcommand of its group', () => {
    expect(registration.map((command) => command.name)).toEqual(['mentorat', 'mentorat-admin']);
    const subcommands = registration.flatMap((command) => ('options' in command ? (command.options ?? []) : []).map((sub) => sub.name));
    expect(subcommands.sort()).toEqual(commands.map((command) => command.name.fr).sort());
    for (const command of registration) expect('options' in command && (command.options?.length ?? 0)).toBeLessThanOrEqual(25);
  });

  it('names everything in lowercase, at most 32 characters, in the default name and every localization', () => {
    for (const item of everyNamed()) {
      expect(item.name, item.name).toMatch(NAME);
      for (const locale of LOCALES) expect(item.name_localizations?.[locale], `${item.name} in ${locale}`).toMatch(NAME);
    }
  });

  it('describes everything in 1 to 100 characters, in French and English', () => {
    for (const item of everyNamed()) {
      const texts = [item.description, ...LOCALES.map((locale) => item.description_localizations?.[locale])];
      for (const text of texts) {
        expect(text, item.name).toBeTypeOf('string');
        expect(text?.length, `${item.name}: ${text}`).toBeGreaterThan(0);
        expect(text?.length, `${item.name}: ${text}`).toBeLessThanOrEqual(100);
      }
      expect(item.description_localizations?.fr).not.toBe(item.description_localizations?.['en-US']);
    }
  });

  it('localizes subcommand names: French by default and for fr, English for en-US and en-GB', () => {
    const mentorat = registration.find((command) => command.name === 'mentorat');
    const enrol = mentorat && 'options' in mentorat ? mentorat.options?.find((sub) => sub.name === 'inscription') : undefined;
    expect(enrol?.name_localizations).toEqual({ fr: 'inscription', 'en-US': 'enrol', 'en-GB': 'enrol' });
  });

  it('gives option choices a name in both languages and the stable id as value', () => {
    const mentorat = registration.find((command) => command.name === 'mentorat');
    const benefits = mentorat && 'options' in mentorat ? mentorat.options?.find((sub) => sub.name === 'interets') : undefined;
    const role = benefits && 'options' in benefits ? benefits.options?.find((option) => option.name === 'role') : undefined;
    expect(role && 'choices' in role ? role.choices : undefined).toEqual([
      { name: 'Mentor', name_localizations: { fr: 'Mentor', 'en-US': 'Mentor', 'en-GB': 'Mentor' }, value: 'mentor' },
      { name: 'Mentoré·e', name_localizations: { fr: 'Mentoré·e', 'en-US': 'Mentee', 'en-GB': 'Mentee' }, value: 'mentee' },
    ]);
  });

  it('offers Discord’s member picker (option type USER) for a person, and text for the rest', () => {
    const admin = discordCommandRegistration([personCommand])[1];
    const who = admin && 'options' in admin ? admin.options?.find((sub) => sub.name === 'qui') : undefined;
    const options = who && 'options' in who ? (who.options ?? []) : [];
    expect(options.map((option) => [option.name, option.type, option.required])).toEqual([
      ['personne', 6, true],
      ['note', 3, false],
    ]);
    expect(options[0]).not.toHaveProperty('choices');
  });

  it('hides /mentorat-admin by default (default_member_permissions) and allows both only in servers', () => {
    const [mentorat, admin] = registration;
    expect(admin?.default_member_permissions).toBe('0');
    expect(mentorat?.default_member_permissions).toBeUndefined();
    for (const command of registration) expect(command.contexts).toEqual([0]);
  });
});
