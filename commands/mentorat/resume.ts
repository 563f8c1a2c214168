import { defineCommand } from '../../src/core/command';
import { resumeFromPause } from '../../src/core/follow-up/pause-requests';
import { noOptions } from '../no-options';

export const resumeCommand = defineCommand({
  id: 'mentorat.resume',
  group: 'mentorat',
  name: { fr: 'reprendre', en: 'resume' },
  description: 'command.mentorat.resume.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => resumeFromPause(ctx),
});
