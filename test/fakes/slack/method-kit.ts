/* What every fake Web API method shares: its context, parameter reading, answers, paging. */
import type { JsonObject } from './json-values';
import type { Workspace } from './slack-objects';
import type { ConversationRecord, SlackState } from './slack-state';

export type Params = Record<string, unknown>;

export interface MethodContext extends Workspace {
  state: SlackState;
  /** 'http://127.0.0.1:PORT' */
  baseUrl: string;
  openSocketUrl(): string;
}

export type MethodHandler = (params: Params, context: MethodContext) => JsonObject;

export function ok(fields: JsonObject = {}): JsonObject {
  return { ok: true, ...fields };
}

export function fail(error: string, fields: JsonObject = {}): JsonObject {
  return { ok: false, error, ...fields };
}

export function param(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Cursor paging as Slack does it: `limit`, `cursor`, and response_metadata.next_cursor ('' on the last page). */
export function page<T>(items: T[], params: Params): { items: T[]; responseMetadata: { next_cursor: string } } {
  const limit = Number(param(params, 'limit')) || 100;
  const cursor = param(params, 'cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0 : 0;
  const next = offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { items: items.slice(offset, offset + limit), responseMetadata: { next_cursor: next } };
}

/**
 * The conversation a message goes to: a channel id, a channel name, or a user id (the app's IM with them).
 * A private channel the bot is not in does not exist for it. A refused person makes their IM fail.
 */
export function resolveConversation(
  context: MethodContext,
  channel: string | undefined,
  checkRefusal: boolean,
): { conversation: ConversationRecord } | { error: JsonObject } {
  const { state } = context;
  if (!channel) return { error: fail('channel_not_found') };
  const byUser = state.users.has(channel) ? state.imOf(channel) : undefined;
  const name = channel.replace(/^#/, '');
  const conversation =
    byUser ??
    state.conversation(channel) ??
    state.conversations.find((candidate) => candidate.kind === 'channel' && candidate.name === name);
  if (!conversation) return { error: fail('channel_not_found') };
  if (conversation.kind === 'channel' && conversation.isPrivate && !conversation.members.includes(context.botUserId)) {
    return { error: fail('channel_not_found') };
  }
  const refusal = checkRefusal && conversation.imUser ? state.refusals.get(conversation.imUser) : undefined;
  if (refusal) return { error: fail(refusal) };
  return { conversation };
}
