import { noteReport } from '../../src/core/reports/handle-report';
import { defineReportTextCommand } from '../report-options';

export const reportNoteCommand = defineReportTextCommand({
  id: 'mentorat.report-note',
  action: 'note',
  name: { fr: 'noter', en: 'note' },
  description: 'command.mentorat.reportNote.description',
  audience: 'referents',
  textKey: 'note',
  act: noteReport,
});
