import type { CycleChartData } from '../../../src/core/stats/cycle-chart';

/** A cycle under way: four weeks of check-ins, French labels with accents. */
export const SAMPLE_DATA: CycleChartData = {
  cycle: '2026-2027',
  funnel: { enrolled: 48, matched: 40, met: 31, feedback: 17 },
  checkIns: [
    { label: '5 oct.', counts: { met: 6, notYet: 20, needHelp: 1, noAnswer: 13 } },
    { label: '12 oct.', counts: { met: 14, notYet: 14, needHelp: 2, noAnswer: 10 } },
    { label: '19 oct.', counts: { met: 22, notYet: 8, needHelp: 3, noAnswer: 7 } },
    { label: '26 oct.', counts: { met: 29, notYet: 4, needHelp: 2, noAnswer: 5 } },
  ],
};

export const EMPTY_DATA: CycleChartData = {
  cycle: '2026-2027',
  funnel: { enrolled: 12, matched: 0, met: 0, feedback: 0 },
  checkIns: [],
};
