import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChartImage } from '../../../src/core/ports';
import { type CycleChartData, cycleChart } from '../../../src/core/stats/cycle-chart';
import { CHART_HEIGHT, CHART_WIDTH, createVegaChartRenderer } from '../../../src/infra/chart/vega-chart-renderer';
import { EMPTY_DATA, SAMPLE_DATA } from './sample-chart';

/*
 * The real renderer: Vega-Lite → SVG → resvg with the shipped DejaVu font. A sample is written to
 * /tmp/chart-sample.png by `test/infra/chart/write-sample.ts` for a person to look at.
 */

const renderer = createVegaChartRenderer();
const draw = (data: CycleChartData, locale: 'fr' | 'en' = 'fr') => renderer.renderCycleChart(cycleChart(locale, data));

/** Pixels clearly darker than the white background (text, axes, bars) in a rectangle. */
function inkIn(image: PNG, box: { x: number; y: number; width: number; height: number }): number {
  let ink = 0;
  for (let y = box.y; y < box.y + box.height; y += 1) {
    for (let x = box.x; x < box.x + box.width; x += 1) {
      const at = (y * image.width + x) * 4;
      const light = ((image.data[at] ?? 255) + (image.data[at + 1] ?? 255) + (image.data[at + 2] ?? 255)) / 3;
      if (light < 160) ink += 1;
    }
  }
  return ink;
}

const decode = (image: ChartImage) => PNG.sync.read(Buffer.from(image.bytes));

describe('the cycle chart', () => {
  let sample: ChartImage;
  beforeAll(async () => {
    sample = await draw(SAMPLE_DATA);
  });

  it('is a PNG of 800 × 600 pixels that decodes, with the same size in its header', () => {
    expect(sample.mimeType).toBe('image/png');
    expect([sample.width, sample.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const png = decode(sample);
    expect([png.width, png.height]).toEqual([800, 600]);
  });

  it('draws text and bars: ink in the title line, on the funnel and on the check-ins, white in the corners', () => {
    const png = decode(sample);
    expect(inkIn(png, { x: 0, y: 20, width: 300, height: 50 })).toBeGreaterThan(200);
    expect(inkIn(png, { x: 200, y: 80, width: 450, height: 160 })).toBeGreaterThan(5000);
    expect(inkIn(png, { x: 200, y: 300, width: 450, height: 240 })).toBeGreaterThan(10_000);
    expect(inkIn(png, { x: 760, y: 560, width: 40, height: 40 })).toBe(0);
  });

  it('draws only with the shipped font: the machine’s fonts loaded or not, the image is the same byte for byte', async () => {
    const withSystemFonts = await createVegaChartRenderer({ loadSystemFonts: true }).renderCycleChart(cycleChart('fr', SAMPLE_DATA));
    expect(Buffer.from(withSystemFonts.bytes).equals(Buffer.from(sample.bytes))).toBe(true);
  });

  it('takes its text from the shipped font file: without it, and without the machine’s fonts, no title is drawn', async () => {
    const noFont = await createVegaChartRenderer({ fontFiles: [] }).renderCycleChart(cycleChart('fr', SAMPLE_DATA));
    expect(inkIn(decode(noFont), { x: 0, y: 20, width: 300, height: 50 })).toBe(0);
  });

  it('draws the same data the same way twice (no clock, no randomness)', async () => {
    expect(Buffer.from((await draw(SAMPLE_DATA)).bytes).equals(Buffer.from(sample.bytes))).toBe(true);
  });

  it('shows the labels it is given: French and English charts differ', async () => {
    const english = await draw(SAMPLE_DATA, 'en');
    expect(Buffer.from(english.bytes).equals(Buffer.from(sample.bytes))).toBe(false);
  });

  it('still draws a readable chart before the first check-in: the funnel, and a sentence where the bars would be', async () => {
    const empty = await draw(EMPTY_DATA);
    const png = decode(empty);
    expect([png.width, png.height]).toEqual([800, 600]);
    expect(inkIn(png, { x: 200, y: 60, width: 550, height: 200 })).toBeGreaterThan(2000);
    // The sentence sits in the middle of the check-ins' place.
    expect(inkIn(png, { x: 300, y: 400, width: 300, height: 80 })).toBeGreaterThan(100);
  });

  it('fits fourteen weeks with long date labels in the same 800 × 600, the labels slanted under the bars', async () => {
    const weeks = Array.from({ length: 14 }, (_, week) => ({
      label: `${week + 1} décembre 2026`,
      counts: { met: week * 2, notYet: 30 - week * 2, needHelp: week % 3, noAnswer: 5 },
    }));
    const crowded = decode(await draw({ ...SAMPLE_DATA, checkIns: weeks }));
    expect([crowded.width, crowded.height]).toEqual([800, 600]);
    // Slanted labels reach left of the plot, below its axis.
    expect(inkIn(crowded, { x: 150, y: 500, width: 100, height: 60 })).toBeGreaterThan(100);
  });

  it('draws a cycle where nobody is counted yet, and text that looks like markup as text', async () => {
    const none = await draw({ cycle: '<b>2026</b> & "co"', funnel: { enrolled: 0, matched: 0, met: 0, feedback: 0 }, checkIns: [] });
    expect([decode(none).width, decode(none).height]).toEqual([800, 600]);
  });
});
