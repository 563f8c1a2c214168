/**
 * A loopback Discord the real discord.js Client logs into: REST under /api/v10 and the gateway on the same
 * 127.0.0.1 port. Wire facts and pitfalls it reproduces: /work/shared/PLATFORM-FAKES.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayIntentBits } from 'discord.js';
import { FakeGateway } from './fake-gateway.js';
import { InteractionHub } from './fake-interactions.js';
import { channelPayload, rolePayload } from './fake-payloads.js';
import { createRestHandler } from './fake-rest.js';
import { interactionRoutes } from './fake-rest-interactions.js';
import { restRoutes } from './fake-rest-routes.js';
import { checkSnowflake, FakeWorld } from './fake-state.js';
import type { FakeDiscord, FakeDiscordOptions, RecordedRequest } from './types.js';

export type * from './types.js';

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const world = new FakeWorld(options);
  const token = options.token ?? 'fake-discord-bot-token';
  let port = 0;
  const server = createServer();
  const gateway = new FakeGateway({
    world,
    token,
    privilegedIntents: options.privilegedIntents ?? false,
    url: () => `ws://127.0.0.1:${port}`,
  });
  const hub = new InteractionHub(world, gateway, () => port, options.callbackTimeoutMs);
  const refusedGuilds = new Set<string>();
  const requests: RecordedRequest[] = [];
  const rest = createRestHandler({
    token,
    requests,
    routes: [
      ...interactionRoutes(world, hub, () => port, options.interactionTokenLifetimeMs),
      ...restRoutes({ world, gateway, port: () => port, refusedGuilds }),
    ],
  });
  server.on('request', (req, res) => {
    rest.handler(req, res).catch(() => res.destroy());
  });
  gateway.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId: world.applicationId,
    botUserId: world.botUserId,
    async close() {
      hub.close();
      await gateway.close();
      // undici keeps connections alive: close them, or server.close() waits for their timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
    get gatewayConnections() {
      return gateway.openSockets();
    },
    runCommand: (seed) => hub.runCommand(seed),
    pressButton: (seed) => hub.pressButton(seed),
    selectValues: (seed) => hub.selectValues(seed),
    submitModal: (seed) => hub.submitModal(seed),
    interactions: world.interactions,
    messagesIn: (channelId) => world.messagesIn(channelId),
    dmsTo(userId) {
      const channelId = world.dmChannelOf.get(userId);
      return channelId ? world.messagesIn(channelId) : [];
    },
    channel: (channelId) => world.channels.get(channelId),
    channelsOf: (guildId) => world.channelsOf(guildId),
    canView: (channelId, userId) => world.canView(channelId, userId),
    canSend: (channelId, userId) => world.canSend(channelId, userId),
    setBotPermissions(guildId, permissions) {
      const role = world.guilds.get(guildId)?.roles.find((candidate) => candidate.botId === world.botUserId);
      if (!role) throw new Error(`Fake Discord: unknown guild ${guildId}`);
      role.permissions = permissions;
      gateway.dispatch('GUILD_ROLE_UPDATE', { guild_id: guildId, role: rolePayload(role) }, GatewayIntentBits.Guilds);
    },
    registeredCommands: world.registeredCommands,
    requests,
    closeDms: (userId) => world.closedDms.add(userId),
    refuseChannelCreation: (guildId) => refusedGuilds.add(checkSnowflake(guildId, 'guild')),
    allowChannelCreation: (guildId) => void refusedGuilds.delete(guildId),
    addChannel(guildId, seed) {
      if (!world.guilds.has(guildId)) throw new Error(`Fake Discord: unknown guild ${guildId}`);
      const channel = world.addChannel({
        id: checkSnowflake(seed.id, 'channel'),
        guildId,
        name: seed.name,
        type: seed.type,
        parentId: seed.parentId ?? null,
        topic: seed.topic ?? null,
        permissionOverwrites: seed.permissionOverwrites ?? [],
      });
      gateway.dispatch('CHANNEL_CREATE', channelPayload(world, channel), GatewayIntentBits.Guilds);
      return channel;
    },
    beforeNextRequest: (match, action) => rest.beforeNext(match, action),
    rateLimitNext: (match, retryAfterSeconds) => rest.rateLimitNext(match, retryAfterSeconds),
    addUser: (userId, username) => void world.addUser(userId, username),
  };
}
