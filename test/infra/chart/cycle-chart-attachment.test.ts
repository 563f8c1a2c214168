import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { attachmentBytes } from '../../../src/core/reply';
import { cycleChartAttachment } from '../../../src/core/stats/cycle-chart-attachment';
import { createUseCaseWorld } from '../../support/use-case-world';
import { SAMPLE_DATA } from './sample-chart';

/* Here rather than in test/core: it loads vega and resvg, which the fast lane (test:unit) leaves out. */
describe('cycleChartAttachment with the ports the bot is composed with', () => {
  it('draws with the real renderer the bot is composed with: a PNG that decodes to the size it announces', async () => {
    const world = await createUseCaseWorld();
    const attachment = await cycleChartAttachment(world.as({ roles: ['coordinator'] }), SAMPLE_DATA);
    const png = PNG.sync.read(Buffer.from(attachmentBytes(attachment)));
    expect([png.width, png.height]).toEqual([attachment.image?.width, attachment.image?.height]);
    expect(attachment.image).toEqual({ width: 800, height: 600 });
    await world.close();
  });
});
