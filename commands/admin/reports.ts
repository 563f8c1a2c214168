import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { localized } from '../../src/core/i18n/translate';
import { REPORT_STATUSES } from '../../src/core/reports/report';
import { listReports } from '../../src/core/reports/report-views';

export const reportsCommand = defineCommand({
  id: 'admin.reports',
  group: 'mentorat-admin',
  name: { fr: 'signalements', en: 'reports' },
  description: 'command.admin.reports.description',
  audience: 'coordinators',
  options: [
    {
      key: 'status',
      name: { fr: 'statut', en: 'status' },
      description: 'option.reports.status.description',
      required: false,
      choices: REPORT_STATUSES.map((status) => ({ value: status, label: localized(`report.status.${status}`) })),
    },
    {
      key: 'category',
      name: { fr: 'categorie', en: 'category' },
      description: 'option.reports.category.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ status: z.enum(REPORT_STATUSES).optional(), category: z.string().trim().min(1).max(40).optional() }),
  run: (ctx, input) => listReports(ctx, input),
});
