import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { localized } from '../../src/core/i18n/translate';
import { benefitsText } from '../../src/core/programme/content';
import { messages } from '../../src/core/reply';

export const benefitsCommand = defineCommand({
  id: 'mentorat.benefits',
  group: 'mentorat',
  name: { fr: 'interets', en: 'benefits' },
  description: 'command.mentorat.benefits.description',
  audience: 'everyone',
  options: [
    {
      key: 'role',
      name: { fr: 'role', en: 'role' },
      description: 'option.benefits.role.description',
      required: false,
      choices: [
        { value: 'mentor', label: localized('role.mentor') },
        { value: 'mentee', label: localized('role.mentee') },
      ],
    },
  ],
  input: z.object({ role: z.enum(['mentor', 'mentee']).optional() }),
  run: async (ctx, input) => messages(benefitsText(ctx.programme, ctx.locale, input.role)),
});
