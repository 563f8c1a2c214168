/*
 * A loopback Slack for tests: a real Bolt App talks to it through clientOptions.slackApiUrl, and it
 * sends the app signed requests (or Socket Mode envelopes) as Slack does. One HTTP server on 127.0.0.1:
 *   POST /api/<method>     the Web API          POST /upload/<file id>   files.uploadV2's upload URL
 *   POST /response/<id>    response_urls        GET  /socket (upgrade)   Socket Mode
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inbound } from './inbound';
import type { MethodContext } from './method-kit';
import { handleResponseUrl } from './response-url';
import { SlackState } from './slack-state';
import { SocketModeServer } from './socket-mode-server';
import type { FakeSlack, FakeSlackOptions } from './types';
import { stateFor } from './view-state';
import { handleApiCall, handleUpload } from './web-api-server';

export type * from './types';

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0FAKETEAM';
  const botUserId = options.botUserId ?? 'U0FAKEBOT';
  const botToken = options.botToken ?? 'xoxb-fake-bot-token';
  const appToken = options.appToken ?? 'xapp-1-fake-app-token';
  const signingSecret = options.signingSecret ?? 'fake-signing-secret';
  const workspace = { teamId, botUserId, botId: options.botId ?? 'B0FAKEBOT', appId: options.appId ?? 'A0FAKEAPP' };

  const state = new SlackState(botUserId, options.triggerTtlMs ?? 3_000, options.responseUrlTtlMs ?? 30 * 60_000);
  for (const user of options.users) state.users.set(user.id, user);
  if (!state.users.has(botUserId)) state.users.set(botUserId, { id: botUserId, name: 'mentorat' });
  for (const group of options.userGroups ?? []) {
    state.userGroups.set(group.id, { handle: group.handle, name: group.name ?? group.handle, users: group.users });
  }
  const general = state.addChannel({
    id: 'C0GENERAL',
    name: 'general',
    isPrivate: false,
    members: [...state.users.keys()],
    createdBy: options.users[0]?.id ?? botUserId,
  });

  for (const channel of options.channels ?? []) state.addChannel({ ...channel, createdBy: channel.members[0] ?? botUserId });

  const socket = new SocketModeServer(workspace.appId, options.socketAckTimeoutMs ?? 10_000);
  let host = '127.0.0.1';
  const context: MethodContext = { ...workspace, state, baseUrl: '', openSocketUrl: () => socket.issueUrl(host) };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', context.baseUrl);
    const [, kind, id = ''] = url.pathname.split('/');
    if (request.method === 'POST' && kind === 'api') return handleApiCall(request, response, id, context, { botToken, appToken });
    if (request.method === 'POST' && kind === 'upload') return handleUpload(request, response, id, context);
    if (request.method === 'POST' && kind === 'response') return handleResponseUrl(request, response, id, url.toString(), state);
    request.resume();
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fake Slack: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.on('upgrade', (request, duplex, head: Buffer) => socket.handleUpgrade(request, duplex, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  context.baseUrl = `http://${host}`;

  const inbound = new Inbound({ state, workspace, signingSecret, baseUrl: context.baseUrl, socket, generalChannelId: general.id });

  return {
    apiUrl: `${context.baseUrl}/api/`,
    teamId,
    botToken,
    appToken,
    signingSecret,
    botUserId,
    botId: workspace.botId,
    appId: workspace.appId,
    generalChannelId: general.id,
    async close() {
      await socket.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    setTarget(target) {
      inbound.target = target;
    },
    setClockOffset(seconds) {
      inbound.clockOffsetSeconds = seconds;
    },
    slashCommand: (input) => inbound.slashCommand(input),
    blockAction: (input) => inbound.blockAction(input),
    viewSubmission: (input) => inbound.viewSubmission(input),
    stateFor,
    sendRaw: (input) => inbound.sendRaw(input),
    sign: (body, timestamp) => inbound.sign(body, timestamp),
    get views() {
      return state.views;
    },
    currentView: (viewId) => state.latestView(viewId),
    get messages() {
      return state.messages;
    },
    messagesIn: (channelId) => state.messages.filter((message) => message.channel === channelId),
    ephemeralsTo: (userId) => state.messages.filter((message) => message.ephemeral && message.user === userId),
    dmsTo: (userId) => {
      const im = state.conversations.find((conversation) => conversation.kind === 'im' && conversation.imUser === userId);
      return state.messages.filter((message) => message.channel === im?.id && !message.ephemeral);
    },
    imChannelOf: (userId) => state.imOf(userId).id,
    get channels() {
      return state.conversations
        .filter((conversation) => conversation.kind === 'channel')
        .map(({ id, name, isPrivate, members, topic, purpose, createdBy, archived }) => ({
          id,
          name,
          isPrivate,
          members,
          createdBy,
          ...(archived ? { archived } : {}),
          ...(topic !== undefined ? { topic } : {}),
          ...(purpose !== undefined ? { purpose } : {}),
        }));
    },
    get uploads() {
      return state.uploads;
    },
    get calls() {
      return state.calls;
    },
    get responseUrlPosts() {
      return state.responseUrlPosts;
    },
    get responseUrlRefusals() {
      return state.responseUrlRefusals;
    },
    get socketConnections() {
      return socket.connections;
    },
    refuseUser: (userId, error) => state.refusals.set(userId, error),
    rateLimitNext: (method, retryAfterSeconds) => state.rateLimits.set(method, retryAfterSeconds),
    limitRate: (method, { calls, perSeconds }) =>
      state.rateWindows.set(method, { calls, windowMs: perSeconds * 1000, startedAt: 0, used: 0 }),
    nameTaken: (name) => state.takenNames.add(name),
    withoutScope(method, needed) {
      if (needed === undefined) state.missingScopes.delete(method);
      else state.missingScopes.set(method, needed);
    },
  };
}
