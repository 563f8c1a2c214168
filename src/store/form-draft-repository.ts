import { z } from 'zod';
import { CorruptRecordError } from '../core/errors';
import type { ParticipantId } from '../core/identity';
import type { Clock, PersonalDataHolder } from '../core/ports';
import { keyOf } from './key-segments';
import type { KeyValueStore } from './key-value-store';

const KIND = 'form-draft';

/** A draft older than this is forgotten: what someone half-typed is not kept for long. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

const rawValueSchema = z.union([z.string(), z.array(z.string()).readonly(), z.boolean()]);

export const formDraftSchema = z.object({
  participant: z.object({ platform: z.enum(['terminal', 'discord', 'slack']), communityId: z.string(), userId: z.string() }),
  formId: z.string().min(1),
  /** What the person entered so far, as the platform collected it (text, selected ids, a consent). */
  values: z.record(z.string(), rawValueSchema),
  /** Fields the person has moved past: the next step is the first one holding another field. */
  confirmed: z.array(z.string()),
  updatedAt: z.iso.datetime({ offset: true }),
});

export type FormDraft = z.infer<typeof formDraftSchema>;

/**
 * Answers typed in a form that a platform shows in several steps (Discord), kept between
 * steps and across restarts. A draft is never an enrolment: abandoning one stores nothing
 * else, and "my data" exports and erases drafts like any other personal data.
 */
export interface FormDraftRepository extends PersonalDataHolder {
  find(participant: ParticipantId, formId: string): Promise<FormDraft | undefined>;
  save(draft: Omit<FormDraft, 'updatedAt'>): Promise<FormDraft>;
  remove(participant: ParticipantId, formId: string): Promise<boolean>;
  /** Deletes every draft untouched for longer than its lifetime; returns how many. */
  purgeExpired(): Promise<number>;
}

const participantPrefix = (participant: ParticipantId) =>
  `${keyOf(KIND, participant.platform, participant.communityId, participant.userId)}.`;
const keyFor = (participant: ParticipantId, formId: string) =>
  keyOf(KIND, participant.platform, participant.communityId, participant.userId, formId);

export function createFormDraftRepository(store: KeyValueStore, clock: Clock): FormDraftRepository {
  const read = (key: string, value: unknown): FormDraft => {
    const parsed = formDraftSchema.safeParse(value);
    if (!parsed.success) throw new CorruptRecordError(key, z.prettifyError(parsed.error));
    if (keyFor(parsed.data.participant, parsed.data.formId) !== key) throw new CorruptRecordError(key, 'it names another participant');
    return parsed.data;
  };
  const expired = (draft: FormDraft) => clock.now().getTime() - Date.parse(draft.updatedAt) > DRAFT_LIFETIME_MS;

  /** A person's drafts still alive; expired ones are deleted on the way, never exported. */
  async function listOf(participant: ParticipantId): Promise<FormDraft[]> {
    const drafts: FormDraft[] = [];
    for await (const [key, value] of store.scan(participantPrefix(participant))) {
      const draft = read(key, value);
      if (expired(draft)) await store.delete(key);
      else drafts.push(draft);
    }
    return drafts.sort((a, b) => (a.formId < b.formId ? -1 : 1));
  }

  return {
    section: 'formDrafts',
    async find(participant, formId) {
      const key = keyFor(participant, formId);
      const value = await store.get(key);
      if (value === undefined) return undefined;
      const draft = read(key, value);
      if (!expired(draft)) return draft;
      await store.delete(key);
      return undefined;
    },
    async save(draft) {
      const saved: FormDraft = { ...draft, updatedAt: clock.now().toISOString() };
      await store.set(keyFor(draft.participant, draft.formId), formDraftSchema.parse(saved));
      return saved;
    },
    remove: (participant, formId) => store.delete(keyFor(participant, formId)),
    async purgeExpired() {
      const stale: string[] = [];
      for await (const [key, value] of store.scan(`${keyOf(KIND)}.`)) {
        const parsed = formDraftSchema.safeParse(value);
        // A record that is not a draft is left for a person to look at, not deleted blindly.
        if (parsed.success && expired(parsed.data)) stale.push(key);
      }
      for (const key of stale) await store.delete(key);
      return stale.length;
    },
    exportFor: listOf,
    async eraseFor(participant) {
      let erased = false;
      for (const draft of await listOf(participant)) {
        if (await store.delete(keyFor(participant, draft.formId))) erased = true;
      }
      return erased;
    },
  };
}
