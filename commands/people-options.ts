import { z } from 'zod';
import type { CommandOption } from '../src/core/command';

/** A person named in a coordinator's command: a member picked on Discord, `@name` on Slack, a name in the terminal. */
export function personOption(key: 'mentee' | 'mentor' | 'referent' | 'person', required: boolean): CommandOption {
  const names = {
    mentee: { fr: 'mentore', en: 'mentee' },
    mentor: { fr: 'mentor', en: 'mentor' },
    referent: { fr: 'referent', en: 'referent' },
    person: { fr: 'personne', en: 'person' },
  } as const;
  return { key, name: names[key], description: `option.person.${key}.description`, required, choices: [], kind: 'user' };
}

export const personValue = z.string().trim().min(1).max(120);

/** The two people of a pair, as most matching commands take them. */
export const pairOptions: readonly CommandOption[] = [personOption('mentee', true), personOption('mentor', true)];
export const pairInput = z.object({ mentee: personValue, mentor: personValue });
