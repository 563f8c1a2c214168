import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { dissolveForFit, keepAfterFit } from '../../src/core/follow-up/fit-resolution';
import { listPairs } from '../../src/core/follow-up/pairs-view';

export const pairsCommand = defineCommand({
  id: 'admin.pairs',
  group: 'mentorat-admin',
  name: { fr: 'binomes', en: 'pairs' },
  description: 'command.admin.pairs.description',
  audience: 'coordinators',
  options: [
    {
      key: 'cycle',
      name: { fr: 'cycle', en: 'cycle' },
      description: 'option.pairs.cycle.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ cycle: z.string().trim().min(1).max(32).optional() }),
  run: (ctx, input) => listPairs(ctx, input),
  // Posted in the coordinators' space under a "not a good fit": any coordinator there may press them.
  actions: {
    'fit-dissolve': (ctx, args) => dissolveForFit(ctx, args),
    'fit-keep': (ctx, args) => keepAfterFit(ctx, args),
  },
  sharedActions: ['fit-dissolve', 'fit-keep'],
});
