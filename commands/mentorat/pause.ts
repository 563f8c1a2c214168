import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { requestPause } from '../../src/core/follow-up/pause-requests';

export const pauseCommand = defineCommand({
  id: 'mentorat.pause',
  group: 'mentorat',
  name: { fr: 'pause', en: 'pause' },
  description: 'command.mentorat.pause.description',
  audience: 'everyone',
  options: [
    {
      key: 'weeks',
      name: { fr: 'semaines', en: 'weeks' },
      description: 'option.pause.weeks.description',
      required: false,
      choices: [],
    },
  ],
  input: z.object({ weeks: z.string().optional() }),
  run: (ctx, input) => requestPause(ctx, input),
});
