import type { CommunityRef, ParticipantId } from '../core/identity';
import { type Enrolment, enrolmentSchema } from '../core/participants/enrolment';
import { enrolmentV1Schema, enrolmentV2Schema, upgradeEnrolmentV1, upgradeEnrolmentV2 } from '../core/participants/enrolment-versions';
import type { EnrolmentRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection, olderShape } from './record-collection';

/** One key per participant, so enrolling stays one small write however many have enrolled. */
export function createEnrolmentRepository(store: KeyValueStore): EnrolmentRepository & PersonalDataHolder {
  const records = createRecordCollection(
    store,
    'enrolment',
    enrolmentSchema,
    (enrolment) => [enrolment.participant.platform, enrolment.participant.communityId, enrolment.participant.userId],
    // Enrolments saved by earlier releases are read upgraded, and saved in the current shape on their next change.
    [olderShape(1, enrolmentV1Schema, upgradeEnrolmentV1), olderShape(2, enrolmentV2Schema, upgradeEnrolmentV2)],
  );
  const find = (participant: ParticipantId): Promise<Enrolment | undefined> =>
    records.find(participant.platform, participant.communityId, participant.userId);
  const remove = (participant: ParticipantId): Promise<boolean> =>
    records.remove(participant.platform, participant.communityId, participant.userId);

  return {
    section: 'enrolment',
    find,
    remove,
    // Never writes what could not be read back: the collection checks the record first.
    save: (enrolment) => records.set(enrolment),
    listByCommunity: async (community: CommunityRef) => (await records.list(community.platform, community.id)).sort(byEnrolmentThenUser),
    exportFor: async (participant) => (await find(participant)) ?? null,
    eraseFor: remove,
  };
}

/** Dates are compared as instants: `…00Z` and `…00.000Z` are the same moment but not the same text. */
function byEnrolmentThenUser(a: Enrolment, b: Enrolment): number {
  const userA = a.participant.userId;
  const userB = b.participant.userId;
  return Date.parse(a.enrolledAt) - Date.parse(b.enrolledAt) || (userA < userB ? -1 : userA > userB ? 1 : 0);
}
