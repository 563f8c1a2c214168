import { defineCommand } from '../../src/core/command';
import { cancelConfirmation } from '../../src/core/confirmation';
import { chooseNotAFit, confirmNotAFit, requestNotAFit } from '../../src/core/follow-up/not-a-fit';
import { noOptions } from '../no-options';

export const notAFitCommand = defineCommand({
  id: 'mentorat.not-a-fit',
  group: 'mentorat',
  name: { fr: 'pas-compatible', en: 'not-a-fit' },
  description: 'command.mentorat.notAFit.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => requestNotAFit(ctx),
  actions: {
    choose: (ctx, args) => chooseNotAFit(ctx, args),
    confirm: (ctx, args) => confirmNotAFit(ctx, args),
    cancel: (ctx) => cancelConfirmation(ctx),
  },
});
