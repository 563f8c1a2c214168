import { announceBinomes } from '../../src/core/binomes/announce';
import { defineCommand } from '../../src/core/command';
import { confirmProposal } from '../../src/core/matching/confirm-proposal';
import { showProposal } from '../../src/core/matching/show-proposal';
import { noOptions } from '../no-options';

export const proposeCommand = defineCommand({
  id: 'admin.propose',
  group: 'mentorat-admin',
  name: { fr: 'apparier', en: 'match' },
  description: 'command.admin.propose.description',
  audience: 'coordinators',
  options: [],
  input: noOptions,
  run: (ctx) => showProposal(ctx),
  actions: {
    confirm: (ctx, [revision]) => confirmProposal(ctx, revision ?? ''),
    announce: (ctx) => announceBinomes(ctx),
  },
});
