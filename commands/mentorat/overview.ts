import { defineCommand } from '../../src/core/command';
import { overviewText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const overviewCommand = defineCommand({
  id: 'mentorat.overview',
  group: 'mentorat',
  name: { fr: 'apercu', en: 'overview' },
  description: 'command.mentorat.overview.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => messages(overviewText(ctx.programme, ctx.locale)),
});
