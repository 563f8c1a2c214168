import { Resvg } from '@resvg/resvg-js';
import { logger, None, parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { ChartImage, ChartRenderer } from '../../core/ports';
import type { CycleChart } from '../../core/stats/cycle-chart';
import { cycleChartSpec } from './cycle-chart-spec';
import { SHIPPED_FONT_FAMILY, shippedFontFiles } from './shipped-font';

/** Every chart is this size, whatever its labels: a platform shows it the same each time. */
export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 600;

export interface VegaChartOptions {
  /** Only for tests: to show that the drawing does not change with the machine's fonts. */
  readonly loadSystemFonts?: boolean;
  /** Only for tests: other font files than the shipped ones (none, to show where the text comes from). */
  readonly fontFiles?: readonly string[];
}

/**
 * Vega-Lite compiled to Vega, drawn to SVG by a headless View (no browser, no canvas), then
 * rasterised by resvg with the shipped DejaVu font only. The SVG is set to the fixed size, its
 * viewBox kept: the drawing is scaled to fit and centred on white.
 */
export async function vegaSvg(spec: ReturnType<typeof cycleChartSpec>): Promise<string> {
  // Quiet: a layout remark from the compiler must not print into the terminal chat; a real failure throws.
  const view = new View(parse(compile(spec, { logger: logger(None) }).spec), { renderer: 'none', logger: logger(None) });
  try {
    return fixedSize(await view.toSVG());
  } finally {
    view.finalize();
  }
}

function fixedSize(svg: string): string {
  const sized = svg.replace(/^<svg([^>]*?)\swidth="[\d.]+"\sheight="[\d.]+"/, `<svg$1 width="${CHART_WIDTH}" height="${CHART_HEIGHT}"`);
  // Without it the image would take the drawing's own size: better no chart than a surprise.
  if (sized === svg) throw new Error('the SVG from vega has no width and height to fix');
  return sized;
}

export function rasterise(svg: string, options: VegaChartOptions = {}): ChartImage {
  const rendered = new Resvg(svg, {
    font: {
      fontFiles: [...(options.fontFiles ?? shippedFontFiles())],
      loadSystemFonts: options.loadSystemFonts ?? false,
      defaultFontFamily: SHIPPED_FONT_FAMILY,
    },
    background: 'white',
    fitTo: { mode: 'original' },
  }).render();
  return { mimeType: 'image/png', bytes: new Uint8Array(rendered.asPng()), width: rendered.width, height: rendered.height };
}

export function createVegaChartRenderer(options: VegaChartOptions = {}): ChartRenderer {
  return {
    async renderCycleChart(chart: CycleChart): Promise<ChartImage> {
      return rasterise(await vegaSvg(cycleChartSpec(chart)), options);
    },
  };
}
