import { defineCommand } from '../../src/core/command';
import { actorsText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const actorsCommand = defineCommand({
  id: 'mentorat.actors',
  group: 'mentorat',
  name: { fr: 'acteurs', en: 'actors' },
  description: 'command.mentorat.actors.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => messages(actorsText(ctx.programme, ctx.locale)),
});
