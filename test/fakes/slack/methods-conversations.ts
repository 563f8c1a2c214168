/* conversations.*: IMs, channel creation and invitations, information, listing, topic and purpose. */
import { isTrue } from './json-values';
import { fail, type MethodContext, type MethodHandler, ok, page, param, resolveConversation } from './method-kit';
import { conversationObject, messageObject } from './slack-objects';
import type { ConversationRecord } from './slack-state';

/** Why this person cannot be reached by the app, or undefined. */
function unreachable(context: MethodContext, userId: string): string | undefined {
  const refusal = context.state.refusals.get(userId);
  if (refusal) return refusal;
  const user = context.state.users.get(userId);
  if (!user) return 'user_not_found';
  if (user.deleted) return 'user_disabled';
  return undefined;
}

const open: MethodHandler = (params, context) => {
  const channel = param(params, 'channel');
  if (channel) {
    const known = context.state.conversation(channel);
    return known ? ok({ channel: { id: known.id }, no_op: true, already_open: true }) : fail('channel_not_found');
  }
  const users = (param(params, 'users') ?? '').split(',').filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 1)
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] the fake opens IMs with one person only'] } });
  const userId = users[0] ?? '';
  const problem = userId === context.botUserId ? 'cannot_dm_bot' : unreachable(context, userId);
  if (problem) return fail(problem);
  const existed = context.state.conversations.some((conversation) => conversation.kind === 'im' && conversation.imUser === userId);
  const im = context.state.imOf(userId);
  const channelObject = isTrue(params.return_im) ? conversationObject(im, context) : { id: im.id };
  return ok({ channel: channelObject, ...(existed ? { no_op: true, already_open: true } : {}) });
};

function nameProblem(name: string): string | undefined {
  if (!name) return 'invalid_name_required';
  if ([...name].length > 80) return 'invalid_name_maxlength';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'invalid_name_specials';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  return undefined;
}

const create: MethodHandler = (params, context) => {
  const name = param(params, 'name') ?? '';
  const problem = nameProblem(name);
  if (problem) return fail(problem);
  const { state } = context;
  if (
    state.takenNames.has(name) ||
    state.conversations.some((conversation) => conversation.kind === 'channel' && conversation.name === name)
  ) {
    return fail('name_taken');
  }
  const channel = state.addChannel({
    id: state.nextId('C'),
    name,
    isPrivate: isTrue(params.is_private),
    members: [context.botUserId],
    createdBy: context.botUserId,
  });
  return ok({ channel: conversationObject(channel, context) });
};

/** Several people at once; one failure fails the call unless `force`, and the failures are listed in `errors`. */
const invite: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { conversation } = target;
  if (conversation.kind !== 'channel') return fail('method_not_supported_for_channel_type');
  if (conversation.archived) return fail('is_archived');
  if (!conversation.members.includes(context.botUserId)) return fail('not_in_channel');
  const users = (param(params, 'users') ?? '').split(',').filter(Boolean);
  if (users.length === 0) return fail('no_user');
  const errors: { user: string; ok: false; error: string }[] = [];
  const invitable: string[] = [];
  for (const userId of users) {
    const problem =
      userId === context.botUserId
        ? 'cant_invite_self'
        : conversation.members.includes(userId)
          ? 'already_in_channel'
          : unreachable(context, userId);
    if (problem) errors.push({ user: userId, ok: false, error: problem });
    else invitable.push(userId);
  }
  const firstError = errors[0];
  if (firstError && !isTrue(params.force)) {
    return fail(firstError.error, users.length > 1 ? { errors } : {});
  }
  conversation.members.push(...invitable);
  return ok({ channel: conversationObject(conversation, context), ...(errors.length > 0 ? { errors } : {}) });
};

const info: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  return ok({ channel: conversationObject(target.conversation, context, isTrue(params.include_num_members)) });
};

const members: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { items, responseMetadata } = page(target.conversation.members, params);
  return ok({ members: items, response_metadata: responseMetadata });
};

function hasType(conversation: ConversationRecord, types: string[], botUserId: string): boolean {
  if (conversation.kind === 'im') return types.includes('im');
  if (!conversation.isPrivate) return types.includes('public_channel');
  return types.includes('private_channel') && conversation.members.includes(botUserId);
}

const list: MethodHandler = (params, context) => {
  const types = (param(params, 'types') ?? 'public_channel').split(',').map((type) => type.trim());
  const visible = context.state.conversations.filter((conversation) => hasType(conversation, types, context.botUserId));
  const { items, responseMetadata } = page(visible, params);
  return ok({ channels: items.map((conversation) => conversationObject(conversation, context)), response_metadata: responseMetadata });
};

function setText(field: 'topic' | 'purpose', max: number): MethodHandler {
  return (params, context) => {
    const target = resolveConversation(context, param(params, 'channel'), false);
    if ('error' in target) return target.error;
    const { conversation } = target;
    if (conversation.kind !== 'channel') return fail('method_not_supported_for_channel_type');
    if (conversation.archived) return fail('is_archived');
    if (!conversation.members.includes(context.botUserId)) return fail('not_in_channel');
    const text = param(params, field) ?? '';
    if ([...text].length > max) return fail('too_long');
    conversation[field] = text;
    return ok({ channel: conversationObject(conversation, context), [field]: text });
  };
}

/**
 * A conversation's messages, newest first, `limit` at a time (100 by default, 999 at most), with their
 * metadata when `include_all_metadata`. The bot must be in it; ephemeral messages were never part of it.
 */
const history: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { conversation } = target;
  if (conversation.kind === 'channel' && !conversation.members.includes(context.botUserId)) return fail('not_in_channel');
  const limit = Math.min(Number(param(params, 'limit')) || 100, 999);
  const newestFirst = context.state.messages.filter((message) => message.channel === conversation.id && !message.ephemeral).reverse();
  const { items, responseMetadata } = page(newestFirst, { ...params, limit });
  const withMetadata = isTrue(params.include_all_metadata);
  return ok({
    messages: items.map((message) => messageObject(message, context, withMetadata)),
    has_more: responseMetadata.next_cursor !== '',
    pin_count: 0,
    response_metadata: responseMetadata,
  });
};

/**
 * Removes one person: the bot must be in the channel (a private one it is not in does not exist for
 * it); someone not there answers `not_in_channel`, the bot itself `cant_kick_self`, #general refuses.
 */
const kick: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { conversation } = target;
  if (conversation.kind !== 'channel') return fail('method_not_supported_for_channel_type');
  const user = param(params, 'user') ?? '';
  if (!context.state.users.has(user) && user !== context.botUserId) return fail('user_not_found');
  if (user === context.botUserId) return fail('cant_kick_self');
  if (conversation.name === 'general') return fail('cant_kick_from_general');
  if (!conversation.members.includes(context.botUserId)) return fail('not_in_channel');
  if (!conversation.members.includes(user)) return fail('not_in_channel');
  conversation.members = conversation.members.filter((member) => member !== user);
  return ok();
};

/** Archives a channel the bot is in: its members stay, read-only; twice answers `already_archived`. */
const archive: MethodHandler = (params, context) => {
  const target = resolveConversation(context, param(params, 'channel'), false);
  if ('error' in target) return target.error;
  const { conversation } = target;
  if (conversation.kind !== 'channel') return fail('method_not_supported_for_channel_type');
  if (conversation.name === 'general') return fail('cant_archive_general');
  if (conversation.archived) return fail('already_archived');
  if (!conversation.members.includes(context.botUserId)) return fail('not_in_channel');
  conversation.archived = true;
  return ok();
};

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.history': history,
  'conversations.open': open,
  'conversations.create': create,
  'conversations.invite': invite,
  'conversations.info': info,
  'conversations.members': members,
  'conversations.list': list,
  'conversations.setTopic': setText('topic', 250),
  'conversations.setPurpose': setText('purpose', 250),
  'conversations.kick': kick,
  'conversations.archive': archive,
};
