import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { personIdFrom } from '../../src/core/people';
import { reassignReport } from '../../src/core/reports/handle-report';
import { showReportHistory } from '../../src/core/reports/report-views';
import { personOption, personValue } from '../people-options';
import { referenceOption, referenceValue } from '../report-options';

export const reportAdminCommand = defineCommand({
  id: 'admin.report',
  group: 'mentorat-admin',
  name: { fr: 'signalement', en: 'report' },
  description: 'command.admin.report.description',
  audience: 'coordinators',
  options: [referenceOption(true), personOption('referent', false)],
  input: z.object({ reference: referenceValue, referent: personValue.optional() }),
  async run(ctx, input) {
    if (!input.referent) return showReportHistory(ctx, input.reference);
    const referent = personIdFrom(await ctx.ports.enrolments.listByCommunity(ctx.community), input.referent, ctx.community.platform);
    return reassignReport(ctx, input.reference, referent);
  },
});
