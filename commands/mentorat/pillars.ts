import { defineCommand } from '../../src/core/command';
import { pillarsText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const pillarsCommand = defineCommand({
  id: 'mentorat.pillars',
  group: 'mentorat',
  name: { fr: 'piliers', en: 'pillars' },
  description: 'command.mentorat.pillars.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => messages(pillarsText(ctx.programme, ctx.locale)),
});
