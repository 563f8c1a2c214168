import { escalateReport } from '../../src/core/reports/handle-report';
import { defineReportTextCommand } from '../report-options';

export const reportEscalateCommand = defineReportTextCommand({
  id: 'mentorat.report-escalate',
  action: 'escalate',
  name: { fr: 'escalader', en: 'escalate' },
  description: 'command.mentorat.reportEscalate.description',
  audience: 'referents',
  textKey: 'reason',
  act: escalateReport,
});
