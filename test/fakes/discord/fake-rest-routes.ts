/** Bot-token routes: gateway, users and DMs, channels and messages, guilds, application commands. */
import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import type { FakeGateway } from './fake-gateway.js';
import { createMessage, editMessage, parseMessageBody, storedOrFail } from './fake-messages.js';
import {
  channelPayload,
  dmChannelPayload,
  guildCreatePayload,
  memberPayload,
  messagePayload,
  rolePayload,
  userPayload,
} from './fake-payloads.js';
import { fail, invalidFormBody, parseWith, type RestRequest, type Route, route } from './fake-rest.js';
import { ALL_PERMISSIONS, type FakeWorld, type GuildState } from './fake-state.js';
import type { FakeChannelState, FakeOverwrite } from './types.js';

const MAX_CHANNELS_PER_GUILD = 500;
const MAX_CHANNELS_PER_CATEGORY = 50;
/** Discord dedupes an enforced nonce over "the past few minutes"; the fake takes two. */
const NONCE_WINDOW_MS = 2 * 60_000;

const overwriteSchema = z.object({
  id: z.string(),
  type: z.union([z.literal(0), z.literal(1)]),
  allow: z.string().nullish(),
  deny: z.string().nullish(),
});
const channelSchema = z.object({
  name: z.string().min(1).max(100),
  type: z.union([z.literal(0), z.literal(2), z.literal(4), z.literal(5)]).nullish(),
  topic: z.string().max(1024).nullish(),
  parent_id: z.string().nullish(),
  permission_overwrites: z.array(overwriteSchema).nullish(),
});
const dmSchema = z.object({ recipient_id: z.string() });
const commandSchema = z.looseObject({
  name: z.string(),
  type: z.number().int().optional(),
  description: z.string().max(100).optional(),
});
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export interface RouteDeps {
  world: FakeWorld;
  gateway: FakeGateway;
  port: () => number;
  refusedGuilds: Set<string>;
}

export function restRoutes({ world, gateway, port, refusedGuilds }: RouteDeps): Route[] {
  const gatewayUrl = () => `ws://127.0.0.1:${port()}`;
  const ok = (body: unknown, status = 200) => ({ status, body });
  const param = (request: RestRequest, name: string) => request.params[name] ?? '';

  const guildOf = (request: RestRequest): GuildState => world.guilds.get(param(request, 'guildId')) ?? fail(404, 10004, 'Unknown Guild');
  const channelOf = (request: RestRequest): FakeChannelState =>
    world.channels.get(param(request, 'channelId')) ?? fail(404, 10003, 'Unknown Channel');
  const botCan = (guildId: string, permission: bigint, channelId?: string) =>
    (world.permissionsOf(guildId, world.botUserId, channelId) & permission) === permission;
  const requireBot = (guildId: string, permission: bigint, channelId?: string) => {
    if (!botCan(guildId, permission, channelId)) fail(403, 50013, 'Missing Permissions');
  };

  /** Overwrites may only grant or deny what the bot itself has (Discord, 2021-01-22), and must name a role or a member. */
  const checkOverwrites = (guild: GuildState, overwrites: z.infer<typeof overwriteSchema>[]): FakeOverwrite[] =>
    overwrites.map((overwrite, index) => {
      const known = overwrite.type === 0 ? guild.roles.some((role) => role.id === overwrite.id) : guild.members.has(overwrite.id);
      if (!known) {
        invalidFormBody([
          { path: ['permission_overwrites', index, 'id'], code: 'UNKNOWN_OVERWRITE_TARGET', message: 'Unknown role or member' },
        ]);
      }
      const bits = BigInt(overwrite.allow ?? '0') | BigInt(overwrite.deny ?? '0');
      const botPermissions = world.permissionsOf(guild.id, world.botUserId);
      if (botPermissions !== ALL_PERMISSIONS && (bits & ~botPermissions) !== 0n) fail(403, 50013, 'Missing Permissions');
      return { id: overwrite.id, type: overwrite.type, allow: overwrite.allow ?? '0', deny: overwrite.deny ?? '0' };
    });

  const checkParent = (guild: GuildState, parentId: string | null | undefined, type: number): string | null => {
    if (!parentId) return null;
    const parent = world.channels.get(parentId);
    if (type === 4 || parent?.guildId !== guild.id || parent.type !== 4) {
      return invalidFormBody([{ path: ['parent_id'], code: 'CHANNEL_PARENT_INVALID_TYPE', message: 'Not a category' }]);
    }
    if (world.channelsOf(guild.id).filter((channel) => channel.parentId === parentId).length >= MAX_CHANNELS_PER_CATEGORY) {
      invalidFormBody([
        { path: ['parent_id'], code: 'CHANNEL_PARENT_MAX_CHANNELS', message: 'Maximum number of channels in category reached (50)' },
      ]);
    }
    return parentId;
  };

  /** Discord lower-cases text channel names and turns spaces into dashes. */
  const channelName = (name: string, type: number) => (type === 4 || type === 2 ? name : name.trim().toLowerCase().replace(/\s+/g, '-'));

  const createChannel = (request: RestRequest) => {
    const guild = guildOf(request);
    if (refusedGuilds.has(guild.id)) return fail(403, 50013, 'Missing Permissions');
    requireBot(guild.id, PermissionFlagsBits.ManageChannels);
    const body = parseWith(channelSchema, request.body.json);
    const type = body.type ?? 0;
    if (world.channelsOf(guild.id).length >= MAX_CHANNELS_PER_GUILD) {
      return fail(400, 30013, 'Maximum number of guild channels reached (500)');
    }
    const channel = world.addChannel({
      id: world.snowflake(),
      guildId: guild.id,
      name: channelName(body.name, type),
      type,
      parentId: checkParent(guild, body.parent_id, type),
      topic: body.topic ?? null,
      permissionOverwrites: checkOverwrites(guild, body.permission_overwrites ?? []),
    });
    const json = channelPayload(world, channel);
    gateway.dispatch('CHANNEL_CREATE', json, GatewayIntentBits.Guilds);
    return ok(json, 201);
  };

  const updateChannel = (request: RestRequest) => {
    const channel = channelOf(request);
    const guild = guildOf({ ...request, params: { guildId: channel.guildId } });
    requireBot(guild.id, PermissionFlagsBits.ManageChannels, channel.id);
    const body = parseWith(channelSchema.partial(), request.body.json);
    // Modify Channel: changing permission overwrites also takes Manage Roles, checked before anything changes.
    if (body.permission_overwrites) requireBot(guild.id, PermissionFlagsBits.ManageRoles, channel.id);
    // Everything is checked before anything changes: a refused edit leaves the channel as it was.
    const overwrites = body.permission_overwrites ? checkOverwrites(guild, body.permission_overwrites) : undefined;
    const parentId =
      body.parent_id !== undefined && body.parent_id !== channel.parentId
        ? checkParent(guild, body.parent_id, channel.type)
        : channel.parentId;
    if (body.name !== undefined) channel.name = channelName(body.name, channel.type);
    if (body.topic !== undefined) channel.topic = body.topic;
    channel.parentId = parentId;
    if (overwrites) channel.permissionOverwrites = overwrites;
    const json = channelPayload(world, channel);
    gateway.dispatch('CHANNEL_UPDATE', json, GatewayIntentBits.Guilds);
    return ok(json);
  };

  const deleteChannel = (request: RestRequest) => {
    const channel = channelOf(request);
    requireBot(channel.guildId, PermissionFlagsBits.ManageChannels, channel.id);
    const json = channelPayload(world, channel);
    world.channels.delete(channel.id);
    for (const child of world.channelsOf(channel.guildId)) if (child.parentId === channel.id) child.parentId = null;
    gateway.dispatch('CHANNEL_DELETE', json, GatewayIntentBits.Guilds);
    return ok(json);
  };

  const putOverwrite = (request: RestRequest) => {
    const channel = channelOf(request);
    const guild = guildOf({ ...request, params: { guildId: channel.guildId } });
    requireBot(guild.id, PermissionFlagsBits.ManageRoles, channel.id);
    const body = parseWith(overwriteSchema.omit({ id: true }), request.body.json);
    const [overwrite] = checkOverwrites(guild, [{ ...body, id: param(request, 'overwriteId') }]);
    if (overwrite) channel.permissionOverwrites = [...channel.permissionOverwrites.filter((other) => other.id !== overwrite.id), overwrite];
    gateway.dispatch('CHANNEL_UPDATE', channelPayload(world, channel), GatewayIntentBits.Guilds);
    return { status: 204 };
  };

  const deleteOverwrite = (request: RestRequest) => {
    const channel = channelOf(request);
    requireBot(channel.guildId, PermissionFlagsBits.ManageRoles, channel.id);
    channel.permissionOverwrites = channel.permissionOverwrites.filter((overwrite) => overwrite.id !== param(request, 'overwriteId'));
    gateway.dispatch('CHANNEL_UPDATE', channelPayload(world, channel), GatewayIntentBits.Guilds);
    return { status: 204 };
  };

  const postMessage = (request: RestRequest) => {
    const channelId = param(request, 'channelId');
    const dmUser = world.dmChannels.get(channelId);
    let guildId: string | null = null;
    if (dmUser !== undefined) {
      if (world.closedDms.has(dmUser)) return fail(403, 50007, 'Cannot send messages to this user');
    } else {
      const channel = channelOf(request);
      guildId = channel.guildId;
      if (channel.type === 4) return fail(400, 50008, 'Cannot send messages in a non-text channel');
      // A channel hidden from @everyone is hidden from the bot too, unless an overwrite lets it in.
      if (!botCan(guildId, PermissionFlagsBits.ViewChannel, channelId)) return fail(403, 50001, 'Missing Access');
      requireBot(guildId, PermissionFlagsBits.SendMessages, channelId);
    }
    const body = parseMessageBody(request.body.json);
    if (body.enforce_nonce && body.nonce !== undefined && body.nonce !== null) {
      const earlier = world.messageByNonce(world.botUserId, String(body.nonce), NONCE_WINDOW_MS);
      if (earlier) return ok(messagePayload(world, port(), earlier, true));
    }
    const stored = createMessage(world, { channelId, guildId, body, files: request.body.files });
    const json = messagePayload(world, port(), stored, true);
    gateway.dispatch('MESSAGE_CREATE', json, guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages);
    return ok(json);
  };

  /** Newest first, `limit` 1 to 100 (50 by default), `before` a message id; nothing without Read Message History. */
  const listMessages = (request: RestRequest) => {
    const channelId = param(request, 'channelId');
    if (!world.dmChannels.has(channelId)) {
      const channel = channelOf(request);
      if (!botCan(channel.guildId, PermissionFlagsBits.ViewChannel, channelId)) return fail(403, 50001, 'Missing Access');
      if (!botCan(channel.guildId, PermissionFlagsBits.ReadMessageHistory, channelId)) return ok([]);
    }
    const limit = Number(request.query.get('limit') ?? '50');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalidFormBody([{ path: ['limit'], code: 'NUMBER_TYPE_MAX', message: 'int value should be between 1 and 100.' }]);
    }
    const before = request.query.get('before');
    if (before !== null && !/^\d{1,20}$/.test(before)) {
      return invalidFormBody([{ path: ['before'], code: 'NUMBER_TYPE_COERCE', message: `Value "${before}" is not snowflake.` }]);
    }
    const older = (id: string) => before === null || BigInt(id) < BigInt(before);
    const newestFirst = world
      .messagesIn(channelId)
      .filter((message) => older(message.id))
      .reverse()
      .slice(0, limit);
    return ok(newestFirst.map((message) => messagePayload(world, port(), storedOrFail(world, message))));
  };

  const channelMessage = (request: RestRequest) => {
    const stored = storedOrFail(world, world.messages.get(param(request, 'messageId'))?.message);
    if (stored.message.channelId !== param(request, 'channelId')) return fail(404, 10008, 'Unknown Message');
    return stored;
  };

  const editChannelMessage = (request: RestRequest) => {
    const stored = channelMessage(request);
    if (stored.message.authorId !== world.botUserId) return fail(403, 50005, 'Cannot edit a message authored by another user');
    const json = messagePayload(world, port(), editMessage(world, stored, parseMessageBody(request.body.json), request.body.files));
    gateway.dispatch('MESSAGE_UPDATE', json, stored.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages);
    return ok(json);
  };

  const openDm = (request: RestRequest) => {
    const { recipient_id: userId } = parseWith(dmSchema, request.body.json);
    const user = world.users.get(userId);
    if (!user || user.bot) return fail(400, 50033, 'Invalid Recipient(s)');
    return ok(dmChannelPayload(world, world.dmChannelFor(userId)));
  };

  const commandsOf = (request: RestRequest): unknown[] => {
    if (param(request, 'appId') !== world.applicationId) return fail(404, 10002, 'Unknown Application');
    if (!request.params.guildId) return world.registeredCommands.global;
    const guild = guildOf(request);
    return world.registeredCommands.guilds.get(guild.id) ?? [];
  };

  /** Ids survive a re-registration of the same name and type, as on Discord. */
  const registerCommand = (request: RestRequest, input: unknown, previous: unknown[], index: number) => {
    const command = parseWith(commandSchema, input);
    const type = command.type ?? 1;
    const errors: { path: PropertyKey[]; code: string; message: string }[] = [];
    if (!COMMAND_NAME.test(command.name) || (type === 1 && command.name !== command.name.toLowerCase())) {
      errors.push({ path: [index, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
    if (type === 1 && !command.description) {
      errors.push({ path: [index, 'description'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
    if (errors.length > 0) invalidFormBody(errors);
    const same = previous.map((other) => commandSchema.safeParse(other)).find((other) => other.success && other.data.name === command.name);
    const id = same?.success && typeof same.data.id === 'string' ? same.data.id : world.snowflake();
    return {
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      contexts: null,
      ...command,
      id,
      application_id: world.applicationId,
      type,
      version: world.snowflake(),
      ...(request.params.guildId ? { guild_id: request.params.guildId } : {}),
    };
  };

  const storeCommands = (request: RestRequest, commands: unknown[]) => {
    if (request.params.guildId) world.registeredCommands.guilds.set(param(request, 'guildId'), commands);
    else world.registeredCommands.global = commands;
  };

  const putCommands = (request: RestRequest) => {
    const previous = commandsOf(request);
    const inputs = parseWith(z.array(z.unknown()).max(100), request.body.json);
    const commands = inputs.map((input, index) => registerCommand(request, input, previous, index));
    storeCommands(request, commands);
    return ok(commands);
  };

  const postCommand = (request: RestRequest) => {
    const previous = commandsOf(request);
    const command = registerCommand(request, request.body.json, previous, 0);
    const existed = previous.some((other) => commandSchema.safeParse(other).data?.id === command.id);
    storeCommands(request, [...previous.filter((other) => commandSchema.safeParse(other).data?.id !== command.id), command]);
    return ok(command, existed ? 200 : 201);
  };

  const guildJson = (guild: GuildState) => {
    const {
      members: _members,
      channels: _channels,
      presences: _presences,
      voice_states: _voice,
      threads: _threads,
      ...rest
    } = guildCreatePayload(world, guild);
    return { ...rest, approximate_member_count: guild.members.size, approximate_presence_count: 0 };
  };

  const bot = () => ({ ...userPayload(world.botUser()), verified: true, mfa_enabled: false, flags: 0, locale: 'fr' });
  const apps = '/applications/:appId';
  return [
    route('GET', '/gateway', () => ok({ url: gatewayUrl() }), false),
    route('GET', '/gateway/bot', () =>
      ok({ url: gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } }),
    ),
    route('GET', '/users/@me', () => ok(bot())),
    route('POST', '/users/@me/channels', openDm),
    route('GET', '/users/:userId', (request) => {
      const user = world.users.get(param(request, 'userId'));
      return user ? ok(userPayload(user)) : fail(404, 10013, 'Unknown User');
    }),
    route('GET', '/applications/@me', () =>
      ok({ id: world.applicationId, name: world.botUser().username, icon: null, description: '', bot_public: false, flags: 0, bot: bot() }),
    ),
    route('GET', '/channels/:channelId', (request) => {
      const channelId = param(request, 'channelId');
      return ok(world.dmChannels.has(channelId) ? dmChannelPayload(world, channelId) : channelPayload(world, channelOf(request)));
    }),
    route('PATCH', '/channels/:channelId', updateChannel),
    route('DELETE', '/channels/:channelId', deleteChannel),
    route('PUT', '/channels/:channelId/permissions/:overwriteId', putOverwrite),
    route('DELETE', '/channels/:channelId/permissions/:overwriteId', deleteOverwrite),
    route('POST', '/channels/:channelId/messages', postMessage),
    route('GET', '/channels/:channelId/messages', listMessages),
    route('GET', '/channels/:channelId/messages/:messageId', (request) => ok(messagePayload(world, port(), channelMessage(request)))),
    route('PATCH', '/channels/:channelId/messages/:messageId', editChannelMessage),
    route('GET', '/guilds/:guildId', (request) => ok(guildJson(guildOf(request)))),
    route('GET', '/guilds/:guildId/channels', (request) => ok(world.channelsOf(guildOf(request).id).map((c) => channelPayload(world, c)))),
    route('POST', '/guilds/:guildId/channels', createChannel),
    route('GET', '/guilds/:guildId/roles', (request) => ok(guildOf(request).roles.map(rolePayload))),
    route('GET', '/guilds/:guildId/members/:userId', (request) => {
      const member = guildOf(request).members.get(param(request, 'userId'));
      return member ? ok(memberPayload(world, member)) : fail(404, 10007, 'Unknown Member');
    }),
    route('GET', `${apps}/commands`, (request) => ok(commandsOf(request))),
    route('PUT', `${apps}/commands`, putCommands),
    route('POST', `${apps}/commands`, postCommand),
    route('GET', `${apps}/guilds/:guildId/commands`, (request) => ok(commandsOf(request))),
    route('PUT', `${apps}/guilds/:guildId/commands`, putCommands),
    route('POST', `${apps}/guilds/:guildId/commands`, postCommand),
  ];
}
