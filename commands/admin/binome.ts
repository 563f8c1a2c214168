import { z } from 'zod';
import { confirmDissolution, createBinomeByHand, requestDissolution } from '../../src/core/binomes/manage-binome';
import { defineCommand } from '../../src/core/command';
import { cancelConfirmation } from '../../src/core/confirmation';
import { UserError } from '../../src/core/errors';
import { localized } from '../../src/core/i18n/translate';
import { personOption, personValue } from '../people-options';

export const binomeAdminCommand = defineCommand({
  id: 'admin.binome',
  group: 'mentorat-admin',
  name: { fr: 'binome', en: 'pair' },
  description: 'command.admin.binome.description',
  audience: 'coordinators',
  options: [
    {
      key: 'action',
      name: { fr: 'action', en: 'action' },
      description: 'option.binome.action.description',
      required: true,
      choices: [
        { value: 'create', label: localized('option.action.create') },
        { value: 'dissolve', label: localized('option.action.dissolve') },
      ],
    },
    personOption('mentee', true),
    personOption('mentor', false),
    personOption('referent', false),
  ],
  input: z.object({
    action: z.enum(['create', 'dissolve']),
    mentee: personValue,
    mentor: personValue.optional(),
    referent: personValue.optional(),
  }),
  run: (ctx, input) => {
    if (input.action === 'dissolve') return requestDissolution(ctx, input);
    if (!input.mentor) throw new UserError('command.error.missingOption', { option: 'mentor' });
    return createBinomeByHand(ctx, { mentee: input.mentee, mentor: input.mentor, ...(input.referent ? { referent: input.referent } : {}) });
  },
  actions: {
    confirm: (ctx, args) => confirmDissolution(ctx, args),
    cancel: (ctx) => cancelConfirmation(ctx),
  },
});
