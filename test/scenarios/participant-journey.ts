import type { Locale } from '../../src/core/i18n/locale';
import { defaultProgramme } from '../support/programme';
import { type Scenario, type ScenarioFactory, says } from './scenario';

const programme = defaultProgramme();

/** A mentor's answers, as typed in any form: ids, `;`-separated lists. */
export const MENTOR_FORM = {
  role: 'mentor',
  name: 'Alice Martin',
  affiliation: 'Institut Pasteur',
  sector: 'both',
  fields: 'proteomique;metabolomique',
  languages: 'fr;en',
  format: 'both',
  region: 'ile-de-france',
  offers: 'carriere-academique;reseau',
  capacity: '2',
  consentPillars: 'oui',
  consentData: 'oui',
} as const;

/** A doctoral student: eligible whatever the date the test runs. */
export const MENTEE_FORM = {
  role: 'mentee',
  name: 'Dan Leroy',
  affiliation: 'Université de Lille',
  wishedSector: 'private',
  phdStatus: 'in-progress',
  fields: 'lipidomique',
  languages: 'fr',
  format: 'remote',
  region: 'hauts-de-france',
  expectations: 'secteur-prive;cv-entretiens',
  excluded: 'Pr Durand; Dr Petit',
  consentPillars: 'oui',
  consentData: 'oui',
} as const;

const discovering: ScenarioFactory = (locale) => ({
  name: 'discovering the programme',
  steps: [
    {
      actor: 'alice',
      action: { command: 'mentorat.overview' },
      expect: [{ to: 'alice', via: 'ephemeral', says: [programme.name[locale]] }],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.pillars' },
      expect: [{ to: 'alice', via: 'ephemeral', says: programme.pillars.map((pillar) => pillar.title[locale]) }],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.role' },
      expect: [
        {
          to: 'alice',
          via: 'ephemeral',
          says: [says(locale, 'content.role.is'), says(locale, 'content.role.isNotCsi'), says(locale, 'content.role.isNotDirector')],
        },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.actors' },
      expect: [
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'role.mentor'), says(locale, 'role.mentee'), says(locale, 'role.referent')] },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.benefits', options: { role: 'mentee' } },
      expect: [
        {
          to: 'alice',
          via: 'ephemeral',
          says: [says(locale, 'content.benefits.mentee'), programme.benefits.mentee[0]?.[locale] ?? ''],
          saysNot: [says(locale, 'content.benefits.mentor')],
        },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.reporting' },
      expect: [{ to: 'alice', via: 'ephemeral', says: [says(locale, 'content.reporting.title')] }],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.help' },
      expect: [
        {
          to: 'alice',
          via: 'ephemeral',
          says: [says(locale, 'help.title'), says(locale, 'command.mentorat.enrol.description')],
          saysNot: ['mentorat-admin'],
        },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'admin.enrolled' },
      expect: [{ to: 'alice', via: 'ephemeral', says: [says(locale, 'access.coordinatorsOnly')] }],
    },
  ],
});

const mentorJourney: ScenarioFactory = (locale) => ({
  name: 'a mentor enrols, reviews, edits and exports their data',
  steps: [
    {
      actor: 'alice',
      action: { command: 'mentorat.enrol', form: MENTOR_FORM },
      expect: [
        { to: 'alice', via: 'form' },
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentor'), 'Alice Martin', 'Institut Pasteur'] },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.profile' },
      expect: [
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'profile.title'), 'Alice Martin', says(locale, 'profile.button.edit')] },
      ],
    },
    {
      actor: 'alice',
      action: { press: 'edit', form: { about: 'Vingt ans en protéomique clinique.' } },
      expect: [
        { to: 'alice', via: 'form' },
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'enrol.updated'), 'Vingt ans en protéomique clinique.'] },
      ],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.myData' },
      expect: [
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'myData.ready')] },
        { to: 'alice', via: 'file', says: ['mentorat-mes-donnees.json', '"name": "Alice Martin"', '"capacity": 2'] },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.enrolled' },
      expect: [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [says(locale, 'enrolled.counts', { mentors: 1, mentees: 0, slots: 2, withdrawn: 0 }), 'Alice Martin'],
        },
        { to: 'coord', via: 'file', says: ['inscrits.csv', 'alice,mentor,active,Alice Martin'] },
      ],
    },
  ],
});

const ineligibleMentee: ScenarioFactory = (locale) => ({
  name: 'an ineligible mentee is told why and nothing is stored',
  steps: [
    {
      actor: 'bob',
      action: { command: 'mentorat.enrol', form: { ...MENTEE_FORM, name: 'Bob Bernard', phdStatus: 'none', birthDate: '1980-01-01' } },
      expect: [
        { to: 'bob', via: 'form' },
        { to: 'bob', via: 'ephemeral', says: [says(locale, 'enrol.rejected.ineligible'), '(birthDate)', says(locale, 'enrol.ineligible')] },
      ],
    },
    {
      actor: 'bob',
      action: { command: 'mentorat.profile' },
      expect: [{ to: 'bob', via: 'ephemeral', says: [says(locale, 'profile.notEnrolled')] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.enrolled' },
      expect: [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'enrolled.none')] },
        { to: 'coord', via: 'file' },
      ],
    },
  ],
});

const invalidForm: ScenarioFactory = (locale) => ({
  name: 'an invalid form names every wrong field and stores nothing',
  steps: [
    {
      actor: 'carol',
      // Only what every platform lets a person submit: Discord's own modal already refuses a name under 2 characters.
      action: { command: 'mentorat.enrol', form: { ...MENTOR_FORM, capacity: '9', consentData: 'non' } },
      expect: [
        { to: 'carol', via: 'form' },
        {
          to: 'carol',
          via: 'ephemeral',
          says: [
            says(locale, 'enrol.rejected.invalid'),
            '(capacity)',
            says(locale, 'form.error.numberOutOfRange', { min: programme.capacity.min, max: programme.capacity.max }),
            '(consentData)',
            says(locale, 'form.error.consentRequired'),
          ],
        },
      ],
    },
    {
      actor: 'carol',
      action: { command: 'mentorat.profile' },
      expect: [{ to: 'carol', via: 'ephemeral', says: [says(locale, 'profile.notEnrolled')] }],
    },
  ],
});

const withdrawing: ScenarioFactory = (locale) => ({
  name: 'withdrawing takes a confirmation, and coming back is one enrolment away',
  steps: [
    {
      actor: 'dan',
      action: { command: 'mentorat.enrol', form: MENTEE_FORM },
      expect: [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentee')] },
      ],
    },
    {
      actor: 'dan',
      action: { command: 'mentorat.withdraw' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'withdraw.confirm.question'), says(locale, 'withdraw.confirm.yes')] }],
    },
    { actor: 'dan', action: { press: 'cancel' }, expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'confirm.cancelled')] }] },
    {
      actor: 'dan',
      action: { command: 'mentorat.withdraw' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'withdraw.confirm.question')] }],
    },
    { actor: 'dan', action: { press: 'confirm' }, expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'withdraw.done')] }] },
    {
      actor: 'dan',
      action: { command: 'mentorat.profile' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'profile.status.withdrawn')] }],
    },
    {
      actor: 'dan',
      action: { command: 'mentorat.withdraw' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'withdraw.alreadyWithdrawn')] }],
    },
    {
      actor: 'dan',
      action: { command: 'mentorat.enrol', form: MENTEE_FORM },
      expect: [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'enrol.rejoined')] },
      ],
    },
  ],
});

const erasing: ScenarioFactory = (locale) => ({
  name: 'erasing my data is confirmed, complete and idempotent',
  steps: [
    {
      actor: 'erin',
      action: { command: 'mentorat.enrol', form: { ...MENTOR_FORM, name: 'Erin Roux' } },
      expect: [
        { to: 'erin', via: 'form' },
        { to: 'erin', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentor')] },
      ],
    },
    {
      actor: 'erin',
      action: { command: 'mentorat.erase' },
      expect: [{ to: 'erin', via: 'ephemeral', says: [says(locale, 'erase.confirm.question')] }],
    },
    { actor: 'erin', action: { press: 'confirm' }, expect: [{ to: 'erin', via: 'ephemeral', says: [says(locale, 'erase.done')] }] },
    {
      actor: 'erin',
      action: { command: 'mentorat.myData' },
      expect: [
        { to: 'erin', via: 'ephemeral', says: [says(locale, 'myData.nothingStored')] },
        { to: 'erin', via: 'file', says: ['"enrolment": null'], saysNot: ['Erin Roux'] },
      ],
    },
    {
      actor: 'erin',
      action: { command: 'mentorat.erase' },
      expect: [{ to: 'erin', via: 'ephemeral', says: [says(locale, 'erase.confirm.question')] }],
    },
    {
      actor: 'erin',
      action: { press: 'confirm' },
      expect: [{ to: 'erin', via: 'ephemeral', says: [says(locale, 'erase.nothingStored')] }],
    },
  ],
});

const enrollingTwice: ScenarioFactory = (locale) => ({
  name: 'enrolling twice updates the enrolment, never duplicates it',
  steps: [
    {
      actor: 'fay',
      action: { command: 'mentorat.enrol', form: { ...MENTOR_FORM, name: 'Fay Morel', capacity: '1' } },
      expect: [
        { to: 'fay', via: 'form' },
        { to: 'fay', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentor')] },
      ],
    },
    {
      actor: 'fay',
      action: { command: 'mentorat.enrol', form: { capacity: '3' } },
      expect: [
        { to: 'fay', via: 'form' },
        { to: 'fay', via: 'ephemeral', says: [says(locale, 'enrol.updated'), 'Fay Morel'] },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.enrolled' },
      expect: [
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'enrolled.counts', { mentors: 1, mentees: 0, slots: 3, withdrawn: 0 })] },
        { to: 'coord', via: 'file' },
      ],
    },
  ],
});

const proposing: ScenarioFactory = (locale) => ({
  name: 'a coordinator reads the proposed pairs, with scores and reasons',
  steps: [
    {
      actor: 'erin',
      action: { command: 'mentorat.enrol', form: { ...MENTOR_FORM, name: 'Erin Roux', fields: 'lipidomique;proteomique' } },
      expect: [
        { to: 'erin', via: 'form' },
        { to: 'erin', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentor')] },
      ],
    },
    {
      actor: 'dan',
      action: { command: 'mentorat.enrol', form: MENTEE_FORM },
      expect: [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'enrol.saved.mentee')] },
      ],
    },
    {
      actor: 'dan',
      action: { command: 'admin.propose' },
      expect: [{ to: 'dan', via: 'ephemeral', says: [says(locale, 'access.coordinatorsOnly')] }],
    },
    {
      actor: 'coord',
      action: { command: 'admin.propose' },
      expect: [
        {
          to: 'coord',
          via: 'ephemeral',
          says: [
            says(locale, 'propose.title', { matched: 1, mentees: 1 }),
            'Dan Leroy',
            'Erin Roux',
            says(locale, 'match.reason.sharedFields', { count: 1 }),
            says(locale, 'propose.howToConfirm'),
          ],
        },
      ],
    },
  ],
});

/** The participant journey of the foundation issue; every platform driver replays all of it. */
export const participantJourney: readonly ScenarioFactory[] = [
  discovering,
  mentorJourney,
  ineligibleMentee,
  invalidForm,
  withdrawing,
  erasing,
  enrollingTwice,
  proposing,
];

export function scenariosFor(locale: Locale): Scenario[] {
  return participantJourney.map((factory) => factory(locale));
}
