/** The JSON Discord sends, built from the fake's world: what discord.js must be able to construct. */

import type {
  APIAttachment,
  APIGuildMember,
  APIMessage,
  APIOverwrite,
  APIRole,
  APIUser,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import type { FakeWorld, GuildState, MemberState, RoleState, StoredMessage, UserState } from './fake-state.js';
import type { FakeChannelState } from './types.js';

export function userPayload(user: UserState): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.bot ? '0000' : '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
  };
}

export function memberPayload(world: FakeWorld, member: MemberState): APIGuildMember {
  const user = world.users.get(member.userId);
  if (!user) throw new Error(`Fake Discord: member ${member.userId} has no user`);
  return {
    user: userPayload(user),
    nick: member.nick,
    avatar: null,
    roles: member.roles,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function rolePayload(role: RoleState): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function channelPayload(world: FakeWorld, channel: FakeChannelState): Record<string, unknown> {
  const siblings = world.channelsOf(channel.guildId).filter((other) => other.type === channel.type);
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: siblings.indexOf(channel),
    parent_id: channel.parentId,
    permission_overwrites: channel.permissionOverwrites.map((overwrite): APIOverwrite => ({ ...overwrite })),
    flags: 0,
    ...(channel.type === 4 ? {} : { topic: channel.topic, nsfw: false, rate_limit_per_user: 0, last_message_id: null }),
  };
}

export function dmChannelPayload(world: FakeWorld, channelId: string): Record<string, unknown> {
  const user = world.users.get(world.dmChannels.get(channelId) ?? '');
  return { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: user ? [userPayload(user)] : [] };
}

/** `created`: the answer to a create (and MESSAGE_CREATE), the only places Discord documents the nonce in. */
export function messagePayload(world: FakeWorld, port: number, stored: StoredMessage, created = false): APIMessage {
  const { message } = stored;
  const author = world.users.get(message.authorId) ?? world.botUser();
  const attachments = message.attachments.map((attachment): APIAttachment => {
    const id = world.attachmentId(attachment);
    const url = `http://127.0.0.1:${port}/attachments/${message.channelId}/${id}/${encodeURIComponent(attachment.filename)}`;
    return {
      id,
      filename: attachment.filename,
      size: attachment.bytes.length,
      url,
      proxy_url: url,
      ...(attachment.contentType ? { content_type: attachment.contentType } : {}),
      // Discord reads an image's size and gives it back with the attachment.
      ...pngSize(attachment.bytes),
    };
  });
  const interaction = stored.interaction;
  const interacter = interaction ? world.users.get(interaction.userId) : undefined;
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(stored.guildId ? { guild_id: stored.guildId } : {}),
    author: userPayload(author),
    content: message.content,
    timestamp: stored.timestamp,
    edited_timestamp: stored.editedTimestamp,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments,
    embeds: message.embeds as APIMessage['embeds'],
    components: message.components as APIMessage['components'],
    pinned: false,
    type: stored.type,
    flags: message.flags,
    ...(created && message.nonce !== undefined ? { nonce: message.nonce } : {}),
    ...(interaction ? { application_id: world.applicationId, webhook_id: world.applicationId } : {}),
    ...(interaction && interacter
      ? {
          interaction_metadata: {
            id: interaction.id,
            type: interaction.type,
            user: userPayload(interacter),
            authorizing_integration_owners: { '0': interaction.guildId },
          } as APIMessage['interaction_metadata'],
        }
      : {}),
  };
}

export function guildCreatePayload(world: FakeWorld, guild: GuildState): Record<string, unknown> {
  const channels = world.channelsOf(guild.id).map((channel) => channelPayload(world, channel));
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'fr',
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    features: [],
    roles: guild.roles.map(rolePayload),
    emojis: [],
    stickers: [],
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: guild.members.size,
    members: [...guild.members.values()].map((member) => memberPayload(world, member)),
    channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface InteractionEnvelope {
  id: string;
  token: string;
  type: 2 | 3 | 5;
  /** null: a component in the bot's DM with the user */
  guildId: string | null;
  channelId: string;
  userId: string;
  locale: string;
  data: Record<string, unknown>;
  message?: StoredMessage;
}

/** What the app may do in a DM with its own bot user (Discord's documented set for DMs). */
const DM_APP_PERMISSIONS = String(
  PermissionFlagsBits.AttachFiles |
    PermissionFlagsBits.EmbedLinks |
    PermissionFlagsBits.MentionEveryone |
    PermissionFlagsBits.UseExternalEmojis,
);

/** INTERACTION_CREATE's `d`. entitlements and authorizing_integration_owners are required: without them discord.js drops the event. */
export function interactionPayload(world: FakeWorld, port: number, envelope: InteractionEnvelope): Record<string, unknown> {
  const common = {
    id: envelope.id,
    application_id: world.applicationId,
    type: envelope.type,
    data: envelope.data,
    channel_id: envelope.channelId,
    token: envelope.token,
    version: 1,
    ...(envelope.message ? { message: messagePayload(world, port, envelope.message) } : {}),
    locale: envelope.locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  const user = world.users.get(envelope.userId);
  if (envelope.guildId === null && user) {
    return {
      ...common,
      channel: dmChannelPayload(world, envelope.channelId),
      user: userPayload(user),
      app_permissions: DM_APP_PERMISSIONS,
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    };
  }
  const guild = world.guilds.get(envelope.guildId ?? '');
  const member = guild?.members.get(envelope.userId);
  const channel = world.channels.get(envelope.channelId);
  if (!guild || !member || !channel) throw new Error('Fake Discord: interaction outside a known guild, member and channel');
  const permissions = world.permissionsOf(guild.id, envelope.userId, channel.id).toString();
  return {
    ...common,
    guild: { id: guild.id, locale: 'fr', features: [] },
    guild_id: guild.id,
    channel: { ...channelPayload(world, channel), permissions },
    member: { ...memberPayload(world, member), permissions },
    app_permissions: world.permissionsOf(guild.id, world.botUserId, channel.id).toString(),
    guild_locale: 'fr',
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
  };
}

/** The width and height in a PNG's header (IHDR), as Discord reports them for an image; nothing for other files. */
function pngSize(bytes: Buffer): { width?: number; height?: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return {};
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
