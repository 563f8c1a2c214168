/*
 * The bot scopes the manifest asks for, derived from what the bot really does: the end-to-end runs
 * below drive the real Bolt app against the loopback Slack, which records every Web API method called
 * (with the kind of conversation it named); a table gives each method's scope. A method the bot calls
 * whose scope is not declared fails, and so does a declared scope nothing used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/core/command';
import { LOCALES } from '../../src/core/i18n/locale';
import type { CommunityRef } from '../../src/core/identity';
import { messages } from '../../src/core/reply';
import { BOT_SCOPES } from '../../src/platforms/slack/slack-manifest';
import { createSlackPlatform } from '../../src/platforms/slack/slack-platform';
import { type ConversationKind, type RecordedUse, recordedUses } from '../fakes/slack/method-log';
import { coordinatorScenariosFor } from '../scenarios/coordinator-flow';
import { scenariosFor } from '../scenarios/participant-journey';
import { runScenarioOnSlack } from '../scenarios/slack-driver';
import { slackUserIdOf, startSlackWorld } from '../support/slack-world';

type WebApiUse = Extract<RecordedUse, { kind: 'web-api' }>;

/** The bot scope each method needs for the conversations the bot uses it on (Slack's method reference). */
const byConversation =
  (scopes: Partial<Record<ConversationKind, string>>) =>
  (use: WebApiUse): string | undefined =>
    use.conversation ? scopes[use.conversation] : undefined;
const METHOD_SCOPES: Record<string, (use: WebApiUse) => string | null | undefined> = {
  // No scope: the token's identity, and modals opened with a trigger_id.
  'auth.test': () => null,
  'views.open': () => null,
  'views.update': () => null,
  'views.push': () => null,
  'users.info': () => 'users:read',
  'usergroups.list': () => 'usergroups:read',
  'usergroups.users.list': () => 'usergroups:read',
  'chat.postMessage': () => 'chat:write',
  'chat.postEphemeral': () => 'chat:write',
  'chat.update': () => 'chat:write',
  'conversations.open': byConversation({ im: 'im:write', mpim: 'mpim:write' }),
  'conversations.create': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.invite': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.setPurpose': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.setTopic': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.kick': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.archive': byConversation({ private: 'groups:write', public: 'channels:manage' }),
  'conversations.info': byConversation({ private: 'groups:read', public: 'channels:read', im: 'im:read', mpim: 'mpim:read' }),
  'conversations.members': byConversation({ private: 'groups:read', public: 'channels:read', im: 'im:read', mpim: 'mpim:read' }),
  'conversations.history': byConversation({
    private: 'groups:history',
    public: 'channels:history',
    im: 'im:history',
    mpim: 'mpim:history',
  }),
  // files.uploadV2 is these two calls.
  'files.getUploadURLExternal': () => 'files:write',
  'files.completeUploadExternal': () => 'files:write',
};
/** Slash commands reach the app only with this scope. */
const SLASH_COMMANDS_SCOPE = 'commands';

/** The Web API methods our Slack code calls, read from its source (files.uploadV2 is two calls on the wire). */
function methodsInSource(): string[] {
  const folder = path.resolve(import.meta.dirname, '../../src/platforms/slack');
  const methods = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    for (const match of readFileSync(path.join(folder, file), 'utf8').matchAll(/client\.([a-z]+(?:\.[a-zA-Z0-9]+)+)\(/g)) {
      const method = match[1] ?? '';
      if (method === 'files.uploadV2') methods.add('files.getUploadURLExternal').add('files.completeUploadExternal');
      else methods.add(method);
    }
  }
  return [...methods].sort();
}

/** What the announcement job, a restart and the end of a cycle ask of Slack beyond the scenarios: reopening a space, messages that may have been sent, archiving. */
async function reopenAndDeliverAgain(): Promise<void> {
  const world = await startSlackWorld();
  try {
    const chat = createSlackPlatform(world.bot.app.client, world.store);
    const community: CommunityRef = { platform: 'slack', id: world.fake.teamId };
    const request = { key: 'binome:scopes', name: 'Binôme Alice & Bob', memberIds: [slackUserIdOf('alice'), slackUserIdOf('bob')] };
    const opened = await chat.openPrivateSpace(community, request);
    if (!opened.ok) throw new Error(`space not opened: ${opened.reason}`);
    expect(await chat.openPrivateSpace(community, request)).toMatchObject({ ok: true, created: false });
    const again = { key: 'welcome', mayHaveBeenSent: true };
    expect(await chat.postInSpace(community, opened.space.id, { text: 'Bienvenue' }, again)).toEqual({ ok: true });
    expect(await chat.sendDirectMessage(community, slackUserIdOf('bob'), { text: 'Votre binôme' }, again)).toEqual({ ok: true });
    // The end of a binôme: a member leaves the channel, then, at the end of the cycle, it is archived.
    expect(await chat.removeFromSpace(community, opened.space.id, slackUserIdOf('bob'))).toEqual({ ok: true });
    expect(await chat.archiveSpace(community, opened.space.id)).toEqual({ ok: true });
    // A coordination space: the coordinators' user group named by its handle, as config may name it.
    const coordination = { key: 'coordination:scopes', name: 'Coordination', memberIds: [], memberRoles: ['@coordination'] };
    expect(await chat.openPrivateSpace(community, coordination)).toMatchObject({ ok: true });
  } finally {
    await world.close();
  }
}

/** Long work reporting more often than a response_url takes: the reports beyond go as ephemeral messages. */
async function reportPastTheResponseUrl(): Promise<void> {
  const reporting = defineCommand({
    id: 'mentorat.report',
    group: 'mentorat',
    name: { fr: 'rapport', en: 'report' },
    description: 'command.mentorat.help.description',
    audience: 'everyone',
    options: [],
    input: z.object({}),
    run: async (ctx) => {
      for (let step = 1; step <= 6; step += 1) await ctx.responder.followUp({ text: `${step}/6` });
      return messages('6/6');
    },
  });
  const world = await startSlackWorld({ commands: [reporting] });
  try {
    await world.fake.slashCommand({ command: '/mentorat', text: 'rapport', userId: slackUserIdOf('alice') });
    await world.settle();
    expect(world.fake.ephemeralsTo(slackUserIdOf('alice'))).toHaveLength(7);
  } finally {
    await world.close();
  }
}

let bySocketMode: RecordedUse[] = [];
beforeAll(async () => {
  for (const locale of LOCALES) {
    for (const scenario of [...scenariosFor(locale), ...coordinatorScenariosFor(locale)]) await runScenarioOnSlack(scenario, locale);
  }
  await reopenAndDeliverAgain();
  await reportPastTheResponseUrl();
  const before = new Set(recordedUses().map((use) => JSON.stringify(use)));
  const socket = await startSlackWorld({ socketMode: true });
  await socket.fake.slashCommand({ command: '/mentorat', text: 'piliers', userId: slackUserIdOf('alice') });
  await socket.settle();
  await socket.close();
  bySocketMode = recordedUses().filter((use) => !before.has(JSON.stringify(use)));
}, 120_000);

function webApiUses(): WebApiUse[] {
  return recordedUses().filter((use): use is WebApiUse => use.kind === 'web-api');
}

function scopeOf(use: WebApiUse): string | null | undefined {
  return METHOD_SCOPES[use.method]?.(use);
}

/** The bot scopes the runs needed: each bot-token call's scope, and `commands` for the slash commands Slack sent. */
function neededScopes(): string[] {
  const scopes = new Set<string>();
  for (const use of webApiUses().filter((candidate) => candidate.token === 'bot')) {
    const scope = scopeOf(use);
    if (scope) scopes.add(scope);
  }
  if (recordedUses().some((use) => use.kind === 'inbound' && use.type === 'slash_commands')) scopes.add(SLASH_COMMANDS_SCOPE);
  return [...scopes].sort();
}

describe('the bot scopes, derived from end-to-end runs against the loopback Slack', () => {
  it('ran every Web API method our Slack code calls, so that nothing it does is left out', () => {
    const called = new Set(webApiUses().map((use) => use.method));
    expect(methodsInSource().filter((method) => !called.has(method))).toEqual([]);
  });

  it('knows the scope of every method the bot called, for the conversations it called it on', () => {
    const unknown = webApiUses()
      .filter((use) => use.token === 'bot' && scopeOf(use) === undefined)
      .map((use) => `${use.method} (${use.conversation ?? 'no conversation'})`);
    expect(unknown).toEqual([]);
  });

  it('declares every scope a method the bot called needs', () => {
    const missing = neededScopes().filter((scope) => !(BOT_SCOPES as readonly string[]).includes(scope));
    expect(missing).toEqual([]);
  });

  it('declares no scope that nothing used', () => {
    const needed = new Set(neededScopes());
    expect(BOT_SCOPES.filter((scope) => !needed.has(scope))).toEqual([]);
  });

  it('uses the app-level token only to open Socket Mode connections (connections:write, not a bot scope)', () => {
    expect(webApiUses().filter((use) => use.token !== 'bot')).toEqual([{ kind: 'web-api', method: 'apps.connections.open', token: 'app' }]);
    expect(bySocketMode).toContainEqual({ kind: 'web-api', method: 'apps.connections.open', token: 'app' });
  });
});
