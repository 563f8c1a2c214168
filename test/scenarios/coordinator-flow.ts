import type { Locale } from '../../src/core/i18n/locale';
import { MENTEE_FORM, MENTOR_FORM } from './participant-journey';
import { type Scenario, type ScenarioFactory, type Step, says } from './scenario';

/** Two mentors with one place each; three mentorés, one of whom shares no language with any mentor. */
const ENROLMENTS: readonly Step[] = [
  { actor: 'erin', form: { ...MENTOR_FORM, name: 'Erin Roux', affiliation: 'Inserm Lille', capacity: '1' } },
  { actor: 'fay', form: { ...MENTOR_FORM, name: 'Fay Morel', affiliation: 'Sanofi', fields: 'lipidomique', capacity: '1' } },
  { actor: 'dan', form: MENTEE_FORM },
  { actor: 'carol', form: { ...MENTEE_FORM, name: 'Carol Petit', affiliation: 'CNRS Toulouse', fields: 'proteomique' } },
  { actor: 'bob', form: { ...MENTEE_FORM, name: 'Bob Bernard', affiliation: 'Université de Nantes', languages: 'de' } },
].map(({ actor, form }) => ({
  actor,
  action: { command: 'mentorat.enrol', form },
  expect: [
    { to: actor, via: 'form' as const },
    { to: actor, via: 'ephemeral' as const },
  ],
}));

/**
 * The coordinators' round, as every platform must replay it: référents, a proposal, a forbid
 * and a pin, confirmation, a restart, the announcement (spaces, welcome, DMs, the one left out
 * told why), announcing again (nothing twice), another restart, what members then see, and a
 * dissolution.
 */
const coordinatorRound: ScenarioFactory = (locale: Locale): Scenario => ({
  name: 'a coordinator forms, confirms and announces the binômes, exactly once',
  steps: [
    ...ENROLMENTS,
    {
      actor: 'coord',
      action: { command: 'admin.referents' },
      expect: [{ to: 'coord', via: 'ephemeral', says: [says(locale, 'referents.title', { count: 1 }), 'ref'] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.propose' },
      expect: [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'propose.title', { matched: 2, mentees: 3 }), 'Dan Leroy', 'Bob Bernard'] },
        { to: 'coord', via: 'file', says: ['proposition.csv', 'Carol Petit'] },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.forbid', options: { mentee: '@carol', mentor: '@erin' } },
      expect: [{ to: 'coord', via: 'ephemeral', says: [says(locale, 'decision.forbidden'), 'Carol Petit', 'Erin Roux'] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.pin', options: { mentee: '@dan', mentor: '@erin' } },
      expect: [{ to: 'coord', via: 'ephemeral', says: [says(locale, 'decision.pinned'), 'Dan Leroy', 'Erin Roux'] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.propose' },
      expect: [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'propose.decisions', { pins: 1, forbids: 1, referents: 0 }), says(locale, 'match.reason.pinned')],
        },
        { to: 'coord', via: 'file', says: ['proposition.csv'] },
      ],
    },
    {
      actor: 'dan',
      action: { command: 'admin.confirm' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'access.coordinatorsOnly')] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.confirm' },
      expect: [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'confirm.done', { count: 2 }), says(locale, 'confirm.waitlisted', { count: 1 })],
        },
      ],
    },
    { actor: 'coord', action: { restart: true }, expect: [] },
    {
      actor: 'dan',
      action: { command: 'mentorat.binome' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'binome.mine.pending')] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.announce' },
      expect: [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'announce.summary', { announced: 2, total: 2 }), says(locale, 'announce.noticesSent', { count: 1 })],
        },
        ...['dan', 'erin', 'carol', 'fay', 'ref'].map((to) => ({
          to,
          via: 'space' as const,
          says: [says(locale, 'announce.welcome.title')],
        })),
        { to: 'dan', via: 'dm', says: [says(locale, 'announce.dm.mentee'), 'Erin Roux'] },
        { to: 'erin', via: 'dm', says: [says(locale, 'announce.dm.mentor'), 'Dan Leroy'] },
        { to: 'carol', via: 'dm', says: [says(locale, 'announce.dm.mentee'), 'Fay Morel'] },
        { to: 'fay', via: 'dm', says: [says(locale, 'announce.dm.mentor'), 'Carol Petit'] },
        // The référent never enrolled: they read the community's default language.
        { to: 'ref', via: 'dm', says: [says('fr', 'announce.dm.referent')] },
        {
          to: 'bob',
          via: 'dm',
          says: [says(locale, 'announce.waitlist.title'), says(locale, 'match.notice.no-shared-language')],
          saysNot: ['Erin Roux', 'Fay Morel'],
        },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.announce' },
      expect: [{ to: 'coord', via: 'ephemeral', says: [says(locale, 'announce.nothingLeft', { count: 2 })] }],
    },
    { actor: 'coord', action: { restart: true }, expect: [] },
    {
      actor: 'coord',
      action: { command: 'admin.announce' },
      expect: [{ to: 'coord', via: 'ephemeral', says: [says(locale, 'announce.nothingLeft', { count: 2 })] }],
    },
    {
      actor: 'dan',
      action: { command: 'mentorat.binome' },
      expect: [
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'binome.mine.title'), says(locale, 'binome.mine.yourMentor'), 'Erin Roux'] },
      ],
    },
    {
      actor: 'bob',
      action: { command: 'mentorat.binome' },
      expect: [{ to: 'bob', via: 'ephemeral', says: [says(locale, 'binome.mine.waitlisted')] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.binome', options: { action: 'dissolve', mentee: '@dan' } },
      expect: [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'binome.dissolve.question', { referent: 'yes' }), 'Dan Leroy', 'Erin Roux'] },
      ],
    },
    {
      actor: 'coord',
      action: { press: 'confirm' },
      expect: [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'binome.dissolve.done')] },
        ...['dan', 'erin'].map((to) => ({ to, via: 'dm' as const, says: [says(locale, 'binome.dissolved.byCoordinator')] })),
        { to: 'ref', via: 'dm', says: [says('fr', 'binome.dissolved.byCoordinator')] },
        // Its space is told, once, that it ended; nobody left it, so all three still see it.
        ...['dan', 'erin', 'ref'].map((to) => ({ to, via: 'space' as const, says: [says(locale, 'binome.ended.spaceNotice')] })),
      ],
    },
    {
      actor: 'carol',
      action: { command: 'mentorat.withdraw' },
      expect: [{ to: 'carol', via: 'ephemeral', says: [says(locale, 'withdraw.confirm.question')] }],
    },
    {
      actor: 'carol',
      action: { press: 'confirm' },
      expect: [
        {
          to: 'carol',
          via: 'ephemeral',
          says: [says(locale, 'withdraw.done'), says(locale, 'withdraw.binomesEnded', { count: 1 })],
          // She left: the space's notice is not for her (her deliveries of the step, whatever the way).
          saysNot: [says(locale, 'binome.ended.spaceNotice')],
        },
        { to: 'fay', via: 'dm', says: [says(locale, 'binome.dissolved.memberLeft')] },
        { to: 'ref', via: 'dm', says: [says('fr', 'binome.dissolved.memberLeft')] },
        // Carol lost the space before the notice: only Fay and the référent read it (and nothing says why).
        ...['fay', 'ref'].map((to) => ({ to, via: 'space' as const, says: [says(locale, 'binome.ended.spaceNotice')] })),
      ],
    },
  ],
});

/** The coordinators' flow of the matching issue; every platform driver replays it. */
export const coordinatorFlow: readonly ScenarioFactory[] = [coordinatorRound];

export function coordinatorScenariosFor(locale: Locale): Scenario[] {
  return coordinatorFlow.map((factory) => factory(locale));
}
