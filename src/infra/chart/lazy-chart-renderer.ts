import type { ChartRenderer } from '../../core/ports';

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
  return { renderCycleChart: async (chart) => (await renderer()).renderCycleChart(chart) };
}
