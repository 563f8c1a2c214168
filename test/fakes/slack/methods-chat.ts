/* chat.postMessage, chat.postEphemeral, chat.update. */
import { asArray, isRecord, parseJsonField } from './json-values';
import { fail, type MethodHandler, ok, type Params, param, resolveConversation } from './method-kit';
import { messageObject } from './slack-objects';
import type { FakeSlackMetadata } from './types';

/** text and blocks of a message; Slack refuses one with neither, more than 50 blocks, or 40,000 characters. */
function content(params: Params): { text: string; blocks: unknown[] } | { error: string } {
  const text = param(params, 'text');
  const rawBlocks = params.blocks === undefined ? undefined : parseJsonField(params.blocks);
  if (rawBlocks !== undefined && !Array.isArray(rawBlocks)) return { error: 'invalid_blocks_format' };
  const blocks = asArray(rawBlocks);
  if (!text && blocks.length === 0 && params.attachments === undefined) return { error: 'no_text' };
  if (blocks.length > 50) return { error: 'invalid_blocks' };
  if (text && text.length > 40000) return { error: 'msg_too_long' };
  return { text: text ?? '', blocks };
}

/** Message metadata: an `event_type` (letters, digits, underscores) and an `event_payload` object, or Slack refuses the message. */
function metadataOf(params: Params): { metadata?: FakeSlackMetadata } | { error: string } {
  if (params.metadata === undefined) return {};
  const metadata = parseJsonField(params.metadata);
  if (!isRecord(metadata)) return { error: 'invalid_metadata_format' };
  const { event_type: eventType, event_payload: payload } = metadata;
  if (typeof eventType !== 'string' || !/^\w{1,255}$/.test(eventType) || !isRecord(payload)) return { error: 'invalid_metadata_schema' };
  return { metadata: { event_type: eventType, event_payload: payload } };
}

const postMessage: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), true);
  if ('error' in target) return target.error;
  if (target.conversation.archived) return fail('is_archived');
  const body = content(params);
  if ('error' in body) return fail(body.error);
  const metadata = metadataOf(params);
  if ('error' in metadata) return fail(metadata.error);
  const threadTs = param(params, 'thread_ts');
  const message = context.state.addMessage({
    channel: target.conversation.id,
    text: body.text,
    blocks: body.blocks,
    ephemeral: false,
    ...(threadTs ? { threadTs } : {}),
    ...metadata,
  });
  return ok({ channel: message.channel, ts: message.ts, message: messageObject(message, context) });
};

/** Seen only by `user`, who must be able to see the channel: a public channel, one they are in, or their own IM. */
const postEphemeral: MethodHandler = (params, context) => {
  const user = param(params, 'user') ?? '';
  if (!context.state.users.has(user)) return fail('user_not_found');
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { conversation } = target;
  const canSee = conversation.kind === 'im' ? conversation.imUser === user : !conversation.isPrivate || conversation.members.includes(user);
  if (!canSee) return fail('user_not_in_channel');
  const body = content(params);
  if ('error' in body) return fail(body.error);
  const threadTs = param(params, 'thread_ts');
  const message = context.state.addMessage({
    channel: conversation.id,
    user,
    text: body.text,
    blocks: body.blocks,
    ephemeral: true,
    ...(threadTs ? { threadTs } : {}),
  });
  return ok({ message_ts: message.ts });
};

/** Only the app's own, non-ephemeral messages can be edited. */
const update: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const ts = param(params, 'ts');
  const message = context.state.messages.find((candidate) => candidate.channel === target.conversation.id && candidate.ts === ts);
  if (!message || message.ephemeral) return fail('message_not_found');
  const body = content(params);
  if ('error' in body) return fail(body.error);
  message.text = body.text;
  message.blocks = body.blocks;
  return ok({ channel: message.channel, ts: message.ts, text: message.text, message: messageObject(message, context) });
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
};
