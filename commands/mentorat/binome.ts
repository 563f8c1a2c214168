import { showMyBinomes } from '../../src/core/binomes/my-binomes';
import { defineCommand } from '../../src/core/command';
import { noOptions } from '../no-options';

export const myBinomeCommand = defineCommand({
  id: 'mentorat.binome',
  group: 'mentorat',
  name: { fr: 'binome', en: 'pair' },
  description: 'command.mentorat.binome.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => showMyBinomes(ctx),
});
