import type { CommunityRef, ParticipantId } from '../../src/core/identity';
import { type Enrolment, enrolmentSchema } from '../../src/core/participants/enrolment';

export const LOCAL: CommunityRef = { platform: 'terminal', id: 'local' };

export function participantIn(community: CommunityRef, userId: string): ParticipantId {
  return { platform: community.platform, communityId: community.id, userId };
}

/** A valid enrolment (checked against the schema, so a schema change shows up here first). */
export function makeEnrolment(overrides: Partial<Enrolment> = {}): Enrolment {
  const at = '2025-01-10T09:00:00.000Z';
  return enrolmentSchema.parse({
    schemaVersion: 3,
    participant: participantIn(LOCAL, 'alice'),
    status: 'active',
    revision: 1,
    locale: 'fr',
    profile: {
      role: 'mentee',
      name: 'Alice Martin',
      affiliation: 'Université de Lyon',
      fields: ['biology'],
      languages: ['fr'],
      format: 'remote',
      region: 'auvergne-rhone-alpes',
      wishedSector: 'private',
      phdStatus: 'in-progress',
      expectations: ['career'],
      excluded: [],
    },
    consents: { pillars: at, dataNotice: at, dataNoticeText: 'Le bot conserve vos réponses au formulaire d’inscription.' },
    pairAgain: false,
    enrolledAt: at,
    updatedAt: at,
    ...overrides,
  });
}
