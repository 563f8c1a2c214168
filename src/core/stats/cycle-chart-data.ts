import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { CycleStats } from './cycle-stats';

/** One bar of the funnel: a translated label and a number of people (or answers). */
export interface FunnelStep {
  readonly key: 'enrolled' | 'matched' | 'met' | 'feedback';
  readonly label: string;
  readonly count: number;
}

/** One check-in round, by what the binômes said (the latest answer of each member counts). */
export interface RoundAnswers {
  readonly round: number;
  readonly label: string;
  readonly met: number;
  readonly notYet: number;
  readonly help: number;
  readonly none: number;
}

/**
 * What the cycle's chart shows, already counted and translated: the renderer (ports.charts,
 * another branch) only draws it. Plain data, so the chart never reads a record itself.
 */
export interface CycleChartData {
  readonly title: string;
  readonly funnel: readonly FunnelStep[];
  readonly rounds: readonly RoundAnswers[];
  /** Legend of the round series, in the order met, not yet, need help, no answer. */
  readonly answerLabels: { readonly met: string; readonly notYet: string; readonly help: string; readonly none: string };
}

/**
 * The funnel counts people: enrolled → one of a pair → in a binôme that met → feedback answers.
 * Below the feedback threshold the last bar is 0 and its label says the answers are not shown,
 * as the text does: a chart must not reveal what the text hides.
 */
export function chartDataOf(stats: CycleStats, locale: Locale): CycleChartData {
  const feedback = stats.feedback;
  return {
    title: translate(locale, 'stats.chart.title', { cycle: stats.cycle.name }),
    funnel: [
      { key: 'enrolled', label: translate(locale, 'stats.chart.enrolled'), count: stats.enrolled.mentors + stats.enrolled.mentees },
      { key: 'matched', label: translate(locale, 'stats.chart.matched'), count: stats.matchedPeople },
      { key: 'met', label: translate(locale, 'stats.chart.met'), count: stats.metPeople },
      feedback.shown
        ? { key: 'feedback', label: translate(locale, 'stats.chart.feedback'), count: feedback.answers }
        : { key: 'feedback', label: translate(locale, 'stats.chart.feedbackHidden'), count: 0 },
    ],
    rounds: stats.checkIns.rounds.map((tally) => ({ ...tally, label: translate(locale, 'stats.chart.round', { round: tally.round }) })),
    answerLabels: {
      met: translate(locale, 'stats.chart.answer.met'),
      notYet: translate(locale, 'stats.chart.answer.notYet'),
      help: translate(locale, 'stats.chart.answer.help'),
      none: translate(locale, 'stats.chart.answer.none'),
    },
  };
}
