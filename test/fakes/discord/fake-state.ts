/** The fake's world: users, guilds, channels, messages and interactions, with Discord's permission arithmetic. */
import { PermissionFlagsBits } from 'discord.js';
import type { FakeAttachment, FakeChannelState, FakeDiscordOptions, FakeInteraction, FakeMessage, FakeOverwrite } from './types.js';

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
const ADMINISTRATOR = PermissionFlagsBits.Administrator;
const VIEW_CHANNEL = PermissionFlagsBits.ViewChannel;
/** What a new server's @everyone may do (roughly Discord's default set). */
export const DEFAULT_EVERYONE_PERMISSIONS = [
  'ViewChannel',
  'CreateInstantInvite',
  'ChangeNickname',
  'SendMessages',
  'SendMessagesInThreads',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'EmbedLinks',
  'AttachFiles',
  'AddReactions',
  'UseExternalEmojis',
  'UseExternalStickers',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'Connect',
  'Speak',
  'Stream',
  'UseVAD',
] as const satisfies readonly (keyof typeof PermissionFlagsBits)[];

export interface UserState {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}
export interface MemberState {
  userId: string;
  nick: string | null;
  roles: string[];
  joinedAt: string;
}
export interface RoleState {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  botId?: string;
}
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  /** @everyone first */
  roles: RoleState[];
  members: Map<string, MemberState>;
  joinedAt: string;
  refuseChannelCreation: boolean;
}
export interface StoredMessage {
  message: FakeMessage;
  guildId: string | null;
  timestamp: string;
  editedTimestamp: string | null;
  type: number;
  /** a deferred reply not yet filled */
  deferred: boolean;
  interaction?: { id: string; type: number; userId: string; guildId: string };
}

const SNOWFLAKE = /^\d{1,20}$/;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** When a snowflake was made (ms since 1970): Discord ids carry it, and discord.js reads it as `createdTimestamp`. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

export function checkSnowflake(id: string, what: string): string {
  if (!SNOWFLAKE.test(id)) throw new Error(`Fake Discord: ${what} id ${JSON.stringify(id)} must be a numeric string (a snowflake)`);
  return id;
}

export class FakeWorld {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly users = new Map<string, UserState>();
  readonly guilds = new Map<string, GuildState>();
  /** guild channels, in creation order */
  readonly channels = new Map<string, FakeChannelState>();
  /** DM channel id → user id, and back */
  readonly dmChannels = new Map<string, string>();
  readonly dmChannelOf = new Map<string, string>();
  readonly closedDms = new Set<string>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions: FakeInteraction[] = [];
  readonly registeredCommands = { global: [] as unknown[], guilds: new Map<string, unknown[]>() };
  private readonly attachmentIds = new WeakMap<FakeAttachment, string>();
  private sequence = 0n;

  constructor(options: FakeDiscordOptions) {
    this.applicationId = checkSnowflake(options.applicationId ?? this.snowflake(), 'application');
    this.botUserId = checkSnowflake(options.botUserId ?? this.snowflake(), 'bot user');
    this.users.set(this.botUserId, { id: this.botUserId, username: options.botUsername ?? 'Mentorat', globalName: null, bot: true });
    for (const seed of options.guilds) this.addGuild(seed);
  }

  /** Real-looking, increasing snowflakes (discord.js reads their timestamp). */
  snowflake(): string {
    this.sequence += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.sequence & 0x3fffffn)).toString();
  }

  addUser(userId: string, username: string, globalName: string | null = null): UserState {
    const user = { id: checkSnowflake(userId, 'user'), username, globalName, bot: false };
    this.users.set(userId, user);
    return user;
  }

  private addGuild(seed: FakeDiscordOptions['guilds'][number]): void {
    const guildId = checkSnowflake(seed.id, 'guild');
    const now = new Date().toISOString();
    const seededEveryone = seed.roles?.find((role) => role.id === guildId);
    const everyonePermissions = DEFAULT_EVERYONE_PERMISSIONS.reduce((all, name) => all | PermissionFlagsBits[name], 0n);
    const roles: RoleState[] = [
      { id: guildId, name: '@everyone', permissions: BigInt(seededEveryone?.permissions ?? everyonePermissions), position: 0 },
    ];
    for (const role of seed.roles ?? []) {
      if (role.id === guildId) continue;
      roles.push({
        id: checkSnowflake(role.id, 'role'),
        name: role.name,
        permissions: BigInt(role.permissions ?? '0'),
        position: roles.length,
      });
    }
    // A bot joins with a managed role holding the permissions it was invited with.
    const botRole: RoleState = {
      id: this.snowflake(),
      name: this.botUser().username,
      permissions: BigInt(seed.botPermissions ?? ALL_PERMISSIONS & ~ADMINISTRATOR),
      position: roles.length,
      botId: this.botUserId,
    };
    roles.push(botRole);
    const guild: GuildState = {
      id: guildId,
      name: seed.name,
      ownerId: checkSnowflake(seed.ownerId ?? this.snowflake(), 'owner'),
      roles,
      members: new Map(),
      joinedAt: now,
      refuseChannelCreation: false,
    };
    this.guilds.set(guildId, guild);
    guild.members.set(this.botUserId, { userId: this.botUserId, nick: null, roles: [botRole.id], joinedAt: now });
    for (const member of seed.members) {
      this.addUser(member.userId, member.username, member.globalName ?? null);
      for (const roleId of member.roles ?? []) {
        if (!roles.some((role) => role.id === roleId)) throw new Error(`Fake Discord: member ${member.userId} has unknown role ${roleId}`);
      }
      guild.members.set(member.userId, { userId: member.userId, nick: member.nick ?? null, roles: member.roles ?? [], joinedAt: now });
    }
    for (const channel of seed.channels ?? []) {
      this.addChannel({
        id: checkSnowflake(channel.id, 'channel'),
        guildId,
        name: channel.name,
        type: channel.type,
        parentId: channel.parentId ?? null,
        topic: channel.topic ?? null,
        permissionOverwrites: channel.permissionOverwrites ?? [],
      });
    }
  }

  botUser(): UserState {
    const bot = this.users.get(this.botUserId);
    if (!bot) throw new Error('Fake Discord: the bot user is missing');
    return bot;
  }

  addChannel(channel: FakeChannelState): FakeChannelState {
    this.channels.set(channel.id, channel);
    return channel;
  }

  channelsOf(guildId: string): FakeChannelState[] {
    return [...this.channels.values()].filter((channel) => channel.guildId === guildId);
  }

  dmChannelFor(userId: string): string {
    let channelId = this.dmChannelOf.get(userId);
    if (!channelId) {
      channelId = this.snowflake();
      this.dmChannelOf.set(userId, channelId);
      this.dmChannels.set(channelId, userId);
    }
    return channelId;
  }

  attachmentId(attachment: FakeAttachment): string {
    let id = this.attachmentIds.get(attachment);
    if (!id) {
      id = this.snowflake();
      this.attachmentIds.set(attachment, id);
    }
    return id;
  }

  storeMessage(stored: StoredMessage): StoredMessage {
    this.messages.set(stored.message.id, stored);
    return stored;
  }

  /** The message this author created with this nonce within `windowMs`, which Discord returns instead of a second one (enforce_nonce). */
  messageByNonce(authorId: string, nonce: string, windowMs: number): StoredMessage | undefined {
    const since = Date.now() - windowMs;
    return [...this.messages.values()].findLast(
      (stored) =>
        stored.message.authorId === authorId &&
        stored.message.nonce === nonce &&
        !stored.message.deleted &&
        Date.parse(stored.timestamp) >= since,
    );
  }

  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()]
      .map((stored) => stored.message)
      .filter((message) => message.channelId === channelId && !message.ephemeral && !message.deleted);
  }

  /** Base permissions from roles, then the channel's overwrites (Discord's documented order). */
  permissionsOf(guildId: string, userId: string, channelId?: string): bigint {
    const guild = this.guilds.get(guildId);
    const member = guild?.members.get(userId);
    if (!guild || !member) return 0n;
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    let permissions = 0n;
    for (const role of guild.roles) {
      if (role.id === guild.id || member.roles.includes(role.id)) permissions |= role.permissions;
    }
    if (permissions & ADMINISTRATOR) return ALL_PERMISSIONS;
    const channel = channelId ? this.channels.get(channelId) : undefined;
    if (!channel) return permissions;
    const apply = (overwrites: FakeOverwrite[]) => {
      let allow = 0n;
      let deny = 0n;
      for (const overwrite of overwrites) {
        allow |= BigInt(overwrite.allow);
        deny |= BigInt(overwrite.deny);
      }
      permissions = (permissions & ~deny) | allow;
    };
    const overwrites = channel.permissionOverwrites;
    apply(overwrites.filter((overwrite) => overwrite.type === 0 && overwrite.id === guild.id));
    apply(overwrites.filter((overwrite) => overwrite.type === 0 && member.roles.includes(overwrite.id)));
    apply(overwrites.filter((overwrite) => overwrite.type === 1 && overwrite.id === userId));
    return permissions;
  }

  canSend(channelId: string, userId: string): boolean {
    const channel = this.channels.get(channelId);
    if (!channel) return false;
    const needed = VIEW_CHANNEL | PermissionFlagsBits.SendMessages;
    return (this.permissionsOf(channel.guildId, userId, channelId) & needed) === needed;
  }

  canView(channelId: string, userId: string): boolean {
    const channel = this.channels.get(channelId);
    if (!channel) return this.dmChannels.get(channelId) === userId;
    return (this.permissionsOf(channel.guildId, userId, channelId) & VIEW_CHANNEL) !== 0n;
  }
}
