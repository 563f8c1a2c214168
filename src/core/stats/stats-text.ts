import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Programme } from '../programme/programme-schema';
import type { CycleStats } from './cycle-stats';

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** The stats as coordinators read them: counts with real plurals, never a name, a text or a reference. */
export function statsText(stats: CycleStats, programme: Programme, locale: Locale): string {
  const { cycle, enrolled, checkIns, feedback } = stats;
  const lines = [
    translate(locale, 'stats.title', { cycle: cycle.name, state: translate(locale, `stats.state.${cycle.state}`) }),
    translate(locale, stats.current ? 'stats.enrolled.current' : 'stats.enrolled.past', {
      mentors: enrolled.mentors,
      mentees: enrolled.mentees,
    }),
    translate(locale, 'stats.binomes', { active: stats.binomes.active, ended: stats.binomes.ended }),
    stats.unmatched === undefined
      ? translate(locale, 'stats.waiting.past', { waiting: stats.waiting })
      : translate(locale, 'stats.waiting.current', { unmatched: stats.unmatched, waiting: stats.waiting }),
    translate(locale, 'stats.checkIns', {
      answered: checkIns.answered,
      posted: checkIns.posted,
      rate: percent(checkIns.answered, checkIns.posted),
    }),
    translate(locale, 'stats.meetings', { rounds: checkIns.metRounds, binomes: checkIns.binomesMet }),
    translate(locale, 'stats.pauses', { started: stats.pauses.started, noAnswer: stats.pauses.noAnswer }),
    translate(locale, 'stats.fit', { said: stats.fitConcerns.said, binomes: stats.fitConcerns.binomes }),
    translate(locale, 'stats.reports', { total: stats.reports.total }),
    ...stats.reports.byCategory.map((tally) =>
      translate(locale, 'stats.reports.category', {
        category: programme.reports.categories.find((category) => category.id === tally.category)?.label[locale] ?? tally.category,
        received: tally.received,
        inProgress: tally.inProgress,
        resolved: tally.resolved,
      }),
    ),
    feedback.shown
      ? translate(locale, 'stats.feedback', {
          mean: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(feedback.satisfactionMean),
          recommend: feedback.recommendPercent,
          answers: feedback.answers,
        })
      : translate(locale, 'stats.feedback.hidden'),
    translate(locale, 'stats.feedback.privacy'),
  ];
  return lines.join('\n');
}
