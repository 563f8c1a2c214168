import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { messages } from '../../src/core/reply';
import { cycleChartAttachment } from '../../src/core/stats/cycle-chart-attachment';
import { SAMPLE_DATA } from '../infra/chart/sample-chart';

/**
 * `/mentorat graphique`: a test-only command answering with the sample cycle's chart, drawn by the
 * renderer the bot is composed with, until the stats command carries it. Tests only: it is in no
 * command list the bot serves.
 */
export const chartCommand = defineCommand({
  id: 'mentorat.graphique',
  group: 'mentorat',
  name: { fr: 'graphique', en: 'chart' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [],
  input: z.object({}),
  run: async (ctx) => messages({ text: 'Statistiques du cycle', attachments: [await cycleChartAttachment(ctx, SAMPLE_DATA)] }),
});
