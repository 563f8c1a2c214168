import { defineCommand } from '../../src/core/command';
import { exportOwnData } from '../../src/core/participants/own-data';
import { noOptions } from '../no-options';

export const myDataCommand = defineCommand({
  id: 'mentorat.myData',
  group: 'mentorat',
  name: { fr: 'mes-donnees', en: 'my-data' },
  description: 'command.mentorat.myData.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => exportOwnData(ctx),
});
