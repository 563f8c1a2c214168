import { replyToReport } from '../../src/core/reports/handle-report';
import { defineReportTextCommand } from '../report-options';

/** Both ways: a handler writes to the reporter, the reporter writes back; nobody needs the other's DMs. */
export const reportReplyCommand = defineReportTextCommand({
  id: 'mentorat.report-reply',
  action: 'reply',
  name: { fr: 'repondre', en: 'reply' },
  description: 'command.mentorat.reportReply.description',
  audience: 'everyone',
  textKey: 'message',
  act: replyToReport,
});
