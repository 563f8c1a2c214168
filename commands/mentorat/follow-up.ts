import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { showFollowUp } from '../../src/core/reports/report-views';
import { referenceOption, referenceValue } from '../report-options';

export const followUpCommand = defineCommand({
  id: 'mentorat.follow-up',
  group: 'mentorat',
  name: { fr: 'suivi', en: 'follow-up' },
  description: 'command.mentorat.followUp.description',
  audience: 'referents',
  options: [referenceOption(false)],
  input: z.object({ reference: referenceValue.optional() }),
  run: (ctx, input) => showFollowUp(ctx, input.reference),
});
