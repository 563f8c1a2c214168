import { describe, expect, it } from 'vitest';
import type { ChartRenderer } from '../../../src/core/ports';
import { type CycleChart, chartFileName, cycleChart } from '../../../src/core/stats/cycle-chart';
import { cycleChartAttachment } from '../../../src/core/stats/cycle-chart-attachment';
import { SAMPLE_DATA } from '../../infra/chart/sample-chart';
import { createUseCaseWorld } from '../../support/use-case-world';

describe('the cycle chart in the reader’s words', () => {
  it('names the funnel’s steps in order, and the check-in answers, in French', () => {
    const chart = cycleChart('fr', SAMPLE_DATA);
    expect(chart.title).toBe('Cycle 2026-2027');
    expect(chart.funnel.steps).toEqual([
      { label: 'Inscrit·es', count: 48 },
      { label: 'En binôme', count: 40 },
      { label: 'Première rencontre faite', count: 31 },
      { label: 'Retour donné', count: 17 },
    ]);
    expect(chart.checkIns.answers).toEqual({
      met: 'Rencontré·es',
      notYet: 'Pas encore',
      needHelp: 'Besoin d’aide',
      noAnswer: 'Sans réponse',
    });
    expect(chart.checkIns.periods).toEqual(SAMPLE_DATA.checkIns);
  });

  it('and in English', () => {
    const chart = cycleChart('en', { ...SAMPLE_DATA, checkIns: [] });
    expect(chart.funnel.steps.map((step) => step.label)).toEqual(['Enrolled', 'In a pair', 'First meeting held', 'Feedback given']);
    expect(chart.checkIns.emptyText).toBe('No check-in yet.');
  });

  it('is attached as stats-<cycle>.png, the cycle’s name kept to plain letters, digits and dashes', () => {
    expect(chartFileName('2026-2027')).toBe('stats-2026-2027.png');
    expect(chartFileName('Été 2027 / promo ../B')).toBe('stats-ete-2027-promo-b.png');
    expect(chartFileName('***')).toBe('stats-cycle.png');
  });
});

describe('cycleChartAttachment', () => {
  it('asks the chart port for the chart in the actor’s language and attaches the PNG it draws, with its size', async () => {
    const drawn: CycleChart[] = [];
    const charts: ChartRenderer = {
      async renderCycleChart(chart) {
        drawn.push(chart);
        return { mimeType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]), width: 800, height: 600 };
      },
    };
    const world = await createUseCaseWorld({ charts });
    const attachment = await cycleChartAttachment(world.as({ locale: 'en', roles: ['coordinator'] }), SAMPLE_DATA);
    expect(drawn.map((chart) => chart.funnel.title)).toEqual(['From the start to the end of the cycle']);
    expect(attachment).toEqual({
      name: 'stats-2026-2027.png',
      mimeType: 'image/png',
      content: new Uint8Array([137, 80, 78, 71]),
      image: { width: 800, height: 600 },
    });
    await world.close();
  });
});
