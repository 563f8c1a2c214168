import { binomeSubject, type StepAttempt } from '../../src/core/binomes/announcement-log';
import { type Binome, binomeSchema } from '../../src/core/binomes/binome';
import type { Locale } from '../../src/core/i18n/locale';
import type { CommunityRef } from '../../src/core/identity';
import type { Enrolment, MenteeProfile, MentorProfile } from '../../src/core/participants/enrolment';
import type { Reply } from '../../src/core/reply';
import { makeEnrolment, participantIn } from '../store/enrolment-fixture';
import { TERMINAL, type UseCaseWorld } from './use-case-world';

/** The terminal community's coordinator and référent, as config/communities/terminal-local.yaml names them. */
export const COORDINATOR = { userId: 'coord', roles: ['coordinator'] as const };
export const CONFIG_REFERENT = 'ref';

export interface Seed<Profile> {
  readonly locale?: Locale;
  readonly status?: Enrolment['status'];
  readonly community?: CommunityRef;
  readonly profile?: Partial<Profile>;
  /** Answered "pair me again with my previous partner". */
  readonly pairAgain?: boolean;
}

/** A mentor who suits every mentoré seeded here unless told otherwise: French, proteomics, one place. */
export async function enrolMentor(world: UseCaseWorld, userId: string, name: string, seed: Seed<MentorProfile> = {}): Promise<Enrolment> {
  const enrolment = makeEnrolment({
    participant: participantIn(seed.community ?? TERMINAL, userId),
    locale: seed.locale ?? 'fr',
    status: seed.status ?? 'active',
    pairAgain: seed.pairAgain ?? false,
    profile: {
      role: 'mentor',
      name,
      affiliation: `Labo de ${name}`,
      fields: ['proteomique'],
      languages: ['fr'],
      format: 'remote',
      region: 'ile-de-france',
      sector: 'both',
      offers: ['reseau'],
      capacity: 1,
      ...seed.profile,
    },
  });
  await world.enrolments.save(enrolment);
  return enrolment;
}

export async function enrolMentee(world: UseCaseWorld, userId: string, name: string, seed: Seed<MenteeProfile> = {}): Promise<Enrolment> {
  const enrolment = makeEnrolment({
    participant: participantIn(seed.community ?? TERMINAL, userId),
    locale: seed.locale ?? 'fr',
    status: seed.status ?? 'active',
    pairAgain: seed.pairAgain ?? false,
    profile: {
      role: 'mentee',
      name,
      affiliation: `Labo de ${name}`,
      fields: ['proteomique'],
      languages: ['fr'],
      format: 'remote',
      region: 'ile-de-france',
      wishedSector: 'any',
      phdStatus: 'in-progress',
      expectations: ['reseau'],
      excluded: [],
      ...seed.profile,
    },
  });
  await world.enrolments.save(enrolment);
  return enrolment;
}

/** Everything a reply says, messages joined by a line break. */
export function text(reply: Reply): string {
  return reply.kind === 'messages' || reply.kind === 'form-rejected' ? reply.messages.map((message) => message.text).join('\n') : '';
}

/** What people received privately, by user id, in the order sent. */
export function dmsTo(world: UseCaseWorld, userId: string): string[] {
  return world.chat.events.flatMap((event) => (event.type === 'dm' && event.userId === userId ? [event.message.text] : []));
}

export function dmRecipients(world: UseCaseWorld): string[] {
  return world.chat.events.flatMap((event) => (event.type === 'dm' ? [event.userId] : []));
}

/** A confirmed binôme as `valider` stores it, for tests that start after confirmation. */
export function makeBinome(overrides: Partial<Binome> & Pick<Binome, 'id' | 'mentee' | 'mentor'>): Binome {
  return binomeSchema.parse({
    schemaVersion: 2,
    cycle: 1,
    community: TERMINAL,
    status: 'confirmed',
    origin: 'proposal',
    score: 12,
    terms: [{ kind: 'compatible-format', points: 2 }],
    languages: ['fr'],
    createdAt: '2026-03-01T10:00:00.000Z',
    createdBy: COORDINATOR.userId,
    ...overrides,
  });
}

/** What the announcement job records once a binôme's private space exists. */
export async function markAnnounced(
  world: UseCaseWorld,
  binomeId: string,
  space = { id: `space-${binomeId}`, name: `binome-${binomeId}` },
) {
  const attempt: StepAttempt = {
    schemaVersion: 1,
    community: TERMINAL,
    subject: binomeSubject(binomeId),
    step: 'space',
    attempt: 1,
    state: 'started',
    instance: 'earlier-run',
    startedAt: world.clock.now().toISOString(),
  };
  await world.ports.announcements.claim(attempt);
  await world.ports.announcements.finish({ ...attempt, state: 'done', finishedAt: world.clock.now().toISOString(), space });
  return space;
}
