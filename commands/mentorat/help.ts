import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { UserError } from '../../src/core/errors';
import { commandHelp, commandListHelp, findCommandByName } from '../../src/core/help';
import { messages } from '../../src/core/reply';

export const helpCommand = defineCommand({
  id: 'mentorat.help',
  group: 'mentorat',
  name: { fr: 'aide', en: 'help' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [
    {
      key: 'command',
      name: { fr: 'commande', en: 'command' },
      description: 'option.help.command.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ command: z.string().trim().max(64).optional() }),
  run: async (ctx, input, { commands }) => {
    if (!input.command) return messages(commandListHelp(commands, ctx.actor.roles, ctx.locale));
    const command = findCommandByName(commands, input.command.split(/\s+/));
    if (!command) throw new UserError('help.unknownCommand', { name: input.command });
    return messages(commandHelp(command, ctx.programme, ctx.locale));
  },
});
