import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { literal, messages } from '../../src/core/reply';

/**
 * `/mentorat-admin qui personne:@dan note:…`: a command with a `user` option, as commands/ will
 * have, answering with what it received, so that a test sees how each platform reads a person.
 */
export const personCommand = defineCommand({
  id: 'admin.who',
  group: 'mentorat-admin',
  name: { fr: 'qui', en: 'who' },
  description: 'command.mentorat.help.description',
  audience: 'coordinators',
  options: [
    {
      key: 'personne',
      name: { fr: 'personne', en: 'person' },
      description: 'option.help.command.description',
      required: true,
      choices: [],
      kind: 'user',
    },
    { key: 'note', name: { fr: 'note', en: 'note' }, description: 'option.help.command.description', required: false, choices: [] },
  ],
  input: z.object({ personne: z.string(), note: z.string().optional() }),
  run: async (_ctx, input) => messages(`personne=${literal(input.personne)} note=${literal(input.note ?? '')}`),
});
