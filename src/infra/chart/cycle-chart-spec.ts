import type { TopLevelSpec } from 'vega-lite';
import { CHECK_IN_ANSWERS, type CheckInAnswer, type CycleChart } from '../../core/stats/cycle-chart';
import { SHIPPED_FONT_FAMILY } from './shipped-font';

/** Both panels share this width, so the funnel and the check-ins line up one under the other. */
const PANEL_WIDTH = 480;
const FUNNEL_BAR_HEIGHT = 40;
const CHECK_INS_HEIGHT = 260;

/** Met is green, not yet amber, need help red, no answer grey: readable without the legend's words. */
const ANSWER_COLOURS: Readonly<Record<CheckInAnswer, string>> = {
  met: '#3a9a4a',
  notYet: '#f2a93b',
  needHelp: '#d8453c',
  noAnswer: '#b9b4ae',
};

/** Counts are people and answers: whole numbers on the axes, starting at 0, at least up to 1. */
const countAxis = (title: string) => ({ title, format: 'd', tickMinStep: 1, grid: true });
const countScale = (max: number) => ({ domain: [0, Math.max(1, max)], nice: true });

function funnelPanel(chart: CycleChart) {
  const { funnel } = chart;
  const values = funnel.steps.map((step, order) => ({ step: step.label, count: step.count, order }));
  const max = Math.max(0, ...funnel.steps.map((step) => step.count));
  const y = { field: 'step', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelLimit: 0, labelPadding: 6 } } as const;
  return {
    title: { text: funnel.title, anchor: 'start', frame: 'group', fontSize: 14 },
    width: PANEL_WIDTH,
    height: FUNNEL_BAR_HEIGHT * Math.max(1, funnel.steps.length),
    data: { values },
    encoding: { y, x: { field: 'count', type: 'quantitative', axis: countAxis(funnel.countLabel), scale: countScale(max) } },
    layer: [
      { mark: { type: 'bar', color: '#4c78a8', cornerRadiusEnd: 2 } },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, color: '#222' },
        encoding: { text: { field: 'count', type: 'quantitative' } },
      },
    ],
  } as const;
}

function checkInsPanel(chart: CycleChart) {
  const { checkIns } = chart;
  const title = { text: checkIns.title, anchor: 'start', frame: 'group', fontSize: 14 } as const;
  if (checkIns.periods.length === 0) {
    // No check-in yet: the panel keeps its place and says so, rather than showing empty axes.
    return {
      title,
      width: PANEL_WIDTH,
      height: CHECK_INS_HEIGHT,
      data: { values: [{ text: checkIns.emptyText }] },
      mark: { type: 'text', fontSize: 14, color: '#555', align: 'center', baseline: 'middle' },
      encoding: { text: { field: 'text', type: 'nominal' }, x: { value: PANEL_WIDTH / 2 }, y: { value: CHECK_INS_HEIGHT / 2 } },
    } as const;
  }
  const values = checkIns.periods.flatMap((period, index) =>
    CHECK_IN_ANSWERS.map((answer, rank) => ({
      period: period.label,
      index,
      answer: checkIns.answers[answer],
      rank,
      count: period.counts[answer],
    })),
  );
  const max = Math.max(0, ...checkIns.periods.map((period) => CHECK_IN_ANSWERS.reduce((sum, answer) => sum + period.counts[answer], 0)));
  // Labels that would not fit side by side under their bars (about 7 px a character) are slanted, and cut if very long.
  const widest = Math.max(...checkIns.periods.map((period) => period.label.length));
  const crowded = widest * 7 > PANEL_WIDTH / checkIns.periods.length - 6;
  const periodLabels = crowded ? { labelAngle: -40, labelAlign: 'right' as const, labelLimit: 150 } : { labelAngle: 0, labelLimit: 0 };
  return {
    title,
    width: PANEL_WIDTH,
    height: CHECK_INS_HEIGHT,
    data: { values },
    mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        sort: { field: 'index' },
        axis: { title: checkIns.periodLabel, ...periodLabels },
      },
      y: { field: 'count', type: 'quantitative', stack: 'zero', axis: countAxis(checkIns.countLabel), scale: countScale(max) },
      color: {
        field: 'answer',
        type: 'nominal',
        scale: {
          domain: CHECK_IN_ANSWERS.map((answer) => checkIns.answers[answer]),
          range: CHECK_IN_ANSWERS.map((answer) => ANSWER_COLOURS[answer]),
        },
        legend: { title: checkIns.legendTitle, orient: 'right' },
      },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: null,
    },
  } as const;
}

/** The funnel above the check-ins over time, every text in the shipped font. */
export function cycleChartSpec(chart: CycleChart): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, anchor: 'start', fontSize: 20, offset: 14 },
    background: 'white',
    padding: 20,
    spacing: 34,
    config: {
      font: SHIPPED_FONT_FAMILY,
      axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333' },
      legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', symbolType: 'square' },
      view: { stroke: null },
    },
    vconcat: [funnelPanel(chart), checkInsPanel(chart)],
    // The legend belongs to the check-ins: beside them, not beside the funnel at the top.
    resolve: { legend: { color: 'independent' } },
  } as TopLevelSpec;
}
