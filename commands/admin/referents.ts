import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { localized } from '../../src/core/i18n/translate';
import { manageReferents } from '../../src/core/referents/manage-referents';
import { personOption, personValue } from '../people-options';

export const referentsCommand = defineCommand({
  id: 'admin.referents',
  group: 'mentorat-admin',
  name: { fr: 'referents', en: 'referents' },
  description: 'command.admin.referents.description',
  audience: 'coordinators',
  options: [
    {
      key: 'action',
      name: { fr: 'action', en: 'action' },
      description: 'option.referents.action.description',
      required: false,
      choices: [
        { value: 'list', label: localized('option.action.list') },
        { value: 'add', label: localized('option.action.add') },
        { value: 'remove', label: localized('option.action.remove') },
      ],
    },
    personOption('person', false),
  ],
  input: z.object({ action: z.enum(['list', 'add', 'remove']).default('list'), person: personValue.optional() }),
  run: (ctx, input) => manageReferents(ctx, input),
});
