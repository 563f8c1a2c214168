import { defineCommand } from '../../src/core/command';
import { mentorRoleText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';
import { noOptions } from '../no-options';

export const roleCommand = defineCommand({
  id: 'mentorat.role',
  group: 'mentorat',
  name: { fr: 'role', en: 'role' },
  description: 'command.mentorat.role.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => messages(mentorRoleText(ctx.programme, ctx.locale)),
});
