import { defineCommand } from '../../src/core/command';
import { cancelConfirmation } from '../../src/core/confirmation';
import { confirmWithdrawal, requestWithdrawal } from '../../src/core/participants/withdraw';
import { noOptions } from '../no-options';

export const withdrawCommand = defineCommand({
  id: 'mentorat.withdraw',
  group: 'mentorat',
  name: { fr: 'quitter', en: 'withdraw' },
  description: 'command.mentorat.withdraw.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => requestWithdrawal(ctx),
  actions: {
    confirm: (ctx, args) => confirmWithdrawal(ctx, args),
    cancel: (ctx) => cancelConfirmation(ctx),
  },
});
