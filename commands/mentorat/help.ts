import { defineCommand } from '../../src/core/command';
import { commandListHelp } from '../../src/core/help';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const helpCommand = defineCommand({
  id: 'mentorat.help',
  group: 'mentorat',
  name: { fr: 'aide', en: 'help' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx, _input, { commands }) => messages(commandListHelp(commands, ctx.actor.roles, ctx.locale)),
});
