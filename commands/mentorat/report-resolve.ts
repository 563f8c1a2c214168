import { resolveReport } from '../../src/core/reports/handle-report';
import { defineReportTextCommand } from '../report-options';

export const reportResolveCommand = defineReportTextCommand({
  id: 'mentorat.report-resolve',
  action: 'resolve',
  name: { fr: 'clore', en: 'resolve' },
  description: 'command.mentorat.reportResolve.description',
  audience: 'referents',
  textKey: 'resolution',
  act: resolveReport,
});
