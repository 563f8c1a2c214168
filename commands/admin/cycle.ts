import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { cancelConfirmation } from '../../src/core/confirmation';
import { CYCLE_ACTIONS, confirmCycleAction, requestCycleAction, showCycle } from '../../src/core/cycles/manage-cycle';
import { localized } from '../../src/core/i18n/translate';

export const cycleCommand = defineCommand({
  id: 'admin.cycle',
  group: 'mentorat-admin',
  name: { fr: 'cycle', en: 'cycle' },
  description: 'command.admin.cycle.description',
  audience: 'coordinators',
  options: [
    {
      key: 'action',
      name: { fr: 'action', en: 'action' },
      description: 'option.cycle.action.description',
      required: false,
      choices: [
        { value: 'open-next', label: localized('option.cycle.action.open-next') },
        { value: 'close-enrolment', label: localized('option.cycle.action.close-enrolment') },
        { value: 'close', label: localized('option.cycle.action.close') },
      ],
    },
    { key: 'name', name: { fr: 'nom', en: 'name' }, description: 'option.cycle.name.description', required: false, choices: [] },
  ],
  input: z.object({ action: z.enum(CYCLE_ACTIONS).optional(), name: z.string().trim().min(1).max(64).optional() }),
  run: (ctx, input) => (input.action ? requestCycleAction(ctx, input.action, input.name) : showCycle(ctx)),
  actions: {
    confirm: (ctx, args) => confirmCycleAction(ctx, args),
    cancel: (ctx) => cancelConfirmation(ctx),
  },
});
