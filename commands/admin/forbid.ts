import { defineCommand } from '../../src/core/command';
import { forbidPair } from '../../src/core/matching/pair-decisions';
import { pairInput, pairOptions } from '../people-options';

export const forbidCommand = defineCommand({
  id: 'admin.forbid',
  group: 'mentorat-admin',
  name: { fr: 'interdire', en: 'forbid' },
  description: 'command.admin.forbid.description',
  audience: 'coordinators',
  options: pairOptions,
  input: pairInput,
  run: (ctx, input) => forbidPair(ctx, input),
});
