import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { CycleChartData } from './cycle-chart';
import type { CycleStats } from './cycle-stats';

/**
 * The chart's numbers from the cycle's stats. The funnel counts people: enrolled → one of a pair →
 * in a binôme that met → feedback answers. Below the feedback threshold the last bar is 0 and says
 * the answers are not shown, as the text does: a chart must not reveal what the text hides.
 */
export function chartDataOf(stats: CycleStats, locale: Locale): CycleChartData {
  const { feedback } = stats;
  return {
    cycle: stats.cycle.name,
    funnel: {
      enrolled: stats.enrolled.mentors + stats.enrolled.mentees,
      matched: stats.matchedPeople,
      met: stats.metPeople,
      feedback: feedback.shown ? feedback.answers : 0,
    },
    feedbackHidden: !feedback.shown,
    checkIns: stats.checkIns.rounds.map((tally) => ({
      label: translate(locale, 'stats.chart.round', { round: tally.round }),
      counts: { met: tally.met, notYet: tally.notYet, needHelp: tally.help, noAnswer: tally.none },
    })),
  };
}
