import { defineCommand } from '../../src/core/command';
import { releasePair } from '../../src/core/matching/pair-decisions';
import { pairInput, pairOptions } from '../people-options';

export const releaseCommand = defineCommand({
  id: 'admin.release',
  group: 'mentorat-admin',
  name: { fr: 'liberer', en: 'release' },
  description: 'command.admin.release.description',
  audience: 'coordinators',
  options: pairOptions,
  input: pairInput,
  run: (ctx, input) => releasePair(ctx, input),
});
