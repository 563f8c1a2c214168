import type { Locale } from '../../src/core/i18n/locale';
import { MENTEE_FORM, MENTOR_FORM } from './participant-journey';
import { type Expectation, type Scenario, type ScenarioFactory, type Step, says } from './scenario';

const DAN_TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';
const CAROL_TEXT = 'Ma référente ne répond plus à mes messages.';
const REPLY = 'Merci de me le dire, parlons-en jeudi.';
const ANSWER = 'Jeudi me convient très bien.';
const NOTE = 'Appeler Erin avant jeudi.';
const REASON = 'Un avis de la coordination serait utile.';
const RESOLUTION = 'Nous avons parlé avec vous deux, les rendez-vous reprennent.';
const SECRETS = [DAN_TEXT, 'SIG-0001', REPLY, ANSWER, NOTE, REASON, RESOLUTION];

export const enrol = (actor: string, form: Readonly<Record<string, string>>): Step => ({
  actor,
  action: { command: 'mentorat.enrol', form },
  expect: [
    { to: actor, via: 'form' },
    { to: actor, via: 'ephemeral' },
  ],
});

export const coordinator = (command: string, options: Readonly<Record<string, string>> = {}, file = false): Step => ({
  actor: 'coord',
  action: { command, options },
  expect: [{ to: 'coord', via: 'ephemeral' }, ...(file ? [{ to: 'coord', via: 'file' as const }] : [])],
});

/** The announcement reaches the two binômes' members and référents, each in their space and by DM. */
const ANNOUNCED: readonly Expectation[] = ['dan', 'erin', 'ref', 'carol', 'fay', 'alice'].flatMap((to) => [
  { to, via: 'space' as const },
  { to, via: 'dm' as const },
]);

/** Someone outside the report looks everywhere they can: no text, no reference, no status. */
function seesNothing(
  actor: string,
  command: string,
  options: Readonly<Record<string, string>> = {},
  key?: Parameters<typeof says>[1],
  locale: Locale = 'fr',
): Step {
  return {
    actor,
    action: { command, options },
    // A reference typed is echoed in the refusal; what it would reveal (text, status, people) is not.
    expect: [
      {
        to: actor,
        via: 'ephemeral',
        ...(key ? { says: [says(locale, key, { reference: 'SIG-0001' })] } : {}),
        saysNot: options.reference ? SECRETS.filter((secret) => secret !== options.reference) : SECRETS,
      },
    ],
  };
}

/**
 * Who sees a report, on every platform: the reporter (dan), the other member of his binôme (erin),
 * its référent (ref), another référent (alice, who follows carol and fay), a coordinator, an
 * enrolled stranger (zoe) and someone never enrolled (bob). Each step names everyone who receives
 * something; anyone else receiving anything fails the step.
 */
const visibilityMatrix: ScenarioFactory = (locale: Locale): Scenario => ({
  name: 'a report reaches exactly who it should, and nobody else sees any trace of it',
  steps: [
    enrol('erin', { ...MENTOR_FORM, name: 'Erin Roux', affiliation: 'Inserm Lille', capacity: '1' }),
    enrol('fay', { ...MENTOR_FORM, name: 'Fay Morel', affiliation: 'Sanofi', fields: 'lipidomique', capacity: '1' }),
    enrol('zoe', { ...MENTOR_FORM, name: 'Zoé Klein', affiliation: 'Universität Wien', languages: 'de', capacity: '1' }),
    enrol('dan', MENTEE_FORM),
    enrol('carol', { ...MENTEE_FORM, name: 'Carol Petit', affiliation: 'CNRS Toulouse', excluded: '' }),
    coordinator('admin.referents', { action: 'add', person: '@alice' }),
    coordinator('admin.pin', { mentee: '@dan', mentor: '@erin' }),
    coordinator('admin.pin', { mentee: '@carol', mentor: '@fay' }),
    coordinator('admin.setReferent', { mentee: '@dan', referent: '@ref' }),
    coordinator('admin.setReferent', { mentee: '@carol', referent: '@alice' }),
    coordinator('admin.propose', {}, true),
    coordinator('admin.confirm'),
    { actor: 'coord', action: { command: 'admin.announce' }, expect: [{ to: 'coord', via: 'ephemeral' }, ...ANNOUNCED] },
    {
      actor: 'dan',
      action: { command: 'mentorat.report', form: { category: 'relation', description: DAN_TEXT, contact: 'oui' } },
      expect: [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'report.filed', { reference: 'SIG-0001' }), 'SIG-0001'] },
        { to: 'ref', via: 'dm', says: [says('fr', 'report.handling.new', { reference: 'SIG-0001' }), DAN_TEXT] },
      ],
    },
    seesNothing('erin', 'mentorat.my-reports', {}, 'report.mine.none', locale),
    seesNothing('erin', 'mentorat.binome'),
    seesNothing('erin', 'mentorat.my-reports', { reference: 'SIG-0001' }, 'report.notFound', locale),
    seesNothing('alice', 'mentorat.follow-up'),
    seesNothing('alice', 'mentorat.follow-up', { reference: 'SIG-0001' }, 'report.notFound', locale),
    seesNothing('zoe', 'mentorat.my-reports', { reference: 'SIG-0001' }, 'report.notFound', locale),
    seesNothing('bob', 'mentorat.my-reports', {}, 'report.mine.none', locale),
    seesNothing('bob', 'mentorat.follow-up', {}, 'access.referentsOnly', locale),
    {
      actor: 'ref',
      action: { press: 'take' },
      expect: [
        { to: 'ref', via: 'ephemeral', says: [says(locale, 'report.take.done', { reference: 'SIG-0001' })] },
        { to: 'dan', via: 'dm', says: [says(locale, 'report.notice.taken', { reference: 'SIG-0001' })], saysNot: [NOTE] },
      ],
    },
    {
      actor: 'ref',
      action: { command: 'mentorat.report-reply', options: { reference: 'SIG-0001' }, form: { message: REPLY } },
      expect: [
        { to: 'ref', via: 'form' },
        { to: 'ref', via: 'ephemeral', says: [says(locale, 'report.reply.sentToReporter', { reference: 'SIG-0001' })] },
        { to: 'dan', via: 'dm', says: [says(locale, 'report.notice.reply', { reference: 'SIG-0001' }), REPLY] },
      ],
    },
    {
      actor: 'dan',
      action: { press: 'reply', form: { message: ANSWER } },
      expect: [
        { to: 'dan', via: 'form' },
        { to: 'dan', via: 'ephemeral', says: [says(locale, 'report.reply.sentToHandler', { reference: 'SIG-0001' })] },
        { to: 'ref', via: 'dm', says: [ANSWER] },
      ],
    },
    {
      actor: 'ref',
      action: { command: 'mentorat.report-note', options: { reference: 'SIG-0001' }, form: { note: NOTE } },
      expect: [
        { to: 'ref', via: 'form' },
        { to: 'ref', via: 'ephemeral', says: [says(locale, 'report.note.done', { reference: 'SIG-0001' })] },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.reports' },
      expect: [
        { to: 'coord', via: 'ephemeral', says: ['SIG-0001'], saysNot: [DAN_TEXT, NOTE] },
        { to: 'coord', via: 'file', says: ['SIG-0001'], saysNot: [DAN_TEXT, NOTE, REPLY] },
      ],
    },
    {
      actor: 'ref',
      action: { command: 'mentorat.report-escalate', options: { reference: 'SIG-0001' }, form: { reason: REASON } },
      expect: [
        { to: 'ref', via: 'form' },
        { to: 'ref', via: 'ephemeral', says: [says(locale, 'report.escalate.done', { reference: 'SIG-0001' })] },
        { to: 'coord', via: 'space', says: [REASON, DAN_TEXT] },
        { to: 'dan', via: 'dm', says: [says(locale, 'report.notice.escalated', { reference: 'SIG-0001' })], saysNot: [REASON, NOTE] },
      ],
    },
    {
      actor: 'coord',
      action: { press: 'resolve', form: { resolution: RESOLUTION } },
      expect: [
        { to: 'coord', via: 'form' },
        { to: 'coord', via: 'ephemeral', says: [says(locale, 'report.resolve.done', { reference: 'SIG-0001' })] },
        { to: 'dan', via: 'dm', says: [RESOLUTION] },
        // Resolving an untaken report takes it first: whoever received it learns who has it.
        { to: 'ref', via: 'dm', says: [says('fr', 'report.handling.taken', { reference: 'SIG-0001' })] },
        { to: 'coord', via: 'space', says: [says('fr', 'report.handling.taken', { reference: 'SIG-0001' })] },
      ],
    },
    { actor: 'coord', action: { restart: true }, expect: [] },
    {
      actor: 'dan',
      action: { command: 'mentorat.my-reports', options: { reference: 'SIG-0001' } },
      expect: [{ to: 'dan', via: 'ephemeral', says: [statusWord(locale), REPLY, ANSWER, RESOLUTION], saysNot: [NOTE, REASON] }],
    },
    seesNothing('erin', 'mentorat.my-reports', {}, 'report.mine.none', locale),
    {
      actor: 'carol',
      action: { command: 'mentorat.report', form: { category: 'referent', description: CAROL_TEXT, contact: 'non' } },
      expect: [
        { to: 'carol', via: 'form' },
        { to: 'carol', via: 'ephemeral', says: [says(locale, 'report.filed.toCoordinators')] },
        // The référent concerned may be a coordinator too, a member of this space: the text stays out of it.
        {
          to: 'coord',
          via: 'space',
          says: [says('fr', 'report.handling.escalated.category', { reference: 'SIG-0002' })],
          saysNot: [CAROL_TEXT],
        },
      ],
    },
    {
      actor: 'coord',
      action: { command: 'admin.report', options: { reference: 'SIG-0002' } },
      expect: [{ to: 'coord', via: 'ephemeral', says: [CAROL_TEXT] }],
    },
    {
      actor: 'alice',
      action: { command: 'mentorat.follow-up', options: { reference: 'SIG-0002' } },
      expect: [
        { to: 'alice', via: 'ephemeral', says: [says(locale, 'report.notFound', { reference: 'SIG-0002' })], saysNot: [CAROL_TEXT] },
      ],
    },
  ],
});

function statusWord(locale: Locale): string {
  return says(locale, 'report.status.resolved');
}

/** The reports issue's journeys; every platform driver replays them. */
export const reportScenarios: readonly ScenarioFactory[] = [visibilityMatrix];

export function reportScenariosFor(locale: Locale): Scenario[] {
  return reportScenarios.map((factory) => factory(locale));
}
