import type { CommunityRef } from '../../src/core/identity';
import type { ChatPlatform, DeliveryResult, OpenSpaceResult, PrivateSpaceRequest, Responder } from '../../src/core/ports';
import type { OutgoingMessage } from '../../src/core/reply';

export type ChatEvent =
  | { readonly type: 'dm'; readonly community: CommunityRef; readonly userId: string; readonly message: OutgoingMessage }
  | { readonly type: 'open-space'; readonly community: CommunityRef; readonly request: PrivateSpaceRequest }
  | { readonly type: 'post'; readonly community: CommunityRef; readonly spaceId: string; readonly message: OutgoingMessage };

/** A chat platform that delivers everything and remembers what it was asked to do, in order. */
export function createRecordingChat(): ChatPlatform & { readonly events: ChatEvent[] } {
  const events: ChatEvent[] = [];
  const spaces = new Map<string, { id: string; name: string }>();
  const delivered: DeliveryResult = { ok: true };
  return {
    platform: 'terminal',
    events,
    async sendDirectMessage(community, userId, message) {
      events.push({ type: 'dm', community, userId, message });
      return delivered;
    },
    async openPrivateSpace(community, request): Promise<OpenSpaceResult> {
      events.push({ type: 'open-space', community, request });
      const existing = spaces.get(request.key);
      if (existing) return { ok: true, space: existing, created: false };
      const space = { id: `space-${spaces.size + 1}`, name: request.name };
      spaces.set(request.key, space);
      return { ok: true, space, created: true };
    },
    async postInSpace(community, spaceId, message) {
      events.push({ type: 'post', community, spaceId, message });
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
