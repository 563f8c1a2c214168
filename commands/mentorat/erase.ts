import { defineCommand } from '../../src/core/command';
import { cancelConfirmation } from '../../src/core/confirmation';
import { confirmErasure, requestErasure } from '../../src/core/participants/own-data';
import { noOptions } from '../no-options';

export const eraseCommand = defineCommand({
  id: 'mentorat.erase',
  group: 'mentorat',
  name: { fr: 'effacer', en: 'erase' },
  description: 'command.mentorat.erase.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => requestErasure(ctx),
  actions: {
    confirm: (ctx, args) => confirmErasure(ctx, args),
    cancel: (ctx) => cancelConfirmation(ctx),
  },
});
