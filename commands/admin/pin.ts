import { defineCommand } from '../../src/core/command';
import { pinPair } from '../../src/core/matching/pair-decisions';
import { pairInput, pairOptions } from '../people-options';

export const pinCommand = defineCommand({
  id: 'admin.pin',
  group: 'mentorat-admin',
  name: { fr: 'epingler', en: 'pin' },
  description: 'command.admin.pin.description',
  audience: 'coordinators',
  options: pairOptions,
  input: pairInput,
  run: (ctx, input) => pinPair(ctx, input),
});
