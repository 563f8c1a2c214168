import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { showMyReports } from '../../src/core/reports/report-views';
import { referenceOption, referenceValue } from '../report-options';

export const myReportsCommand = defineCommand({
  id: 'mentorat.my-reports',
  group: 'mentorat',
  name: { fr: 'mes-signalements', en: 'my-reports' },
  description: 'command.mentorat.myReports.description',
  audience: 'everyone',
  options: [referenceOption(false)],
  input: z.object({ reference: referenceValue.optional() }),
  run: (ctx, input) => showMyReports(ctx, input.reference),
});
