import { defineCommand } from '../../src/core/command';
import { reportingText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const reportingCommand = defineCommand({
  id: 'mentorat.reporting',
  group: 'mentorat',
  name: { fr: 'signalement', en: 'reporting' },
  description: 'command.mentorat.reporting.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => messages(reportingText(ctx.programme, ctx.locale)),
});
