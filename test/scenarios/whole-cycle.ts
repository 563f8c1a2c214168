import type { Locale } from '../../src/core/i18n/locale';
import type { MessageKey, MessageParams } from '../../src/core/i18n/translate';
import { MENTEE_FORM, MENTOR_FORM } from './participant-journey';
import { coordinator, enrol } from './report-visibility';
import { type Expectation, type Scenario, type ScenarioFactory, type Step, says } from './scenario';

const CYCLE = '2026-2027';
const NEXT_CYCLE = '2027-2028';
/** A comment typed in the feedback form: anonymous, it must never come back to anyone. */
const COMMENT = 'Des échanges très utiles pour ma recherche d’emploi.';

/**
 * A catalogue message around what differs per platform or per day (a mention, a date): each such
 * parameter stays a placeholder, and `says` looks for the longest stretch between them.
 */
function around(locale: Locale, key: MessageKey, params: MessageParams, holes: readonly string[]): string {
  return says(locale, key, { ...params, ...Object.fromEntries(holes.map((hole) => [hole, `{${hole}}`])) });
}

const step = (actor: string, action: Step['action'], expect: readonly Expectation[]): Step => ({ actor, action, expect });
const space = (people: readonly string[], fragments: readonly string[], saysNot: readonly string[] = []): Expectation[] =>
  people.map((to) => ({ to, via: 'space' as const, says: fragments, ...(saysNot.length ? { saysNot } : {}) }));
const dm = (people: readonly string[], fragments: readonly string[]): Expectation[] =>
  people.map((to) => ({ to, via: 'dm' as const, says: fragments }));

/** An announcement: each member and the référent, in the new space and by DM. */
function announced(people: readonly string[]): Expectation[] {
  return people.flatMap((to) => [
    { to, via: 'space' as const },
    { to, via: 'dm' as const },
  ]);
}

/** The weekly digest every wait crossing a Monday morning posts in the coordinators' space. */
const DIGEST: Expectation = { to: 'coord', via: 'space', says: [around('fr', 'digest.title', {}, ['since'])] };

/**
 * A whole cycle, on every platform, the clock moved by wait steps: the first cycle open, four
 * people enrolled, two binômes pinned, confirmed and announced; check-ins answered and ignored with
 * a restart between two rounds; a pause that ends by itself; the référent alerted privately of the
 * silent binôme; "not a good fit" said privately and the binôme dissolved by the coordination, the
 * mentoré first in line and paired again; a member who withdraws (her space told, without her);
 * the cycle closed (the last binôme thanked, its référent too; feedback asked of everyone who was in
 * one of its binômes and is still enrolled) with a restart right after, nothing doubled; feedback
 * given, stats with their chart; the next cycle opened, where nobody is paired again with a mentor
 * they already had. Each step names everyone who receives something; anyone else receiving anything
 * fails it. At the end every space of the closed cycle is archived, and carol cannot read hers.
 */
const wholeCycle: ScenarioFactory = (locale: Locale): Scenario => {
  const round = (n: number) => says(locale, 'checkIn.post.title', { round: n });
  const ended = says(locale, 'binome.ended.spaceNotice');
  return {
    name: 'a whole cycle: enrol, pair, check-ins, pause, not a good fit, withdrawal, close, stats, next cycle',
    steps: [
      step('coord', { command: 'admin.cycle' }, [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'cycle.show.title', { name: CYCLE, state: says(locale, 'cycle.state.enrolment-open') })],
        },
      ]),
      enrol('erin', { ...MENTOR_FORM, name: 'Erin Roux', affiliation: 'Inserm Lille', capacity: '1' }),
      enrol('fay', { ...MENTOR_FORM, name: 'Fay Morel', affiliation: 'Sanofi', fields: 'lipidomique', capacity: '2' }),
      enrol('dan', MENTEE_FORM),
      enrol('carol', { ...MENTEE_FORM, name: 'Carol Petit', affiliation: 'CNRS Toulouse', excluded: '' }),
      coordinator('admin.pin', { mentee: '@dan', mentor: '@erin' }),
      coordinator('admin.pin', { mentee: '@carol', mentor: '@fay' }),
      coordinator('admin.setReferent', { mentee: '@dan', referent: '@ref' }),
      coordinator('admin.setReferent', { mentee: '@carol', referent: '@ref' }),
      coordinator('admin.propose', {}, true),
      coordinator('admin.confirm'),
      step('coord', { command: 'admin.announce' }, [
        { to: 'coord', via: 'ephemeral' },
        ...announced(['dan', 'erin', 'carol', 'fay', 'ref']),
      ]),

      // Check-ins: the first round comes two weeks after the announcement, not a day earlier.
      step('coord', { wait: '13d' }, [DIGEST]),
      step('coord', { wait: '1d' }, [DIGEST, ...space(['dan', 'erin', 'carol', 'fay', 'ref'], [round(1)])]),
      // One answer is enough: only the one who pressed hears back, privately.
      step('dan', { press: 'met' }, [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'checkIn.answered.met', { round: 1 })] }]),
      // A restart in the middle of the cycle, between two rounds: the next is neither skipped nor doubled.
      step('coord', { restart: true }, []),
      // After the restart, round 1 still takes answers: erin finds it under her binôme and answers too.
      step('erin', { command: 'mentorat.binome' }, [
        { to: 'erin', via: 'ephemeral', says: [around(locale, 'checkIn.latest', { round: 1 }, ['partner'])] },
      ]),
      step('erin', { press: 'met' }, [{ to: 'erin', via: 'ephemeral', says: [says(locale, 'checkIn.answered.met', { round: 1 })] }]),
      step('coord', { wait: '4w' }, [DIGEST, ...space(['dan', 'erin', 'carol', 'fay', 'ref'], [round(2)], [round(1)])]),

      // A pause that ends by itself: carol is told, and so is her binôme's référent, both times.
      step('carol', { command: 'mentorat.pause', options: { weeks: '2' } }, [
        { to: 'carol', via: 'ephemeral', says: [around(locale, 'pause.done.timed', { binome: 'yes' }, ['length'])] },
        { to: 'ref', via: 'dm', says: [around('fr', 'pause.referent.started', { because: 'self' }, ['person', 'length'])] },
      ]),
      step('coord', { wait: '2w' }, [
        DIGEST,
        ...dm(['carol'], [says(locale, 'pause.expired')]),
        ...dm(['ref'], [around('fr', 'pause.referent.ended', {}, ['person'])]),
      ]),

      // Round 3: carol and fay left rounds 1 and 2 unanswered; their référent alone is told, privately.
      step('coord', { wait: '2w' }, [
        DIGEST,
        ...space(['dan', 'erin', 'carol', 'fay'], [round(3)]),
        { to: 'ref', via: 'space', says: [round(3)] },
        { to: 'ref', via: 'dm', says: [says('fr', 'checkIn.alert.title'), says('fr', 'checkIn.alert.todo')] },
      ]),

      // "Not a good fit", said privately: the référent and the coordination know, erin does not.
      step('dan', { command: 'mentorat.not-a-fit' }, [
        { to: 'dan', via: 'ephemeral', says: [around(locale, 'fit.confirm.question', {}, ['other'])] },
      ]),
      step('dan', { press: 'confirm' }, [
        { to: 'dan', via: 'ephemeral', says: [around(locale, 'fit.done.referent', {}, ['referent'])] },
        { to: 'ref', via: 'dm', says: [around('fr', 'fit.referent.dm', {}, ['person', 'pair'])] },
        { to: 'coord', via: 'space', says: [around('fr', 'fit.coordination.post', {}, ['person', 'pair', 'referent', 'mentee'])] },
      ]),
      step('coord', { press: 'fit-dissolve' }, [
        { to: 'coord', via: 'ephemeral', says: [around(locale, 'fit.dissolved', {}, ['pair'])] },
        ...space(['dan', 'erin', 'ref'], [ended]),
        ...dm(['dan', 'erin'], [around(locale, 'binome.dissolved.byCoordinator', {}, ['pair'])]),
        ...dm(['ref'], [around('fr', 'binome.dissolved.byCoordinator', {}, ['pair'])]),
        // The reason stays between dan, his référent and the coordination.
        { to: 'erin', via: 'dm', saysNot: [around('fr', 'fit.referent.dm', {}, ['person', 'pair'])] },
        { to: 'dan', via: 'dm', says: [says(locale, 'fit.mentee.firstInLine')] },
      ]),

      // Paired again, first in line: fay still has a place.
      step('coord', { command: 'admin.propose' }, [
        { to: 'coord', via: 'ephemeral', says: ['Dan Leroy ↔ Fay Morel', says(locale, 'match.reason.firstInLine')] },
        { to: 'coord', via: 'file' },
      ]),
      coordinator('admin.confirm'),
      step('coord', { command: 'admin.announce' }, [{ to: 'coord', via: 'ephemeral' }, ...announced(['dan', 'fay', 'ref'])]),

      // carol withdraws: she leaves the space first, then fay and the référent read that it ended.
      step('carol', { command: 'mentorat.withdraw' }, [
        { to: 'carol', via: 'ephemeral', says: [says(locale, 'withdraw.confirm.question')] },
      ]),
      step('carol', { press: 'confirm' }, [
        { to: 'carol', via: 'ephemeral', says: [says(locale, 'withdraw.done')] },
        ...space(['fay', 'ref'], [ended]),
        ...dm(['fay'], [around(locale, 'binome.dissolved.memberLeft', {}, ['pair'])]),
        ...dm(['ref'], [around('fr', 'binome.dissolved.memberLeft', {}, ['pair'])]),
      ]),

      // Closing the cycle: the binôme still running ends, thanked; everyone who was in a binôme of it and is still enrolled is asked for feedback.
      step('coord', { command: 'admin.cycle', options: { action: 'close' } }, [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'cycle.button.close')] },
      ]),
      step('coord', { press: 'confirm' }, [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'cycle.done.close', { name: CYCLE, binomes: 1, participants: 3 })],
          // Archiving every space went through: the coordination hears of no problem.
          saysNot: [says('fr', 'binome.space.problemsTitle')],
        },
        ...space(['dan', 'fay', 'ref'], [ended]),
        ...dm(['dan', 'fay'], [around(locale, 'binome.dissolved.cycleClosed', {}, ['pair'])]),
        // erin's binôme ended earlier in the cycle: she took part, she is asked too; carol, who withdrew, is not.
        ...dm(['dan', 'fay', 'erin'], [around(locale, 'feedback.ask', { cycle: CYCLE }, ['programme'])]),
        ...dm(['ref'], [around('fr', 'binome.dissolved.cycleClosed.referent', {}, ['pair'])]),
      ]),
      step('dan', { press: 'open', form: { satisfaction: '4', recommend: 'yes', comment: COMMENT } }, [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'feedback.thanks', { cycle: CYCLE })] },
      ]),
      // A restart right after the close: nothing is sent again, however long one waits.
      step('coord', { restart: true }, []),
      step('coord', { wait: '1w' }, [{ ...DIGEST, saysNot: [says('fr', 'binome.space.problemsTitle')] }]),
      step('fay', { command: 'mentorat.feedback', form: { satisfaction: '5', recommend: 'yes' } }, [
        { to: 'fay', via: 'form' },
        { to: 'fay', via: 'ephemeral', says: [says(locale, 'feedback.thanks', { cycle: CYCLE })] },
      ]),
      step('coord', { command: 'admin.stats' }, [
        { to: 'coord', via: 'ephemeral', says: [around(locale, 'stats.title', { cycle: CYCLE }, ['state'])], saysNot: [COMMENT] },
        { to: 'coord', via: 'file', says: [`stats-${CYCLE}.png`] },
      ]),

      // The next cycle: dan's former mentors are not proposed to him again.
      step('coord', { command: 'admin.cycle', options: { action: 'open-next', name: NEXT_CYCLE } }, [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'cycle.button.open-next')] },
      ]),
      step('coord', { press: 'confirm' }, [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'cycle.done.open-next', { name: NEXT_CYCLE })] },
      ]),
      step('coord', { command: 'admin.propose' }, [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'match.unmatched.paired-before', { count: 2 })],
          saysNot: ['Dan Leroy ↔ Erin Roux', 'Dan Leroy ↔ Fay Morel'],
        },
        { to: 'coord', via: 'file' },
      ]),
      enrol('zoe', { ...MENTOR_FORM, name: 'Zoé Klein', affiliation: 'Universität Wien', fields: 'lipidomique', capacity: '1' }),
      step('coord', { command: 'admin.propose' }, [
        { to: 'coord', via: 'ephemeral', says: ['Dan Leroy ↔ Zoé Klein'], saysNot: ['Dan Leroy ↔ Erin Roux', 'Dan Leroy ↔ Fay Morel'] },
        { to: 'coord', via: 'file' },
      ]),
    ],
    // Every space of the closed cycle is archived: still readable, nobody writes there; carol, who
    // withdrew, cannot even read hers.
    spacesAtEnd: [
      { name: 'binome-dan-leroy-erin-roux', readers: ['dan', 'erin', 'ref'], writers: [] },
      { name: 'binome-carol-petit-fay-morel', readers: ['fay', 'ref'], writers: [] },
      { name: 'binome-dan-leroy-fay-morel', readers: ['dan', 'fay', 'ref'], writers: [] },
    ],
  };
};

/** The whole cycle, end to end; every platform driver replays it. */
export const wholeCycleScenarios: readonly ScenarioFactory[] = [wholeCycle];

export function wholeCycleScenariosFor(locale: Locale): Scenario[] {
  return wholeCycleScenarios.map((factory) => factory(locale));
}
