import { z } from 'zod';
import type { ChartImage, ChartRenderer } from '../../core/ports';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * What comes back from the loaded chunk (vega, a native rasteriser) is checked before the core
 * attaches it: a PNG by its signature, with a size in whole pixels.
 */
const chartImageSchema = z.object({
  mimeType: z.literal('image/png'),
  bytes: z.instanceof(Uint8Array).refine((bytes) => PNG_SIGNATURE.every((byte, index) => bytes[index] === byte), 'not a PNG'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/**
 * The chart renderer, loaded on the first chart: vega is large and resvg a native module, and a
 * start that draws nothing (every start) must not pay for them. The bundle keeps the renderer in
 * a chunk of its own, reached only by this `import()` (test/build/bundle.test.ts).
 */
export function createLazyChartRenderer(): ChartRenderer {
  let loaded: Promise<ChartRenderer> | undefined;
  const renderer = (): Promise<ChartRenderer> => {
    loaded ??= import('./vega-chart-renderer').then((module) => module.createVegaChartRenderer());
    // A failed load (a missing native binary) is tried again at the next chart rather than kept.
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  return {
    async renderCycleChart(chart): Promise<ChartImage> {
      return chartImageSchema.parse(await (await renderer()).renderCycleChart(chart));
    },
  };
}
