import type { CommunityRef } from '../../src/core/identity';
import type { ChatPlatform, DeliveryOptions, DeliveryResult, OpenSpaceResult, PrivateSpaceRequest, Responder } from '../../src/core/ports';
import type { OutgoingMessage } from '../../src/core/reply';

/** `options` is there when the caller gave some (a keyed message). */
export type ChatEvent =
  | {
      readonly type: 'dm';
      readonly community: CommunityRef;
      readonly userId: string;
      readonly message: OutgoingMessage;
      readonly options?: DeliveryOptions;
    }
  | { readonly type: 'open-space'; readonly community: CommunityRef; readonly request: PrivateSpaceRequest }
  | {
      readonly type: 'post';
      readonly community: CommunityRef;
      readonly spaceId: string;
      readonly message: OutgoingMessage;
      readonly options?: DeliveryOptions;
    }
  | { readonly type: 'remove'; readonly community: CommunityRef; readonly spaceId: string; readonly userId: string }
  | { readonly type: 'archive'; readonly community: CommunityRef; readonly spaceId: string };

/**
 * A chat platform that delivers everything and remembers what it was asked to do, in order. Like the
 * real ones, it delivers a keyed message that may have been sent only if that key was never delivered.
 */
export function createRecordingChat(): ChatPlatform & { readonly events: ChatEvent[] } {
  const events: ChatEvent[] = [];
  const spaces = new Map<string, { id: string; name: string }>();
  const delivered: DeliveryResult = { ok: true };
  const deliveredKeys = new Set<string>();
  /** Records the delivery unless it is a repeat the platform would recognise; the options only when given. */
  function deliver(event: Extract<ChatEvent, { type: 'dm' | 'post' }>, options: DeliveryOptions | undefined): DeliveryResult {
    if (options?.mayHaveBeenSent && deliveredKeys.has(options.key)) return delivered;
    events.push(options ? { ...event, options } : event);
    if (options) deliveredKeys.add(options.key);
    return delivered;
  }
  return {
    platform: 'terminal',
    events,
    async sendDirectMessage(community, userId, message, options) {
      return deliver({ type: 'dm', community, userId, message }, options);
    },
    async openPrivateSpace(community, request): Promise<OpenSpaceResult> {
      events.push({ type: 'open-space', community, request });
      const existing = spaces.get(request.key);
      if (existing) return { ok: true, space: existing, created: false };
      const space = { id: `space-${spaces.size + 1}`, name: request.name };
      spaces.set(request.key, space);
      return { ok: true, space, created: true };
    },
    async postInSpace(community, spaceId, message, options) {
      return deliver({ type: 'post', community, spaceId, message }, options);
    },
    async removeFromSpace(community, spaceId, userId) {
      events.push({ type: 'remove', community, spaceId, userId });
      return delivered;
    },
    async archiveSpace(community, spaceId) {
      events.push({ type: 'archive', community, spaceId });
      return delivered;
    },
  };
}

/** A responder that keeps every follow-up it was given. */
export function createRecordingResponder(): Responder & { readonly followUps: OutgoingMessage[] } {
  const followUps: OutgoingMessage[] = [];
  return {
    followUps,
    async followUp(message) {
      followUps.push(message);
    },
  };
}
