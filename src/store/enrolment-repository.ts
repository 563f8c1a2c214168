import { z } from 'zod';
import { CorruptRecordError } from '../core/errors';
import type { CommunityRef, ParticipantId } from '../core/identity';
import { type Enrolment, enrolmentSchema } from '../core/participants/enrolment';
import type { EnrolmentRepository, PersonalDataHolder } from '../core/ports';
import { keyOf } from './key-segments';
import type { KeyValueStore } from './key-value-store';

const KIND = 'enrolment';

/** One key per participant, so enrolling stays one small write however many have enrolled. */
const keyFor = (participant: ParticipantId): string => keyOf(KIND, participant.platform, participant.communityId, participant.userId);
const communityPrefix = (community: CommunityRef): string => `${keyOf(KIND, community.platform, community.id)}.`;

export function createEnrolmentRepository(store: KeyValueStore): EnrolmentRepository & PersonalDataHolder {
  const find = async (participant: ParticipantId): Promise<Enrolment | undefined> => {
    const key = keyFor(participant);
    const value = await store.get(key);
    return value === undefined ? undefined : readEnrolment(key, value);
  };
  const remove = (participant: ParticipantId): Promise<boolean> => store.delete(keyFor(participant));

  return {
    section: 'enrolment',
    find,
    remove,

    async save(enrolment) {
      const key = keyFor(enrolment.participant);
      // Never write what could not be read back.
      const checked = enrolmentSchema.safeParse(enrolment);
      if (!checked.success) {
        throw new Error(`refusing to store an invalid enrolment under ${key}: ${z.prettifyError(checked.error)}`);
      }
      await store.set(key, checked.data);
    },

    async listByCommunity(community) {
      const enrolments: Enrolment[] = [];
      for await (const [key, value] of store.scan(communityPrefix(community))) {
        enrolments.push(readEnrolment(key, value));
      }
      return enrolments.sort(byEnrolmentThenUser);
    },

    async exportFor(participant) {
      return (await find(participant)) ?? null;
    },

    eraseFor: remove,
  };
}

function readEnrolment(key: string, value: unknown): Enrolment {
  const parsed = enrolmentSchema.safeParse(value);
  if (!parsed.success) {
    throw new CorruptRecordError(key, z.prettifyError(parsed.error));
  }
  // A record copied under someone else's key would be shown to, and erased for, the wrong person.
  if (keyFor(parsed.data.participant) !== key) {
    throw new CorruptRecordError(key, 'it names another participant');
  }
  return parsed.data;
}

/** Dates are compared as instants: `…00Z` and `…00.000Z` are the same moment but not the same text. */
function byEnrolmentThenUser(a: Enrolment, b: Enrolment): number {
  const userA = a.participant.userId;
  const userB = b.participant.userId;
  return Date.parse(a.enrolledAt) - Date.parse(b.enrolledAt) || (userA < userB ? -1 : userA > userB ? 1 : 0);
}
