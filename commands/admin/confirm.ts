import { announceBinomes } from '../../src/core/binomes/announce';
import { defineCommand } from '../../src/core/command';
import { confirmProposal } from '../../src/core/matching/confirm-proposal';
import { noOptions } from '../no-options';

export const confirmCommand = defineCommand({
  id: 'admin.confirm',
  group: 'mentorat-admin',
  name: { fr: 'valider', en: 'confirm' },
  description: 'command.admin.confirm.description',
  audience: 'coordinators',
  options: [],
  input: noOptions,
  run: (ctx) => confirmProposal(ctx),
  actions: { announce: (ctx) => announceBinomes(ctx) },
});
