import {
  CategoryChannel,
  ChannelType,
  type Client,
  type Guild,
  type GuildBasedChannel,
  OverwriteType,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  TextChannel,
} from 'discord.js';
import type { CommunityRef } from '../../core/identity';
import type { OpenSpaceResult, PrivateSpaceRequest } from '../../core/ports';
import type { ProgrammeDirectory } from '../../dispatch/dispatcher';
import { singleFlight } from '../single-flight';
import { channelName } from '../space-name';
import { discordErrorCode, PERMISSION_NAMES } from './discord-errors';
import { spaceRoleIds } from './space-roles';

/** Discord's limits: channels under one category, and channels in a server. */
export const CHANNELS_PER_CATEGORY = 50;
export const CHANNELS_PER_SERVER = 500;

/** Discord's 500 counts channels and categories; the threads discord.js also caches do not count. */
function countedChannels(guild: Guild): number {
  return guild.channels.cache.filter((channel) => !channel.isThread()).size;
}

/** Who a space lets in: a member (type 1) or everyone holding a role (type 0). */
interface Admitted {
  readonly id: string;
  readonly type: OverwriteType.Member | OverwriteType.Role;
}

const MEMBER_ALLOW = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.ReadMessageHistory];

/**
 * The space's key is written in the channel topic: the server itself remembers which channel
 * belongs to which binôme, so a restart, or a lost store, never opens a second channel.
 */
export function spaceMarker(key: string): string {
  return `[mentorat:${key}]`;
}

/** Whether this category is the configured one or one of its overflow siblings (`base 2`…). */
export function inCategorySeries(channel: GuildBasedChannel, base: string): boolean {
  return categoryNumber(channel, base) !== undefined;
}

function categoryNumber(channel: GuildBasedChannel, base: string): number | undefined {
  if (channel.type !== ChannelType.GuildCategory) return undefined;
  if (channel.name === base) return 1;
  const match = /^(.*) (\d+)$/.exec(channel.name);
  return match && match[1] === base ? Number(match[2]) : undefined;
}

/**
 * The first category of the series (`base`, `base 2`…) with room, creating the next one beside the
 * configured one when all are full. The first must exist: coordinators choose where it lives and who sees it.
 */
export async function categoryWithRoom(guild: Guild, base: string): Promise<CategoryChannel | Extract<OpenSpaceResult, { ok: false }>> {
  const series = guild.channels.cache
    .map((channel) => ({ channel, number: categoryNumber(channel, base) }))
    .filter(
      (entry): entry is { channel: CategoryChannel; number: number } =>
        entry.number !== undefined && entry.channel instanceof CategoryChannel,
    )
    .sort((a, b) => a.number - b.number);
  const first = series[0];
  if (first?.number !== 1) return { ok: false, reason: 'missing-category', detail: base };
  const withRoom = series.find((entry) => entry.channel.children.cache.size < CHANNELS_PER_CATEGORY);
  if (withRoom) return withRoom.channel;
  if (countedChannels(guild) + 2 > CHANNELS_PER_SERVER)
    return { ok: false, reason: 'limit-reached', detail: `${CHANNELS_PER_SERVER} channels` };
  const last = series[series.length - 1] ?? first;
  return guild.channels.create({
    name: `${base} ${last.number + 1}`,
    type: ChannelType.GuildCategory,
    permissionOverwrites: first.channel.permissionOverwrites.cache.map((overwrite) => ({
      id: overwrite.id,
      type: overwrite.type,
      allow: overwrite.allow,
      deny: overwrite.deny,
    })),
  });
}

/** Binôme channels: text channels under the configured category, visible only to their members and the bot. */
export function createDiscordSpaces(client: Client, programmes: ProgrammeDirectory) {
  // Two openings of the same key at once must not both create a channel.
  const oneAtATime = singleFlight<OpenSpaceResult>();

  async function guildOf(community: CommunityRef): Promise<Guild | undefined> {
    try {
      return client.guilds.cache.get(community.id) ?? (await client.guilds.fetch(community.id));
    } catch {
      return undefined;
    }
  }

  function findExisting(guild: Guild, key: string): TextChannel | undefined {
    const marker = spaceMarker(key);
    const found = guild.channels.cache.find((channel) => channel instanceof TextChannel && (channel.topic ?? '').includes(marker));
    return found instanceof TextChannel ? found : undefined;
  }

  async function missingMember(guild: Guild, memberIds: readonly string[]): Promise<string | undefined> {
    for (const id of memberIds) {
      try {
        await guild.members.fetch(id);
      } catch (error) {
        const code = discordErrorCode(error);
        if (code === RESTJSONErrorCodes.UnknownMember || code === RESTJSONErrorCodes.UnknownUser) return id;
        throw error;
      }
    }
    return undefined;
  }

  /** Gives whoever lacks it the members' access: people (type 1) and roles (type 0) alike. */
  async function addMissing(channel: TextChannel, overwrites: readonly Admitted[]): Promise<void> {
    for (const { id, type } of overwrites) {
      const overwrite = channel.permissionOverwrites.cache.get(id);
      if (overwrite?.allow.has(PermissionFlagsBits.ViewChannel)) continue;
      await channel.permissionOverwrites.edit(id, { ViewChannel: true, SendMessages: true, ReadMessageHistory: true }, { type });
    }
  }

  async function create(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
    const guild = await guildOf(community);
    if (!guild) return { ok: false, reason: 'unreachable', detail: `server ${community.id}` };
    const roleIds = spaceRoleIds(guild, request.memberRoles ?? []);
    // Nobody to let in (every role named is gone): a space only the bot sees would serve no one.
    if (request.memberIds.length === 0 && roleIds.length === 0) {
      return { ok: false, reason: 'unreachable', detail: (request.memberRoles ?? []).join(', ') || request.name };
    }
    const admitted: Admitted[] = [
      ...request.memberIds.map((id) => ({ id, type: OverwriteType.Member as const })),
      ...roleIds.map((id) => ({ id, type: OverwriteType.Role as const })),
    ];
    const existing = findExisting(guild, request.key);
    if (existing) {
      await addMissing(existing, admitted);
      return { ok: true, space: { id: existing.id, name: existing.name, link: existing.url }, created: false };
    }
    const missing = await missingMember(guild, request.memberIds);
    if (missing) return { ok: false, reason: 'unreachable', detail: missing };
    if (countedChannels(guild) + 1 > CHANNELS_PER_SERVER)
      return { ok: false, reason: 'limit-reached', detail: `${CHANNELS_PER_SERVER} channels` };
    const category = await categoryWithRoom(guild, programmes.programmeFor(community).spaces.discordCategory);
    if (!(category instanceof CategoryChannel)) return category;
    const botId = client.user?.id;
    const channel = await guild.channels.create({
      name: channelName(request.name, 100),
      type: ChannelType.GuildText,
      parent: category.id,
      topic: `${request.name} ${spaceMarker(request.key)}`,
      permissionOverwrites: [
        { id: guild.roles.everyone.id, type: OverwriteType.Role, deny: [PermissionFlagsBits.ViewChannel] },
        ...(botId ? [{ id: botId, type: OverwriteType.Member, allow: [...MEMBER_ALLOW, PermissionFlagsBits.ManageChannels] }] : []),
        ...admitted.map(({ id, type }) => ({ id, type, allow: MEMBER_ALLOW })),
      ],
    });
    return { ok: true, space: { id: channel.id, name: channel.name, link: channel.url }, created: true };
  }

  async function openGuarded(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
    try {
      return await create(community, request);
    } catch (error) {
      switch (discordErrorCode(error)) {
        case RESTJSONErrorCodes.MissingPermissions:
        case RESTJSONErrorCodes.MissingAccess:
          return { ok: false, reason: 'missing-permission', detail: `${PERMISSION_NAMES.ManageChannels}, ${PERMISSION_NAMES.ManageRoles}` };
        case RESTJSONErrorCodes.MaximumNumberOfGuildChannelsReached:
          return { ok: false, reason: 'limit-reached', detail: `${CHANNELS_PER_SERVER} channels` };
        default:
          throw error;
      }
    }
  }

  return {
    open(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
      return oneAtATime(`${community.id}\u0000${request.key}`, () => openGuarded(community, request));
    },
  };
}
