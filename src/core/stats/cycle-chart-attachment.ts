import type { UseCaseContext } from '../context';
import type { Attachment } from '../reply';
import { type CycleChartData, chartFileName, cycleChart } from './cycle-chart';

/**
 * The cycle's chart as a PNG to attach to the stats answer, in the reader's language. It throws
 * when the renderer fails; the caller decides whether the counts go out without it.
 */
export async function cycleChartAttachment(ctx: UseCaseContext, data: CycleChartData): Promise<Attachment> {
  const image = await ctx.ports.charts.renderCycleChart(cycleChart(ctx.locale, data));
  return {
    name: chartFileName(data.cycle),
    mimeType: image.mimeType,
    content: image.bytes,
    image: { width: image.width, height: image.height },
  };
}
