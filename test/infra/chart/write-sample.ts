/**
 * `npx tsx test/infra/chart/write-sample.ts`: draws the sample chart (French, then English before
 * any check-in) to /tmp/chart-sample.png and /tmp/chart-empty.png, to look at after a change to the
 * chart, and prints how long the first and a warm drawing took.
 */
import { writeFileSync } from 'node:fs';
import { cycleChart } from '../../../src/core/stats/cycle-chart';
import { createLazyChartRenderer } from '../../../src/infra/chart/lazy-chart-renderer';
import { EMPTY_DATA, SAMPLE_DATA } from './sample-chart';

const renderer = createLazyChartRenderer();
const timed = async (data: typeof SAMPLE_DATA, locale: 'fr' | 'en') => {
  const started = performance.now();
  const image = await renderer.renderCycleChart(cycleChart(locale, data));
  return { image, ms: Math.round(performance.now() - started) };
};
const first = await timed(SAMPLE_DATA, 'fr');
const warm = await timed(SAMPLE_DATA, 'fr');
const empty = await timed(EMPTY_DATA, 'en');
writeFileSync('/tmp/chart-sample.png', first.image.bytes);
writeFileSync('/tmp/chart-empty.png', empty.image.bytes);
process.stdout.write(`first ${first.ms} ms (loading vega and resvg included), warm ${warm.ms} ms, empty ${empty.ms} ms\n`);
