import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';

/**
 * What the stats chart shows, in the core's words and already in the reader's language: the
 * renderer (src/infra/chart) only draws. Counts are whole numbers of people or answers.
 */
export interface CycleChart {
  readonly title: string;
  readonly funnel: {
    readonly title: string;
    /** The axis along which the bars grow ("Personnes"). */
    readonly countLabel: string;
    /** In the order of the cycle: enrolled, matched, met, feedback. */
    readonly steps: readonly { readonly label: string; readonly count: number }[];
  };
  readonly checkIns: {
    readonly title: string;
    readonly periodLabel: string;
    readonly countLabel: string;
    readonly legendTitle: string;
    /** One label per answer, in the legend's and the stack's order. */
    readonly answers: Readonly<Record<CheckInAnswer, string>>;
    /** Oldest first. Empty before the first check-in: the chart then says so in `emptyText`. */
    readonly periods: readonly CheckInPeriod[];
    readonly emptyText: string;
  };
}

export const CHECK_IN_ANSWERS = ['met', 'notYet', 'needHelp', 'noAnswer'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

export interface CheckInPeriod {
  /** A round's name or a week's date, as the reader reads it. */
  readonly label: string;
  readonly counts: Readonly<Record<CheckInAnswer, number>>;
}

/** The numbers of a cycle, as the stats use case counts them; `cycleChart` puts them into words. */
export interface CycleChartData {
  /** The cycle's name as people know it ("2026-2027"). */
  readonly cycle: string;
  readonly funnel: { readonly enrolled: number; readonly matched: number; readonly met: number; readonly feedback: number };
  /** Fewer answers than the stats show: the feedback bar is 0 and its label says why. */
  readonly feedbackHidden?: boolean;
  readonly checkIns: readonly CheckInPeriod[];
}

export function cycleChart(locale: Locale, data: CycleChartData): CycleChart {
  const { enrolled, matched, met, feedback } = data.funnel;
  return {
    title: translate(locale, 'chart.title', { cycle: data.cycle }),
    funnel: {
      title: translate(locale, 'chart.funnel.title'),
      countLabel: translate(locale, 'chart.funnel.axis'),
      steps: [
        { label: translate(locale, 'chart.funnel.enrolled'), count: enrolled },
        { label: translate(locale, 'chart.funnel.matched'), count: matched },
        { label: translate(locale, 'chart.funnel.met'), count: met },
        {
          label: translate(locale, data.feedbackHidden ? 'chart.funnel.feedbackHidden' : 'chart.funnel.feedback'),
          count: feedback,
        },
      ],
    },
    checkIns: {
      title: translate(locale, 'chart.checkIns.title'),
      periodLabel: translate(locale, 'chart.checkIns.period'),
      countLabel: translate(locale, 'chart.checkIns.axis'),
      legendTitle: translate(locale, 'chart.checkIns.legend'),
      answers: {
        met: translate(locale, 'chart.checkIns.met'),
        notYet: translate(locale, 'chart.checkIns.notYet'),
        needHelp: translate(locale, 'chart.checkIns.needHelp'),
        noAnswer: translate(locale, 'chart.checkIns.noAnswer'),
      },
      periods: data.checkIns,
      emptyText: translate(locale, 'chart.checkIns.empty'),
    },
  };
}

/** `stats-2026-2027.png`: the cycle's name kept to letters, digits and dashes, so every platform and disk takes it. */
export function chartFileName(cycle: string): string {
  const slug = cycle
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `stats-${slug || 'cycle'}.png`;
}
