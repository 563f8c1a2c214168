import { announceBinomes } from '../../src/core/binomes/announce';
import { defineCommand } from '../../src/core/command';
import { noOptions } from '../no-options';

export const announceCommand = defineCommand({
  id: 'admin.announce',
  group: 'mentorat-admin',
  name: { fr: 'annoncer', en: 'announce' },
  description: 'command.admin.announce.description',
  audience: 'coordinators',
  options: [],
  input: noOptions,
  run: (ctx) => announceBinomes(ctx),
});
