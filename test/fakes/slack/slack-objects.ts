/* The JSON objects Slack answers with: users, conversations, messages, views. */
import type { JsonObject } from './json-values';
import type { ConversationRecord } from './slack-state';
import type { FakeSlackMessage, FakeSlackUser } from './types';

export interface Workspace {
  teamId: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export function userObject(user: FakeSlackUser, workspace: Workspace, includeLocale: boolean): JsonObject {
  const realName = user.realName ?? user.name;
  return {
    id: user.id,
    team_id: workspace.teamId,
    name: user.name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz: 'Europe/Paris',
    tz_label: 'Central European Time',
    tz_offset: 3600,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: user.name,
      display_name_normalized: user.name,
      team: workspace.teamId,
    },
    is_admin: user.isAdmin ?? false,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: user.id === workspace.botUserId,
    is_app_user: false,
    updated: 1700000000,
    ...(includeLocale ? { locale: user.locale ?? 'en-US' } : {}),
  };
}

export function conversationObject(conversation: ConversationRecord, workspace: Workspace, includeNumMembers = false): JsonObject {
  if (conversation.kind === 'im') {
    return {
      id: conversation.id,
      created: conversation.created,
      is_im: true,
      is_org_shared: false,
      user: conversation.imUser,
      is_user_deleted: false,
      priority: 0,
    };
  }
  const textField = (value: string | undefined): JsonObject => ({
    value: value ?? '',
    creator: value ? workspace.botUserId : '',
    last_set: value ? conversation.created : 0,
  });
  return {
    id: conversation.id,
    name: conversation.name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: conversation.isPrivate,
    created: conversation.created,
    creator: conversation.createdBy,
    is_archived: conversation.archived === true,
    is_general: conversation.name === 'general',
    unlinked: 0,
    name_normalized: conversation.name,
    is_shared: false,
    is_org_shared: false,
    is_member: conversation.members.includes(workspace.botUserId),
    topic: textField(conversation.topic),
    purpose: textField(conversation.purpose),
    previous_names: [],
    ...(includeNumMembers ? { num_members: conversation.members.length } : {}),
  };
}

/** `withMetadata`: conversations.history returns a message's metadata only when asked (include_all_metadata). */
export function messageObject(message: FakeSlackMessage, workspace: Workspace, withMetadata = false): JsonObject {
  return {
    type: 'message',
    text: message.text,
    user: workspace.botUserId,
    bot_id: workspace.botId,
    app_id: workspace.appId,
    team: workspace.teamId,
    blocks: message.blocks,
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

/** A view as Slack returns it: the app's view plus the fields Slack adds. */
export function viewObject(
  view: JsonObject,
  ids: { id: string; hash: string; rootViewId: string; previousViewId?: string },
  workspace: Workspace,
) {
  return {
    id: ids.id,
    team_id: workspace.teamId,
    type: view.type ?? 'modal',
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash: ids.hash,
    title: view.title,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: ids.previousViewId ?? null,
    root_view_id: ids.rootViewId,
    app_id: workspace.appId,
    external_id: view.external_id ?? '',
    app_installed_team_id: workspace.teamId,
    bot_id: workspace.botId,
  };
}
