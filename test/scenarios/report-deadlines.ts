import type { Locale } from '../../src/core/i18n/locale';
import { defaultProgramme } from '../support/programme';
import { MENTEE_FORM, MENTOR_FORM } from './participant-journey';
import { coordinator, enrol } from './report-visibility';
import { type Expectation, type Scenario, type ScenarioFactory, says } from './scenario';

const DAN_TEXT = 'Mon mentor ne vient plus aux rendez-vous et ne répond pas.';

/** The announcement reaches the binôme's members and its référent, in their space and by DM. */
const ANNOUNCED: readonly Expectation[] = ['dan', 'erin', 'ref'].flatMap((to) => [
  { to, via: 'space' as const },
  { to, via: 'dm' as const },
]);

/**
 * A report nobody takes, as time passes: nothing before `remindAfterHours`, then its référent is
 * reminded, then `escalateAfterHours` later it goes to the coordinators by itself, a bot restart
 * in between. The delays are the programme's, not copied here. The other member of the binôme
 * (erin) receives nothing at any step: each step names everyone who receives something.
 */
const untakenReport: ScenarioFactory = (locale: Locale): Scenario => {
  const { remindAfterHours, escalateAfterHours } = defaultProgramme().reports;
  return {
    name: 'a report nobody takes reminds its référent, then goes to the coordinators by itself',
    steps: [
      enrol('erin', { ...MENTOR_FORM, name: 'Erin Roux', affiliation: 'Inserm Lille', capacity: '1' }),
      enrol('dan', MENTEE_FORM),
      coordinator('admin.pin', { mentee: '@dan', mentor: '@erin' }),
      coordinator('admin.setReferent', { mentee: '@dan', referent: '@ref' }),
      coordinator('admin.propose', {}, true),
      coordinator('admin.confirm'),
      { actor: 'coord', action: { command: 'admin.announce' }, expect: [{ to: 'coord', via: 'ephemeral' }, ...ANNOUNCED] },
      {
        actor: 'dan',
        action: { command: 'mentorat.report', form: { category: 'relation', description: DAN_TEXT, contact: 'oui' } },
        expect: [
          { to: 'dan', via: 'form' },
          { to: 'dan', via: 'ephemeral', says: [says(locale, 'report.filed', { reference: 'SIG-0001' })] },
          { to: 'ref', via: 'dm', says: [says('fr', 'report.handling.new', { reference: 'SIG-0001' }), DAN_TEXT] },
        ],
      },
      // An hour before the deadline: nobody hears anything.
      { actor: 'coord', action: { wait: `${remindAfterHours - 1}h` }, expect: [] },
      {
        actor: 'coord',
        action: { wait: '2h' },
        expect: [{ to: 'ref', via: 'dm', says: [says('fr', 'report.handling.reminder', { reference: 'SIG-0001' }), DAN_TEXT] }],
      },
      { actor: 'coord', action: { restart: true }, expect: [] },
      // The escalation was planned before the restart: the new bot keeps the time and the job.
      { actor: 'coord', action: { wait: `${escalateAfterHours - 1}h` }, expect: [] },
      {
        actor: 'coord',
        action: { wait: '2h' },
        expect: [
          { to: 'coord', via: 'space', says: [says('fr', 'report.handling.escalated.deadline', { reference: 'SIG-0001' })] },
          { to: 'dan', via: 'dm', says: [says(locale, 'report.notice.escalated', { reference: 'SIG-0001' })], saysNot: [DAN_TEXT] },
        ],
      },
      // Time goes on, nothing of the report is sent twice: the binôme's first check-in comes two
      // weeks after its announcement, and the coordinators' weekly digest, as for any binôme.
      {
        actor: 'coord',
        action: { wait: '2w' },
        expect: [
          ...['dan', 'erin', 'ref'].map((to) => ({
            to,
            via: 'space' as const,
            says: [says(locale, 'checkIn.post.title', { round: 1 })],
            saysNot: [DAN_TEXT, 'SIG-0001'],
          })),
          { to: 'coord', via: 'space', says: [says('fr', 'digest.enrolments', { mentors: 1, mentees: 1 })], saysNot: [DAN_TEXT] },
        ],
      },
    ],
  };
};

/** Journeys where time passes; every platform driver replays them. */
export const reportDeadlineScenarios: readonly ScenarioFactory[] = [untakenReport];

export function reportDeadlineScenariosFor(locale: Locale): Scenario[] {
  return reportDeadlineScenarios.map((factory) => factory(locale));
}
