import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { UserError } from '../../src/core/errors';
import { takeReport } from '../../src/core/reports/handle-report';
import { referenceOption, referenceValue } from '../report-options';

export const reportTakeCommand = defineCommand({
  id: 'mentorat.report-take',
  group: 'mentorat',
  name: { fr: 'prendre', en: 'take' },
  description: 'command.mentorat.reportTake.description',
  audience: 'referents',
  options: [referenceOption(true)],
  input: z.object({ reference: referenceValue }),
  run: (ctx, input) => takeReport(ctx, input.reference),
  actions: {
    take: (ctx, args) => {
      if (!args[0]) throw new UserError('button.unknown');
      return takeReport(ctx, args[0]);
    },
  },
  sharedActions: ['take'],
});
