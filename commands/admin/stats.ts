import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { showStats } from '../../src/core/stats/show-stats';

export const statsCommand = defineCommand({
  id: 'admin.stats',
  group: 'mentorat-admin',
  name: { fr: 'stats', en: 'stats' },
  description: 'command.admin.stats.description',
  audience: 'coordinators',
  options: [
    {
      key: 'cycle',
      name: { fr: 'cycle', en: 'cycle' },
      description: 'option.stats.cycle.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ cycle: z.string().trim().min(1).max(32).optional() }),
  run: (ctx, input) => showStats(ctx, input.cycle),
});
