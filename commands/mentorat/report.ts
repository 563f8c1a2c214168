import { defineCommand } from '../../src/core/command';
import { openReportForm, submitReport } from '../../src/core/reports/file-report';
import { buildReportForm } from '../../src/core/reports/report-form';
import { noOptions } from '../no-options';

export const reportCommand = defineCommand({
  id: 'mentorat.report',
  group: 'mentorat',
  name: { fr: 'signaler', en: 'report' },
  description: 'command.mentorat.report.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  form: buildReportForm,
  run: (ctx) => openReportForm(ctx),
  submit: (ctx, values) => submitReport(ctx, values),
});
