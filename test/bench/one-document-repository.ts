import { z } from 'zod';
import type { CommunityRef } from '../../src/core/identity';
import { type Enrolment, enrolmentSchema } from '../../src/core/participants/enrolment';
import type { EnrolmentRepository } from '../../src/core/ports';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';

/** The whole community as one value: user id → enrolment record. */
export type CommunityDocument = Record<string, unknown>;

export function oneDocumentKey(community: CommunityRef): string {
  return keyOf('bench-one-document', community.platform, community.id);
}

function isDocument(value: unknown): value is CommunityDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The peer the issue warns against: every enrolment of a community kept in ONE record, read,
 * updated and written back whole on each enrolment. It does the least such a layout can do
 * (it validates only the record it returns or saves, never the whole document), so the figures
 * it gives are a lower bound of its cost.
 */
export function createOneDocumentRepository(store: KeyValueStore, community: CommunityRef): EnrolmentRepository {
  const key = oneDocumentKey(community);
  const read = async (): Promise<CommunityDocument> => {
    const value = await store.get(key);
    if (value === undefined) {
      return {};
    }
    if (!isDocument(value)) {
      throw new Error(`${key} does not hold a community document`);
    }
    return value;
  };

  return {
    async find(participant) {
      const value = (await read())[participant.userId];
      return value === undefined ? undefined : enrolmentSchema.parse(value);
    },

    async save(enrolment) {
      const checked = enrolmentSchema.safeParse(enrolment);
      if (!checked.success) {
        throw new Error(`refusing to store an invalid enrolment: ${z.prettifyError(checked.error)}`);
      }
      const document = await read();
      document[enrolment.participant.userId] = checked.data;
      await store.set(key, document);
    },

    async remove(participant) {
      const document = await read();
      if (!(participant.userId in document)) {
        return false;
      }
      delete document[participant.userId];
      await store.set(key, document);
      return true;
    },

    async listByCommunity() {
      return Object.values(await read()).map((value): Enrolment => enrolmentSchema.parse(value));
    },
  };
}
