import type { Locale } from '../../../src/core/i18n/locale';
import type { CommunityRef } from '../../../src/core/identity';
import type { ChatPlatform, DeliveryOptions, DeliveryResult, OpenSpaceResult } from '../../../src/core/ports';
import type { Button, OutgoingMessage } from '../../../src/core/reply';
import { makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

/** What reached people: one entry per message that arrived (a hung or refused call delivers nothing, or everything). */
export interface Arrived {
  readonly kind: 'dm' | 'post' | 'space';
  readonly to: string;
  readonly text: string;
  readonly key?: string;
  /** The buttons under a post or DM, as the core gave them. */
  readonly buttons?: readonly Button[];
}

type Refusal = Extract<DeliveryResult, { ok: false }> | Extract<OpenSpaceResult, { ok: false }>;

/**
 * A chat platform for the announcement tests: it delivers, remembers keyed deliveries (so a
 * `mayHaveBeenSent` retry finds what arrived, as the real adapters do), and can be told to refuse
 * someone, to refuse spaces, to throw, or to deliver and then never answer (a process that died
 * between sending and recording).
 */
export function createScriptedChat() {
  const arrived: Arrived[] = [];
  const spaces = new Map<string, { id: string; name: string; members: readonly string[] }>();
  const deliveredKeys = new Set<string>();
  const refuseDmsTo = new Map<string, Refusal>();
  let refuseSpaces: Refusal | undefined;
  /** Refuses posts in spaces, and removing people from spaces and archiving them (a permission taken away). */
  let refusePosts: Extract<DeliveryResult, { ok: false }> | undefined;
  let refuseEnding: Extract<DeliveryResult, { ok: false }> | undefined;
  const removed: { spaceId: string; userId: string }[] = [];
  const archived: string[] = [];
  let throwOnDmTo: string | undefined;
  /** After this many more deliveries, the next one arrives but its call never returns. */
  let hangAfter: number | undefined;
  const calls: { kind: string; options?: DeliveryOptions }[] = [];

  function deliver(entry: Arrived, options: DeliveryOptions | undefined): Promise<DeliveryResult> {
    calls.push({ kind: entry.kind, ...(options ? { options } : {}) });
    if (options?.mayHaveBeenSent && deliveredKeys.has(options.key)) return Promise.resolve({ ok: true });
    arrived.push(entry);
    if (options) deliveredKeys.add(options.key);
    if (hangAfter !== undefined) {
      if (hangAfter === 0) return new Promise<never>(() => undefined);
      hangAfter -= 1;
    }
    return Promise.resolve({ ok: true });
  }

  const chat: ChatPlatform = {
    platform: 'terminal',
    async sendDirectMessage(_community: CommunityRef, userId: string, message: OutgoingMessage, options?: DeliveryOptions) {
      if (throwOnDmTo === userId) throw new Error('socket hang up');
      const refusal = refuseDmsTo.get(userId);
      if (refusal && refusal.reason !== 'missing-category' && refusal.reason !== 'limit-reached') return refusal as DeliveryResult;
      return deliver({ kind: 'dm', to: userId, text: message.text, ...(options ? { key: options.key } : {}) }, options);
    },
    async openPrivateSpace(_community, request): Promise<OpenSpaceResult> {
      if (refuseSpaces) return refuseSpaces as OpenSpaceResult;
      const existing = spaces.get(request.key);
      if (existing) return { ok: true, space: { id: existing.id, name: existing.name }, created: false };
      const space = { id: `space-${spaces.size + 1}`, name: request.name, members: request.memberIds };
      spaces.set(request.key, space);
      arrived.push({ kind: 'space', to: space.id, text: request.memberIds.join(',') });
      return { ok: true, space: { id: space.id, name: space.name }, created: true };
    },
    async postInSpace(_community, spaceId, message, options) {
      if (refusePosts) return refusePosts;
      return deliver(
        {
          kind: 'post',
          to: spaceId,
          text: message.text,
          ...(options ? { key: options.key } : {}),
          ...(message.buttons ? { buttons: message.buttons } : {}),
        },
        options,
      );
    },
    async removeFromSpace(_community, spaceId, userId) {
      if (refuseEnding) return refuseEnding;
      removed.push({ spaceId, userId });
      return { ok: true };
    },
    async archiveSpace(_community, spaceId) {
      if (refuseEnding) return refuseEnding;
      archived.push(spaceId);
      return { ok: true };
    },
  };

  return {
    chat,
    arrived,
    calls,
    spaces,
    refuseDms(userId: string, reason: 'dms-closed' | 'unreachable' = 'dms-closed') {
      refuseDmsTo.set(userId, { ok: false, reason });
    },
    allowDms(userId: string) {
      refuseDmsTo.delete(userId);
    },
    refuseSpaces(refusal: Refusal | undefined) {
      refuseSpaces = refusal;
    },
    /** Every removal from a space, in order, and every space archived (once per call). */
    removed,
    archived,
    refusePosts(refusal: Extract<DeliveryResult, { ok: false }> | undefined) {
      refusePosts = refusal;
    },
    refuseEnding(refusal: Extract<DeliveryResult, { ok: false }> | undefined) {
      refuseEnding = refusal;
    },
    throwOnDmTo(userId: string | undefined) {
      throwOnDmTo = userId;
    },
    hangAfter(count: number | undefined) {
      hangAfter = count;
    },
    dmsTo: (userId: string) => arrived.filter((entry) => entry.kind === 'dm' && entry.to === userId),
    postsIn: (spaceId: string) => arrived.filter((entry) => entry.kind === 'post' && entry.to === spaceId),
  };
}

export type ScriptedChat = ReturnType<typeof createScriptedChat>;

const mentorProfile = (name: string, affiliation: string, capacity: number) => ({
  role: 'mentor' as const,
  name,
  affiliation,
  fields: ['proteomique'],
  languages: ['fr', 'en'],
  format: 'remote' as const,
  region: 'ile-de-france',
  sector: 'both' as const,
  offers: ['reseau'],
  capacity,
});

const menteeProfile = (name: string, affiliation: string, languages: string[]) => ({
  role: 'mentee' as const,
  name,
  affiliation,
  fields: ['proteomique'],
  languages,
  format: 'remote' as const,
  region: 'ile-de-france',
  wishedSector: 'any' as const,
  phdStatus: 'in-progress' as const,
  expectations: ['reseau'],
  excluded: [],
});

export interface PersonSeed {
  readonly id: string;
  readonly name: string;
  readonly locale?: Locale;
}

/** Enrols mentors (capacity each) and mentorés straight into the store, each in their own lab. */
export async function seedPeople(
  world: UseCaseWorld,
  people: { mentors: readonly PersonSeed[]; mentees: readonly PersonSeed[]; capacity?: number; menteeLanguages?: Record<string, string[]> },
): Promise<void> {
  for (const [index, mentor] of people.mentors.entries()) {
    await world.enrolments.save(
      makeEnrolment({
        participant: participantIn(TERMINAL, mentor.id),
        locale: mentor.locale ?? 'fr',
        profile: mentorProfile(mentor.name, `Labo M${index}`, people.capacity ?? 1),
      }),
    );
  }
  for (const [index, mentee] of people.mentees.entries()) {
    await world.enrolments.save(
      makeEnrolment({
        participant: participantIn(TERMINAL, mentee.id),
        locale: mentee.locale ?? 'fr',
        profile: menteeProfile(mentee.name, `Labo E${index}`, people.menteeLanguages?.[mentee.id] ?? ['fr']),
      }),
    );
  }
}

/** A world whose chat is scripted; `restart` gives a new run of the bot (new instance) on the same store and chat. */
export async function createAnnounceWorld(options: { now?: string; chat?: ScriptedChat; store?: UseCaseWorld['store'] } = {}) {
  const scripted = options.chat ?? createScriptedChat();
  const world = await createUseCaseWorld({
    now: options.now ?? '2026-12-01T09:00:00.000Z',
    chat: Object.assign(scripted.chat, { events: [] }),
    ...(options.store ? { store: options.store } : {}),
  });
  return { world, scripted };
}

export const COORDINATOR = { userId: 'coord', roles: ['coordinator'] as const };
