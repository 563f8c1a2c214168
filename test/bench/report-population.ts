import type { AppPorts } from '../../src/app/app-ports';
import type { Binome } from '../../src/core/binomes/binome';
import { validateForm } from '../../src/core/forms/form-schema';
import { parseRawValues } from '../../src/core/forms/raw-input';
import { type CommunityRef, participantIdOf } from '../../src/core/identity';
import type { Enrolment, Profile } from '../../src/core/participants/enrolment';
import { buildEnrolmentForm } from '../../src/core/participants/enrolment-form';
import { profileFromForm } from '../../src/core/participants/profile-values';
import type { Programme } from '../../src/core/programme/programme-schema';
import { type NewEvent, type Report, referenceOf, withEvent } from '../../src/core/reports/report';
import { scheduleDeadline } from '../../src/core/reports/report-deadlines';
import { rawEnrolment, seededRandom, userIdOf } from './participants';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Distinct profiles (an even number, so that index parity keeps the role). */
const PROFILES = 200;

/** Who is who: participants 0 … pairs×2-1 are in binômes (mentor 2k, mentoré·e 2k+1), the rest enrolled only. */
export interface Population {
  readonly participants: number;
  readonly pairs: number;
  readonly referents: number;
}

export const referentIdOf = (index: number): string => `ref-${String(index).padStart(3, '0')}`;
export const binomeIdOf = (pair: number): string => `b-${String(pair).padStart(5, '0')}`;
/** The référent of pair k: pairs are dealt round-robin, so each référent follows pairs/referents binômes. */
export const referentOfPair = (population: Population, pair: number): string => referentIdOf(pair % population.referents);
/** The pair participant `index` belongs to (only for index < pairs × 2). */
export const pairOf = (index: number): number => Math.floor(index / 2);

/** Enrolments, référents and active binômes written straight through the repositories, as the use cases would leave them. */
export async function populate(ports: AppPorts, programme: Programme, community: CommunityRef, population: Population, now: Date) {
  const form = buildEnrolmentForm(programme);
  const at = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  // Validating the answers is the enrolment bench's business: a few hundred distinct profiles, dealt
  // round-robin (keeping the role: even indices mentors), give every record a realistic size.
  const profiles: Profile[] = [];
  for (let index = 0; index < Math.min(PROFILES, population.participants); index += 1) {
    const validation = validateForm(form, parseRawValues(form, rawEnrolment(programme, index)));
    if (!validation.ok) throw new Error(`participant ${index}: invalid bench answers ${JSON.stringify(validation.errors)}`);
    profiles.push(profileFromForm(validation.values));
  }
  for (let index = 0; index < population.participants; index += 1) {
    const profile = profiles[index % profiles.length];
    if (!profile) throw new RangeError('no profiles');
    const enrolment: Enrolment = {
      schemaVersion: 3,
      participant: participantIdOf(community, userIdOf(index)),
      status: 'active',
      revision: 1,
      locale: index % 5 === 0 ? 'en' : 'fr',
      profile,
      consents: { pillars: at, dataNotice: at, dataNoticeText: 'Le bot conserve vos réponses au formulaire d’inscription.' },
      pairAgain: false,
      enrolledAt: at,
      updatedAt: at,
    };
    await ports.enrolments.save(enrolment);
  }
  for (let index = 0; index < population.referents; index += 1) {
    await ports.referents.add({ schemaVersion: 1, community, userId: referentIdOf(index), addedAt: at, addedBy: 'coord' });
  }
  for (let pair = 0; pair < population.pairs; pair += 1) {
    const binome: Binome = {
      schemaVersion: 2,
      id: binomeIdOf(pair),
      community,
      cycle: 1,
      mentor: userIdOf(pair * 2),
      mentee: userIdOf(pair * 2 + 1),
      referent: referentOfPair(population, pair),
      status: 'confirmed',
      origin: 'proposal',
      score: 42,
      terms: [{ kind: 'compatible-format', points: 2 }],
      languages: ['fr'],
      createdAt: at,
      createdBy: 'coord',
    };
    if (!(await ports.binomes.add(binome))) throw new Error(`binôme ${binome.id} already stored`);
  }
}

const DESCRIPTION =
  'Depuis notre dernier échange, les rendez-vous sont sans cesse reportés et je ne sais plus comment aborder le sujet ' +
  'sans abîmer la relation. J’aimerais un avis extérieur sur la façon de reprendre un rythme qui nous convienne à tous les deux.';

/**
 * A report as the bot would have left it some time after filing, by a member of a pair to its
 * référent: one in ten still untaken (filed in the last two days, its deadline job pending, as
 * `scheduleDeadline` plans it), two in ten in progress (taken, a reply and an answer), the rest
 * resolved. The number is claimed through the repository, so the sequence goes on from there.
 */
export async function storeReport(
  ports: AppPorts,
  programme: Programme,
  community: CommunityRef,
  population: Population,
  reporterIndex: number,
  serial: number,
  now: Date,
): Promise<Report> {
  const random = seededRandom(0x5161 + serial * 7919);
  const kind = serial % 10;
  const ageMs = kind === 0 ? 2 * HOUR_MS + random() * 46 * HOUR_MS : 3 * DAY_MS + random() * 200 * DAY_MS;
  const filedAt = new Date(now.getTime() - ageMs);
  const later = (hours: number) => new Date(filedAt.getTime() + hours * HOUR_MS);
  const pair = pairOf(reporterIndex);
  const referent = referentOfPair(population, pair);
  const reporter = userIdOf(reporterIndex);
  const number = await ports.reports.claimNumber(community, filedAt);
  const at = filedAt.toISOString();
  let report: Report = {
    schemaVersion: 1,
    community,
    reference: referenceOf(number),
    number,
    category: ['relation', 'availability', 'interference', 'confidentiality', 'other'][serial % 5] ?? 'relation',
    binomeId: binomeIdOf(pair),
    reporter,
    reporterLocale: reporterIndex % 5 === 0 ? 'en' : 'fr',
    description: DESCRIPTION,
    contact: random() < 0.6,
    status: 'received',
    route: 'referent',
    recipients: [referent],
    conversation: [],
    notes: [],
    history: [],
    createdAt: at,
    updatedAt: at,
  };
  const event = (change: NewEvent, when: Date) => {
    report = withEvent(report, change, when);
  };
  event({ kind: 'filed', actor: reporter, to: referent }, filedAt);
  event({ kind: 'received', actor: referent }, later(0.01));
  event({ kind: 'shown', actor: referent, detail: 'dm' }, later(0.01));
  if (kind !== 0) {
    event({ kind: 'taken', actor: referent, detail: 'first' }, later(5));
    report = {
      ...report,
      status: 'in-progress',
      handler: referent,
      conversation: [
        { at: later(6).toISOString(), from: 'handler', author: referent, text: 'Merci de m’avoir écrit. Pouvons-nous en parler jeudi ?' },
        { at: later(9).toISOString(), from: 'reporter', author: reporter, text: 'Oui, jeudi me convient très bien.' },
      ],
      notes: [{ at: later(6).toISOString(), author: referent, text: 'Appeler le mentor après notre échange.' }],
    };
    event({ kind: 'replied', actor: referent }, later(6));
    event({ kind: 'noted', actor: referent }, later(6));
    event({ kind: 'reporter-replied', actor: reporter }, later(9));
  }
  if (kind >= 3) {
    report = {
      ...report,
      status: 'resolved',
      resolution: 'Échange fait, un rythme mensuel est convenu.',
      resolvedAt: later(48).toISOString(),
    };
    event({ kind: 'resolved', actor: referent }, later(48));
  }
  await ports.reports.create(report);
  if (kind === 0) await scheduleDeadline(ports, programme, report);
  return report;
}
