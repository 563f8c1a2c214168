import { type FetchFunction, LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../../src/core/identity';
import type { ChatPlatform, OpenSpaceResult } from '../../../src/core/ports';
import { mention } from '../../../src/core/reply';
import { createSlackPlatform } from '../../../src/platforms/slack/slack-platform';
import { createSlackSpaceRecords } from '../../../src/platforms/slack/slack-spaces';
import { createStore } from '../../../src/store/create-store';
import { keyOf } from '../../../src/store/key-segments';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/fake-slack';
import { tinyPng } from '../../support/tiny-png';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const CAROL = 'U0CAROL';
const GONE = 'U0GONE';

let fake: FakeSlack;
let store: KeyValueStore;
let community: CommunityRef;

beforeEach(async () => {
  fake = await startFakeSlack({
    users: [
      { id: ALICE, name: 'alice' },
      { id: BOB, name: 'bob' },
      { id: CAROL, name: 'carol' },
      { id: GONE, name: 'gone', deleted: true },
    ],
  });
  store = await createStore('memory://');
  community = { platform: 'slack', id: fake.teamId };
});

afterEach(async () => {
  await fake.close();
  await store.close();
});

/** Answers `method` with this body instead of the fake: what the fake cannot stage (scopes, archives, 5xx). */
function answering(method: string, body: Record<string, unknown>, status = 200, headers: Record<string, string> = {}): FetchFunction {
  return async (url, init) => {
    if (String(url).endsWith(`/${method}`)) {
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
    }
    return fetch(url, init);
  };
}

function clientFor(options: { token?: string; fetch?: FetchFunction; apiUrl?: string } = {}): WebClient {
  return new WebClient(options.token ?? fake.botToken, {
    slackApiUrl: options.apiUrl ?? fake.apiUrl,
    retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 },
    logLevel: LogLevel.ERROR,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

function platformWith(options: { token?: string; fetch?: FetchFunction; apiUrl?: string } = {}): ChatPlatform {
  return createSlackPlatform(clientFor(options), store);
}

function channelOf(result: OpenSpaceResult) {
  if (!result.ok) throw new Error(`the space was not opened: ${result.reason} ${result.detail ?? ''}`);
  const channel = fake.channels.find((candidate) => candidate.id === result.space.id);
  if (!channel) throw new Error(`no channel ${result.space.id} on the fake`);
  return channel;
}

const callsTo = (method: string) => fake.calls.filter((call) => call.method === method);
const BINOME = { key: 'binome:1', name: 'Binôme Alice & Bob', memberIds: [ALICE, BOB] };

describe('Slack direct messages', () => {
  it('delivers a DM in mrkdwn, without link previews', async () => {
    const result = await platformWith().sendDirectMessage(community, BOB, { text: '**Bonjour** Bob, lisez [la charte](https://cjsm.fr)' });
    expect(result).toEqual({ ok: true });
    expect(fake.dmsTo(BOB).map((message) => message.text)).toEqual(['*Bonjour* Bob, lisez <https://cjsm.fr|la charte>']);
    expect(callsTo('chat.postMessage')[0]?.params).toMatchObject({ unfurl_links: 'false' });
  });

  it('uploads a DM attachment into the conversation', async () => {
    const result = await platformWith().sendDirectMessage(community, ALICE, {
      text: 'Voici vos données.',
      attachments: [{ name: 'mes-donnees.json', mimeType: 'application/json', content: '{"nom":"Alice"}' }],
    });
    expect(result).toEqual({ ok: true });
    expect(fake.dmsTo(ALICE).map((message) => message.text)).toEqual(['Voici vos données.']);
    expect(fake.uploads).toEqual([
      {
        channel: fake.imChannelOf(ALICE),
        filename: 'mes-donnees.json',
        title: 'mes-donnees.json',
        content: '{"nom":"Alice"}',
        bytes: Buffer.from('{"nom":"Alice"}'),
      },
    ]);
  });

  it('uploads a PNG attachment unchanged: bytes are sent as they are, never read as text', async () => {
    const png = tinyPng();
    const result = await platformWith().sendDirectMessage(community, ALICE, {
      text: '',
      attachments: [{ name: 'stats.png', mimeType: 'image/png', content: new Uint8Array(png), image: { width: 5, height: 3 } }],
    });
    expect(result).toEqual({ ok: true });
    expect(fake.dmsTo(ALICE)).toEqual([]);
    expect(fake.uploads.map((upload) => [upload.filename, upload.bytes.equals(png)])).toEqual([['stats.png', true]]);
  });

  it('reports the app’s Messages tab switched off as a setting to change, naming it', async () => {
    fake.refuseUser(BOB, 'messages_tab_disabled');
    expect(await platformWith().sendDirectMessage(community, BOB, { text: 'Bonjour' })).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'App Home → Messages Tab',
    });
  });

  it('reports unknown, deactivated and bot recipients as unreachable', async () => {
    const platform = platformWith();
    for (const userId of ['U0NOBODY', GONE, fake.botUserId]) {
      expect(await platform.sendDirectMessage(community, userId, { text: 'Bonjour' }), userId).toEqual({
        ok: false,
        reason: 'unreachable',
      });
    }
    expect(fake.messages.filter((message) => message.channel !== fake.generalChannelId)).toEqual([]);
  });

  it('names the missing scope when Slack gives it, the refused method otherwise', async () => {
    const noScope = platformWith({ fetch: answering('chat.postMessage', { ok: false, error: 'missing_scope', needed: 'chat:write' }) });
    expect(await noScope.sendDirectMessage(community, BOB, { text: 'Bonjour' })).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'chat:write',
    });
    const restricted = platformWith({ fetch: answering('chat.postMessage', { ok: false, error: 'restricted_action' }) });
    expect(await restricted.sendDirectMessage(community, BOB, { text: 'Bonjour' })).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'chat.postMessage',
    });
    const appToken = platformWith({ token: fake.appToken });
    expect(await appToken.sendDirectMessage(community, BOB, { text: 'Bonjour' })).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'conversations.open',
    });
  });

  it('reports an upload refused for a scope, after the text went out', async () => {
    const platform = platformWith({
      fetch: answering('files.getUploadURLExternal', { ok: false, error: 'missing_scope', needed: 'files:write' }),
    });
    const result = await platform.sendDirectMessage(community, BOB, {
      text: 'Le fichier suit.',
      attachments: [{ name: 'inscrits.csv', mimeType: 'text/csv', content: 'nom\nBob\n' }],
    });
    expect(result).toEqual({ ok: false, reason: 'missing-permission', detail: 'files:write' });
    expect(fake.dmsTo(BOB).map((message) => message.text)).toEqual(['Le fichier suit.']);
  });

  it('waits out a rate limit on chat.postMessage and delivers once', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    expect(await platformWith().sendDirectMessage(community, BOB, { text: 'Bonjour' })).toEqual({ ok: true });
    expect(fake.dmsTo(BOB)).toHaveLength(1);
    expect(callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('throws what is not a refusal: a rate limit that outlasts the retries, a 5xx, a network failure', async () => {
    const limited = platformWith({
      fetch: answering('chat.postMessage', { ok: false, error: 'ratelimited' }, 429, { 'retry-after': '0' }),
    });
    await expect(limited.sendDirectMessage(community, BOB, { text: 'Bonjour' })).rejects.toThrow(/rate limit/i);
    const down = platformWith({ fetch: answering('chat.postMessage', { ok: false }, 503) });
    await expect(down.sendDirectMessage(community, BOB, { text: 'Bonjour' })).rejects.toMatchObject({ code: 'slack_webapi_http_error' });
    const offline = platformWith({ apiUrl: 'http://127.0.0.1:1/api/' });
    await expect(offline.sendDirectMessage(community, BOB, { text: 'Bonjour' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    const unknown = platformWith({ fetch: answering('chat.postMessage', { ok: false, error: 'msg_too_long' }) });
    await expect(unknown.sendDirectMessage(community, BOB, { text: 'Bonjour' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'msg_too_long' },
    });
  });
});

describe('Slack binôme channels', () => {
  it('opens a private channel with exactly the members and the bot, and the key in its purpose', async () => {
    const result = await platformWith().openPrivateSpace(community, BINOME);
    expect(result).toMatchObject({ ok: true, created: true, space: { name: 'binome-alice-bob' } });
    const channel = channelOf(result);
    expect(channel).toMatchObject({ isPrivate: true, createdBy: fake.botUserId, purpose: 'Binôme Alice & Bob [mentorat:binome:1]' });
    expect([...channel.members].sort()).toEqual([ALICE, BOB, fake.botUserId].sort());
    expect(result.ok && result.space.link).toBe(`https://slack.com/app_redirect?channel=${channel.id}&team=${fake.teamId}`);
  });

  it('opens the same channel again for the same key, adding nobody twice', async () => {
    const platform = platformWith();
    const first = await platform.openPrivateSpace(community, BINOME);
    const again = await platform.openPrivateSpace(community, BINOME);
    expect(again).toEqual({ ok: true, created: false, space: first.ok ? first.space : undefined });
    expect(callsTo('conversations.create')).toHaveLength(1);
    expect(callsTo('conversations.invite')).toHaveLength(1);
    expect(channelOf(again).members).toHaveLength(3);
  });

  it('takes the next free name when Slack says the name is taken, within 80 characters', async () => {
    fake.nameTaken('binome-alice-bob');
    expect(await platformWith().openPrivateSpace(community, BINOME)).toMatchObject({ ok: true, space: { name: 'binome-alice-bob-2' } });
    const long = 'x'.repeat(100);
    fake.nameTaken('x'.repeat(80));
    fake.nameTaken(`${'x'.repeat(78)}-2`);
    const result = await platformWith().openPrivateSpace(community, { key: 'long', name: long, memberIds: [ALICE] });
    expect(result).toMatchObject({ ok: true, space: { name: `${'x'.repeat(78)}-3` } });
  });

  it('finds the channel after a restart and invites a member added since', async () => {
    const before = await platformWith().openPrivateSpace(community, BINOME);
    const afterRestart = await platformWith().openPrivateSpace(community, { ...BINOME, memberIds: [ALICE, BOB, CAROL] });
    expect(afterRestart).toMatchObject({ ok: true, created: false, space: { id: before.ok ? before.space.id : '' } });
    expect([...channelOf(afterRestart).members].sort()).toEqual([ALICE, BOB, CAROL, fake.botUserId].sort());
  });

  it('finishes the work of a run that stopped right after creating the channel', async () => {
    const created = await clientFor().conversations.create({ name: 'binome-alice-bob', is_private: true });
    const channelId = created.channel?.id ?? '';
    await createSlackSpaceRecords(store).save(community, { key: BINOME.key, channelId, name: 'binome-alice-bob' });
    const result = await platformWith().openPrivateSpace(community, BINOME);
    expect(result).toMatchObject({ ok: true, created: false, space: { id: channelId } });
    const channel = channelOf(result);
    expect([...channel.members].sort()).toEqual([ALICE, BOB, fake.botUserId].sort());
    expect(channel.purpose).toBe('Binôme Alice & Bob [mentorat:binome:1]');
    expect(callsTo('conversations.create')).toHaveLength(1);
  });

  it('creates a new channel when the recorded one is unknown or archived, and records it', async () => {
    const records = createSlackSpaceRecords(store);
    await records.save(community, { key: BINOME.key, channelId: 'C0UNKNOWN', name: 'binome-alice-bob' });
    const replaced = await platformWith().openPrivateSpace(community, BINOME);
    expect(replaced).toMatchObject({ ok: true, created: true });
    const replacedId = replaced.ok ? replaced.space.id : '';
    expect(await records.find(community, BINOME.key)).toEqual({ key: BINOME.key, channelId: replacedId, name: 'binome-alice-bob' });

    // Archived: Slack keeps an archived channel's name, so the new one takes the next.
    const archivedInfo: FetchFunction = async (url, init) => {
      const response = await fetch(url, init);
      if (!String(url).endsWith('/conversations.info')) return response;
      const body = (await response.json()) as { channel: Record<string, unknown> };
      return Response.json({ ...body, channel: { ...body.channel, is_archived: true } });
    };
    const afterArchive = await platformWith({ fetch: archivedInfo }).openPrivateSpace(community, BINOME);
    expect(afterArchive).toMatchObject({ ok: true, created: true, space: { name: 'binome-alice-bob-2' } });
    expect((await records.find(community, BINOME.key))?.channelId).toBe(afterArchive.ok ? afterArchive.space.id : '');
  });

  it('refuses a corrupt record instead of guessing', async () => {
    await store.set(keyOf('slack-space', community.id, BINOME.key), { channelId: 42 });
    await expect(platformWith().openPrivateSpace(community, BINOME)).rejects.toThrow(/invalid/);
  });

  it('creates one channel for two openings of the same key at once', async () => {
    const platform = platformWith();
    const [one, two] = await Promise.all([platform.openPrivateSpace(community, BINOME), platform.openPrivateSpace(community, BINOME)]);
    expect(one.ok && two.ok && one.space.id === two.space.id).toBe(true);
    expect(callsTo('conversations.create')).toHaveLength(1);
  });

  it('names the member Slack will not let in', async () => {
    const result = await platformWith().openPrivateSpace(community, { key: 'b2', name: 'Binôme 2', memberIds: [ALICE, GONE] });
    expect(result).toEqual({ ok: false, reason: 'unreachable', detail: GONE });
    const cantInvite = platformWith({ fetch: answering('conversations.invite', { ok: false, error: 'cant_invite' }) });
    expect(await cantInvite.openPrivateSpace(community, { key: 'b3', name: 'Binôme 3', memberIds: [CAROL] })).toEqual({
      ok: false,
      reason: 'unreachable',
      detail: CAROL,
    });
  });

  it('reports a missing scope or a workspace that forbids apps to create private channels', async () => {
    const noScope = platformWith({
      fetch: answering('conversations.create', { ok: false, error: 'missing_scope', needed: 'groups:write' }),
    });
    expect(await noScope.openPrivateSpace(community, BINOME)).toEqual({ ok: false, reason: 'missing-permission', detail: 'groups:write' });
    const restricted = platformWith({ fetch: answering('conversations.create', { ok: false, error: 'restricted_action' }) });
    expect(await restricted.openPrivateSpace(community, BINOME)).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'conversations.create',
    });
  });

  it('waits out a rate limit on conversations.create (Retry-After) and creates one channel', async () => {
    fake.rateLimitNext('conversations.create', 1);
    const started = Date.now();
    const result = await platformWith().openPrivateSpace(community, BINOME);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result).toMatchObject({ ok: true, created: true, space: { name: 'binome-alice-bob' } });
    expect([...channelOf(result).members].sort()).toEqual([ALICE, BOB, fake.botUserId].sort());
    expect(callsTo('conversations.create')).toHaveLength(2);
    expect(fake.channels.filter((channel) => channel.isPrivate)).toHaveLength(1);
  });

  it('opens 60 spaces one after the other under Slack’s creation limit, each with its own name and exactly its members', async () => {
    // Slack allows about 20 channel creations a minute; here 20 a second, so that the test waits seconds, not minutes.
    fake.limitRate('conversations.create', { calls: 20, perSeconds: 1 });
    const people = [ALICE, BOB, CAROL];
    const requests = Array.from({ length: 60 }, (_, index) => ({
      key: `binome:${index}`,
      // Every tenth name comes back, as two binômes of the same people would: the second takes `-2`.
      name: `Binôme ${index % 50}`,
      memberIds: [people[index % 3] ?? ALICE, people[(index + 1) % 3] ?? BOB],
    }));
    const platform = platformWith();
    const results: OpenSpaceResult[] = [];
    for (const request of requests) results.push(await platform.openPrivateSpace(community, request));

    expect(results.every((result) => result.ok && result.created)).toBe(true);
    const channels = results.map(channelOf);
    expect(new Set(channels.map((channel) => channel.id)).size).toBe(60);
    expect(new Set(channels.map((channel) => channel.name)).size).toBe(60);
    expect(channels[59]?.name).toBe('binome-9-2');
    for (const [index, channel] of channels.entries()) {
      expect([...channel.members].sort(), channel.name).toEqual([...(requests[index]?.memberIds ?? []), fake.botUserId].sort());
      expect(channel.purpose).toContain(`[mentorat:binome:${index}]`);
    }
    // 60 creations and 10 names taken, plus the calls Slack held back and the client made again.
    expect(callsTo('conversations.create').length).toBeGreaterThan(70);
  });

  it('posts in the channel in mrkdwn, with files, and reports a channel it cannot reach', async () => {
    const platform = platformWith();
    const opened = await platform.openPrivateSpace(community, BINOME);
    const id = opened.ok ? opened.space.id : '';
    const posted = await platform.postInSpace(community, id, {
      text: `Bienvenue **Alice** & **Bob** !`,
      attachments: [{ name: 'charte.txt', mimeType: 'text/plain', content: 'La charte' }],
    });
    expect(posted).toEqual({ ok: true });
    expect(fake.messagesIn(id).map((message) => message.text)).toEqual(['Bienvenue *Alice* &amp; *Bob* !']);
    expect(fake.uploads).toMatchObject([{ channel: id, filename: 'charte.txt', content: 'La charte' }]);
    expect(await platform.postInSpace(community, 'C0UNKNOWN', { text: 'Bonjour' })).toEqual({ ok: false, reason: 'unreachable' });
    const archived = platformWith({ fetch: answering('chat.postMessage', { ok: false, error: 'is_archived' }) });
    expect(await archived.postInSpace(community, id, { text: 'Bonjour' })).toEqual({ ok: false, reason: 'unreachable' });
  });
});

describe('Slack messages that must arrive once', () => {
  const keyOfMessage = (message: { metadata?: { event_payload: Record<string, unknown> } }) => message.metadata?.event_payload.key;

  it('carry their key as metadata, and are looked for by it when they may have been sent, also after a restart', async () => {
    const opened = await platformWith().openPrivateSpace(community, BINOME);
    const id = opened.ok ? opened.space.id : '';
    const message = { text: `Bienvenue ${mention(ALICE)} et ${mention(BOB)} !` };
    expect(await platformWith().postInSpace(community, id, message, { key: 'announce:1' })).toEqual({ ok: true });
    expect(await platformWith().postInSpace(community, id, message, { key: 'announce:1', mayHaveBeenSent: true })).toEqual({ ok: true });
    expect(fake.messagesIn(id).map((posted) => [posted.text, keyOfMessage(posted)])).toEqual([
      [`Bienvenue <@${ALICE}> et <@${BOB}> !`, 'announce:1'],
    ]);
    expect(callsTo('conversations.history').map((call) => call.params)).toEqual([
      expect.objectContaining({ channel: id, limit: '15', include_all_metadata: 'true' }),
    ]);
    expect(callsTo('chat.postMessage')[0]?.params.metadata).toEqual({
      event_type: 'mentorat_delivery',
      event_payload: { key: 'announce:1' },
    });
  });

  it('in a DM: found when it went out, sent when it did not', async () => {
    const platform = platformWith();
    expect(await platform.sendDirectMessage(community, BOB, { text: 'Votre binôme est Alice' }, { key: 'dm:bob' })).toEqual({ ok: true });
    expect(
      await platform.sendDirectMessage(community, BOB, { text: 'Votre binôme est Alice' }, { key: 'dm:bob', mayHaveBeenSent: true }),
    ).toEqual({
      ok: true,
    });
    expect(await platform.sendDirectMessage(community, BOB, { text: 'Rappel' }, { key: 'dm:bob:2', mayHaveBeenSent: true })).toEqual({
      ok: true,
    });
    expect(fake.dmsTo(BOB).map((posted) => [posted.text, keyOfMessage(posted)])).toEqual([
      ['Votre binôme est Alice', 'dm:bob'],
      ['Rappel', 'dm:bob:2'],
    ]);
  });

  it('without a key, are sent as often as asked, with no metadata and no history read', async () => {
    const platform = platformWith();
    await platform.sendDirectMessage(community, BOB, { text: 'Bonjour' });
    await platform.sendDirectMessage(community, BOB, { text: 'Bonjour' });
    expect(fake.dmsTo(BOB).map((posted) => [posted.text, posted.metadata])).toEqual([
      ['Bonjour', undefined],
      ['Bonjour', undefined],
    ]);
    expect(callsTo('conversations.history')).toEqual([]);
  });

  it('still report refused, unreachable people and a missing history scope as typed results', async () => {
    const options = { key: 'dm:x', mayHaveBeenSent: true };
    fake.refuseUser(CAROL, 'messages_tab_disabled');
    expect(await platformWith().sendDirectMessage(community, CAROL, { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'App Home → Messages Tab',
    });
    expect(await platformWith().sendDirectMessage(community, GONE, { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(await platformWith().postInSpace(community, 'C0UNKNOWN', { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    const withoutScope = platformWith({
      fetch: answering('conversations.history', { ok: false, error: 'missing_scope', needed: 'im:history' }),
    });
    expect(await withoutScope.sendDirectMessage(community, BOB, { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'im:history',
    });
    expect(fake.dmsTo(BOB)).toEqual([]);
  });
});

describe('ending a binôme’s channel on Slack', () => {
  it('removes a member, and answers ok for someone already gone (not_in_channel)', async () => {
    const chat = platformWith();
    const opened = await chat.openPrivateSpace(community, BINOME);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await chat.removeFromSpace(community, opened.space.id, BOB)).toEqual({ ok: true });
    expect(fake.channels.find((channel) => channel.id === opened.space.id)?.members).not.toContain(BOB);
    expect(await chat.removeFromSpace(community, opened.space.id, BOB)).toEqual({ ok: true });
  });

  it('archives a channel, and archiving it again is ok (already_archived); a channel gone is unreachable', async () => {
    const chat = platformWith();
    const opened = await chat.openPrivateSpace(community, BINOME);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await chat.archiveSpace(community, opened.space.id)).toEqual({ ok: true });
    expect(await chat.archiveSpace(community, opened.space.id)).toEqual({ ok: true });
    expect(await chat.postInSpace(community, opened.space.id, { text: 'encore ?' })).toEqual({ ok: false, reason: 'unreachable' });
    expect(await chat.archiveSpace(community, 'C0NOWHERE')).toEqual({ ok: false, reason: 'unreachable' });
    expect(await chat.removeFromSpace(community, 'C0NOWHERE', BOB)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('names the scope to grant, or the method a workspace forbids', async () => {
    fake.withoutScope('conversations.kick', 'groups:write');
    const chat = platformWith();
    const opened = await chat.openPrivateSpace(community, BINOME);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await chat.removeFromSpace(community, opened.space.id, BOB)).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'groups:write',
    });
    const restricted = platformWith({ fetch: answering('conversations.archive', { ok: false, error: 'restricted_action' }) });
    expect(await restricted.archiveSpace(community, opened.space.id)).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'conversations.archive',
    });
  });
});
