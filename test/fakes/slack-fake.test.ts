/*
 * The loopback Slack, checked against the real Bolt App (no bot code of ours): if an upgrade of
 * @slack/bolt changes the wire, these fail instead of the bot's tests silently missing interactions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, type types } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { pixelsOf, tinyPng } from '../support/tiny-png';
import { type FakeSlack, type FakeView, startFakeSlack } from './slack/fake-slack';
import { recordedUses } from './slack/method-log';

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const CAROL = 'U0CAROL';
const TRIGGER_TTL_MS = 400;

const modal: types.ModalView = {
  type: 'modal',
  callback_id: 'inscription',
  private_metadata: 'programme-1',
  title: { type: 'plain_text', text: 'Inscription' },
  submit: { type: 'plain_text', text: 'Envoyer' },
  blocks: [
    {
      type: 'input',
      block_id: 'name',
      label: { type: 'plain_text', text: 'Nom' },
      element: { type: 'plain_text_input', action_id: 'value' },
    },
    {
      type: 'input',
      block_id: 'role',
      label: { type: 'plain_text', text: 'Rôle' },
      element: {
        type: 'static_select',
        action_id: 'value',
        options: [
          { text: { type: 'plain_text', text: 'Mentor' }, value: 'mentor' },
          { text: { type: 'plain_text', text: 'Mentoré·e' }, value: 'mentee' },
        ],
      },
    },
    {
      type: 'input',
      block_id: 'interests',
      label: { type: 'plain_text', text: 'Intérêts' },
      element: {
        type: 'multi_static_select',
        action_id: 'value',
        options: ['ml', 'stats', 'bio'].map((value) => ({ text: { type: 'plain_text' as const, text: value.toUpperCase() }, value })),
      },
    },
    {
      type: 'input',
      block_id: 'consent',
      label: { type: 'plain_text', text: 'Charte' },
      element: { type: 'checkboxes', action_id: 'value', options: [{ text: { type: 'plain_text', text: 'J’accepte' }, value: 'yes' }] },
    },
    {
      type: 'input',
      block_id: 'about',
      optional: true,
      label: { type: 'plain_text', text: 'À propos' },
      element: { type: 'plain_text_input', action_id: 'value' },
    },
  ],
};

const slackError = z.object({ code: z.literal('slack_webapi_platform_error'), data: z.object({ error: z.string() }) });

/** The `error` code of a failed Web API call, as the app sees it. */
async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return slackError.parse(error).data.error;
  }
  throw new Error('the call succeeded');
}

let fake: FakeSlack;
const running: App[] = [];

beforeEach(async () => {
  fake = await startFakeSlack({
    users: [
      { id: ALICE, name: 'alice', realName: 'Alice Martin', locale: 'fr-FR' },
      { id: BOB, name: 'bob', locale: 'en-US' },
      { id: CAROL, name: 'carol' },
    ],
    userGroups: [{ id: 'S0COORD', handle: 'coordination', users: [ALICE] }],
    triggerTtlMs: TRIGGER_TTL_MS,
  });
});

afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
  await fake.close();
});

function acknowledgeCommands(app: App): void {
  app.command('/mentorat', async ({ ack }) => ack());
}

/** A Bolt App with its HTTP receiver on a free loopback port, which the fake then sends its requests to. */
async function startHttpApp(
  configure: (app: App) => void = acknowledgeCommands,
  retryConfig: { retries: number; minTimeout?: number; maxTimeout?: number } = { retries: 0 },
) {
  const app = new App({
    token: fake.botToken,
    signingSecret: fake.signingSecret,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig },
  });
  configure(app);
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  running.push(app);
  fake.setTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
  return app;
}

/** Opens the inscription modal for Alice through a slash command, as a bot does. */
async function openModal(): Promise<FakeView> {
  await startHttpApp((app) => {
    app.command('/mentorat', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    });
  });
  await fake.slashCommand({ command: '/mentorat', text: 'inscription', userId: ALICE });
  return vi.waitFor(() => {
    const view = fake.views[0];
    if (!view) throw new Error('no view yet');
    return view;
  });
}

describe('the fake Slack, driven by a real Bolt App over HTTP', () => {
  it('delivers a signed slash command, and shows its ack text to its author only', async () => {
    const seen: { text: string; userId: string; channelId: string }[] = [];
    await startHttpApp((app) => {
      app.command('/mentorat', async ({ command, ack }) => {
        seen.push({ text: command.text, userId: command.user_id, channelId: command.channel_id });
        await ack('texte');
      });
    });
    const result = await fake.slashCommand({ command: '/mentorat', text: 'profil voir', userId: ALICE });
    expect(seen).toEqual([{ text: 'profil voir', userId: ALICE, channelId: fake.generalChannelId }]);
    expect(result).toMatchObject({ status: 200, body: 'texte' });
    expect(result.triggerId).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    expect(fake.ephemeralsTo(ALICE)).toMatchObject([{ text: 'texte', ephemeral: true, channel: fake.generalChannelId }]);
    expect(fake.ephemeralsTo(BOB)).toEqual([]);
  });

  it('records respond() as an ephemeral post to the response_url', async () => {
    await startHttpApp((app) => {
      app.command('/mentorat', async ({ ack, respond }) => {
        await ack();
        await respond({ text: 'Inscription enregistrée', response_type: 'ephemeral' });
      });
    });
    const { responseUrl } = await fake.slashCommand({ command: '/mentorat', userId: BOB });
    await vi.waitFor(() => expect(fake.responseUrlPosts).toHaveLength(1));
    expect(fake.responseUrlPosts[0]).toEqual({ url: responseUrl, body: { text: 'Inscription enregistrée', response_type: 'ephemeral' } });
    expect(fake.ephemeralsTo(BOB)).toMatchObject([{ text: 'Inscription enregistrée', viaResponseUrl: true }]);
  });

  it('takes five posts on a response_url, then answers 404 used_url', async () => {
    await startHttpApp();
    const { responseUrl } = await fake.slashCommand({ command: '/mentorat', userId: BOB });
    const post = () => fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    for (let use = 0; use < 5; use += 1) expect((await post()).status).toBe(200);
    const refused = await post();
    expect([refused.status, await refused.text()]).toEqual([404, 'used_url']);
    expect(fake.responseUrlRefusals).toEqual([{ url: responseUrl, status: 404, error: 'used_url' }]);
    expect(fake.responseUrlPosts).toHaveLength(5);
  });

  it('refuses a response_url once its time is over (30 minutes on Slack) with 404 expired_url', async () => {
    const shortLived = await startFakeSlack({ users: [{ id: BOB, name: 'bob' }], responseUrlTtlMs: 100 });
    try {
      const app = new App({
        token: shortLived.botToken,
        signingSecret: shortLived.signingSecret,
        logLevel: LogLevel.ERROR,
        clientOptions: { slackApiUrl: shortLived.apiUrl, retryConfig: { retries: 0 } },
      });
      acknowledgeCommands(app);
      const server = await app.start({ port: 0, host: '127.0.0.1' });
      running.push(app);
      shortLived.setTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
      const { responseUrl } = await shortLived.slashCommand({ command: '/mentorat', userId: BOB });
      const post = () => fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
      expect((await post()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const refused = await post();
      expect([refused.status, await refused.text()]).toEqual([404, 'expired_url']);
      expect(shortLived.responseUrlRefusals).toEqual([{ url: responseUrl, status: 404, error: 'expired_url' }]);
      const unknown = await fetch(`${shortLived.apiUrl.replace(/api\/$/, '')}response/nothing`, { method: 'POST', body: '{}' });
      expect([unknown.status, await unknown.text()]).toEqual([404, 'no_service']);
    } finally {
      for (const app of running.splice(0)) await app.stop();
      await shortLived.close();
    }
  });

  it('opens a modal with the trigger_id of the command', async () => {
    const view = await openModal();
    expect(view).toMatchObject({ kind: 'open', userId: ALICE, view: { callback_id: 'inscription', title: { text: 'Inscription' } } });
    expect(fake.calls.find((call) => call.method === 'views.open')).toMatchObject({
      token: fake.botToken,
      params: { trigger_id: view.triggerId },
    });
  });

  it('refuses an expired trigger_id, and one it never issued', async () => {
    const app = await startHttpApp();
    const { triggerId } = await fake.slashCommand({ command: '/mentorat', userId: ALICE });
    await new Promise((resolve) => setTimeout(resolve, TRIGGER_TTL_MS + 100));
    expect(await errorCodeOf(app.client.views.open({ trigger_id: triggerId, view: modal }))).toBe('expired_trigger_id');
    expect(await errorCodeOf(app.client.views.open({ trigger_id: '1.2.abc', view: modal }))).toBe('invalid_trigger_id');
    expect(fake.views).toEqual([]);
  });

  it('refuses a view beyond Slack limits with invalid_arguments and its messages', async () => {
    const app = await startHttpApp();
    const { triggerId } = await fake.slashCommand({ command: '/mentorat', userId: ALICE });
    const tooLong = { ...modal, title: { type: 'plain_text' as const, text: 'Un titre bien trop long pour Slack' } };
    const error = await app.client.views.open({ trigger_id: triggerId, view: tooLong }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      data: {
        ok: false,
        error: 'invalid_arguments',
        response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
      },
    });
  });

  it('delivers a view_submission with the state built by stateFor, and returns the errors of the ack', async () => {
    const view = await openModal();
    const submitted: { values: unknown; metadata: string; userId: string }[] = [];
    running[0]?.view('inscription', async ({ ack, view: payload, body }) => {
      submitted.push({ values: payload.state.values, metadata: payload.private_metadata, userId: body.user.id });
      await ack({ response_action: 'errors', errors: { name: 'Trop court' } });
    });
    const values = fake.stateFor(view, { name: 'Al', role: 'mentor', interests: ['ml', 'stats'], consent: true });
    const result = await fake.viewSubmission({ userId: ALICE, view, values });
    expect(result.json).toEqual({ response_action: 'errors', errors: { name: 'Trop court' } });
    expect(submitted).toEqual([
      {
        metadata: 'programme-1',
        userId: ALICE,
        values: {
          name: { value: { type: 'plain_text_input', value: 'Al' } },
          role: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Mentor' }, value: 'mentor' } } },
          interests: {
            value: {
              type: 'multi_static_select',
              selected_options: [
                { text: { type: 'plain_text', text: 'ML' }, value: 'ml' },
                { text: { type: 'plain_text', text: 'STATS' }, value: 'stats' },
              ],
            },
          },
          consent: { value: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'J’accepte' }, value: 'yes' }] } },
          about: { value: { type: 'plain_text_input', value: null } },
        },
      },
    ]);
  });

  it('delivers block_actions from a button and a static select of a message', async () => {
    const clicks: { actionId: string; type: string; value: string | undefined; messageTs: string | undefined }[] = [];
    const app = await startHttpApp((bolt) => {
      bolt.action(/.*/, async ({ ack, action, body }) => {
        await ack();
        const value = action.type === 'button' ? action.value : action.type === 'static_select' ? action.selected_option.value : undefined;
        const messageTs = body.type === 'block_actions' ? body.message?.ts : undefined;
        if ('action_id' in action) clicks.push({ actionId: action.action_id, type: action.type, value, messageTs });
      });
    });
    const posted = await app.client.chat.postMessage({
      channel: fake.generalChannelId,
      text: 'Proposition de binôme',
      blocks: [
        {
          type: 'actions',
          block_id: 'proposal',
          elements: [
            { type: 'button', action_id: 'accept', text: { type: 'plain_text', text: 'Accepter' }, value: 'pair-1' },
            {
              type: 'static_select',
              action_id: 'slot',
              options: [{ text: { type: 'plain_text', text: 'Lundi' }, value: 'monday' }],
            },
          ],
        },
      ],
    });
    const message = fake.messagesIn(fake.generalChannelId).find((candidate) => candidate.ts === posted.ts);
    if (!message) throw new Error('message not recorded');
    expect((await fake.blockAction({ userId: BOB, actionId: 'accept', value: 'pair-1', message })).status).toBe(200);
    await fake.blockAction({ userId: BOB, actionId: 'slot', selected: ['monday'], message });
    expect(clicks).toEqual([
      { actionId: 'accept', type: 'button', value: 'pair-1', messageTs: posted.ts },
      { actionId: 'slot', type: 'static_select', value: 'monday', messageTs: posted.ts },
    ]);
  });

  it('gets 401 for a bad signature or a timestamp older than 5 minutes, and the handlers never run', async () => {
    const handled: string[] = [];
    await startHttpApp((app) => {
      app.command('/mentorat', async ({ ack, command }) => {
        handled.push(command.text);
        await ack();
      });
    });
    const body = new URLSearchParams({ command: '/mentorat', text: 'forged', user_id: ALICE, team_id: fake.teamId }).toString();
    expect((await fake.sendRaw({ body, signature: 'v0=deadbeef' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await fake.sendRaw({ body, timestamp: stale, signature: fake.sign(body, stale) })).status).toBe(401);
    expect((await fake.sendRaw({ body, signature: '' })).status).toBe(401);
    expect(handled).toEqual([]);
    expect((await fake.sendRaw({ body })).status).toBe(200);
    expect(handled).toEqual(['forged']);
  });

  it('dates its requests ahead of this machine when its clock runs ahead, still correctly signed', async () => {
    const received: { timestamp: number; signature: string; body: string }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      request.on('end', () => {
        const timestamp = Number(request.headers['x-slack-request-timestamp']);
        received.push({ timestamp, signature: String(request.headers['x-slack-signature']), body });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      fake.setTarget(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/slack/events`);
      fake.setClockOffset(6 * 60);
      const before = Math.floor(Date.now() / 1000);
      await fake.slashCommand({ command: '/mentorat', text: 'aide', userId: ALICE });
      const after = Math.floor(Date.now() / 1000);
      fake.setClockOffset(-6 * 60);
      await fake.slashCommand({ command: '/mentorat', text: 'aide', userId: ALICE });
      const [ahead, behind] = received;
      expect(ahead?.timestamp).toBeGreaterThanOrEqual(before + 360);
      expect(ahead?.timestamp).toBeLessThanOrEqual(after + 360);
      expect(ahead?.signature).toBe(fake.sign(ahead?.body ?? '', ahead?.timestamp ?? 0));
      expect(behind?.timestamp).toBeLessThanOrEqual(after - 360);
      expect(behind?.signature).toBe(fake.sign(behind?.body ?? '', behind?.timestamp ?? 0));
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('shows that Bolt alone refuses requests dated 6 minutes back but accepts them 6 minutes ahead', async () => {
    const handled: string[] = [];
    await startHttpApp((app) => {
      app.command('/mentorat', async ({ ack, command }) => {
        handled.push(command.text);
        await ack();
      });
    });
    fake.setClockOffset(-6 * 60);
    expect((await fake.slashCommand({ command: '/mentorat', text: 'past', userId: ALICE })).status).toBe(401);
    fake.setClockOffset(6 * 60);
    expect((await fake.slashCommand({ command: '/mentorat', text: 'future', userId: ALICE })).status).toBe(200);
    expect(handled).toEqual(['future']);
  });

  it('answers users.info with the locale when asked, and usergroups.users.list', async () => {
    const app = await startHttpApp();
    const withLocale = await app.client.users.info({ user: ALICE, include_locale: true });
    expect(withLocale.user).toMatchObject({ id: ALICE, name: 'alice', real_name: 'Alice Martin', locale: 'fr-FR' });
    expect((await app.client.users.info({ user: BOB })).user?.locale).toBeUndefined();
    expect(await errorCodeOf(app.client.users.info({ user: 'U0NOBODY' }))).toBe('user_not_found');
    expect((await app.client.usergroups.users.list({ usergroup: 'S0COORD' })).users).toEqual([ALICE]);
  });

  it('answers usergroups.list with each group’s id, handle and name, its users only with include_users', async () => {
    const app = await startHttpApp();
    const listed = await app.client.usergroups.list({});
    expect(listed.usergroups).toEqual([
      expect.objectContaining({ id: 'S0COORD', team_id: fake.teamId, is_usergroup: true, handle: 'coordination', name: 'coordination' }),
    ]);
    expect(listed.usergroups?.[0]).not.toHaveProperty('users');
    const withUsers = await app.client.usergroups.list({ include_users: true, include_count: true });
    expect(withUsers.usergroups?.[0]).toMatchObject({ users: [ALICE], user_count: 1 });
    expect(await errorCodeOf(app.client.usergroups.users.list({ usergroup: 'S0NOBODY' }))).toBe('no_such_subteam');
  });

  it('sends a button pressed on a DM with the team, the IM channel, the message and a response_url that can replace it', async () => {
    const pressed: { team?: string; channel?: string; messageTs?: string; action?: string }[] = [];
    let answered: () => void = () => undefined;
    const answering = new Promise<void>((resolve) => {
      answered = resolve;
    });
    const app = await startHttpApp((app) => {
      app.action('take', async ({ ack, body, action, respond }) => {
        await ack();
        if (body.type !== 'block_actions' || !('action_id' in action)) return;
        pressed.push({ team: body.team?.id, channel: body.channel?.id, messageTs: body.message?.ts, action: action.action_id });
        await respond({ replace_original: true, text: 'Pris en charge' });
        answered();
      });
    });
    const opened = await app.client.conversations.open({ users: BOB });
    const posted = await app.client.chat.postMessage({
      channel: opened.channel?.id ?? '',
      text: 'Un signalement vous attend',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'take', text: { type: 'plain_text', text: 'Prendre' } }] }],
    });
    const [message] = fake.dmsTo(BOB);
    if (!message) throw new Error('no DM');
    await fake.blockAction({ userId: BOB, actionId: 'take', message });
    await answering;
    expect(pressed).toEqual([{ team: fake.teamId, channel: opened.channel?.id, messageTs: posted.ts, action: 'take' }]);
    expect(fake.dmsTo(BOB)).toMatchObject([{ text: 'Pris en charge', replaceOriginal: true }]);
  });

  it('records a DM sent through conversations.open and chat.postMessage', async () => {
    const app = await startHttpApp();
    const opened = await app.client.conversations.open({ users: BOB });
    const again = await app.client.conversations.open({ users: BOB });
    expect(opened.channel?.id).toMatch(/^D/);
    expect(again.channel?.id).toBe(opened.channel?.id);
    await app.client.chat.postMessage({ channel: opened.channel?.id ?? '', text: 'Bonjour Bob' });
    expect(fake.dmsTo(BOB)).toMatchObject([{ text: 'Bonjour Bob', ephemeral: false, channel: opened.channel?.id }]);
    expect(fake.dmsTo(ALICE)).toEqual([]);
  });

  it('keeps a message’s metadata and refuses malformed metadata', async () => {
    const app = await startHttpApp();
    const metadata = { event_type: 'mentorat_delivery', event_payload: { key: 'announce:1' } };
    await app.client.chat.postMessage({ channel: fake.generalChannelId, text: 'Annonce', metadata });
    expect(fake.messagesIn(fake.generalChannelId)).toMatchObject([{ text: 'Annonce', metadata }]);
    const refused = app.client.chat.postMessage({
      channel: fake.generalChannelId,
      text: 'x',
      metadata: { event_type: 'a b', event_payload: {} },
    });
    expect(await errorCodeOf(refused)).toBe('invalid_metadata_schema');
  });

  it('answers conversations.history newest first, limit at a time, with metadata only when asked', async () => {
    const app = await startHttpApp();
    const im = (await app.client.conversations.open({ users: BOB })).channel?.id ?? '';
    for (const [index, text] of ['un', 'deux', 'trois'].entries()) {
      await app.client.chat.postMessage({
        channel: im,
        text,
        metadata: { event_type: 'mentorat_delivery', event_payload: { key: `k${index}` } },
      });
    }
    await app.client.chat.postEphemeral({ channel: fake.generalChannelId, user: BOB, text: 'pour Bob seul' });
    const latest = await app.client.conversations.history({ channel: im, limit: 2, include_all_metadata: true });
    expect(latest.messages?.map((message) => [message.text, message.user, message.metadata])).toEqual([
      ['trois', fake.botUserId, { event_type: 'mentorat_delivery', event_payload: { key: 'k2' } }],
      ['deux', fake.botUserId, { event_type: 'mentorat_delivery', event_payload: { key: 'k1' } }],
    ]);
    expect(latest.has_more).toBe(true);
    const rest = await app.client.conversations.history({ channel: im, limit: 2, cursor: latest.response_metadata?.next_cursor ?? '' });
    expect(rest.messages?.map((message) => [message.text, message.metadata])).toEqual([['un', undefined]]);
    expect((await app.client.conversations.history({ channel: fake.generalChannelId })).messages).toEqual([]);
    expect(await errorCodeOf(app.client.conversations.history({ channel: 'C0NOWHERE' }))).toBe('channel_not_found');
  });

  it('makes a refused person’s DM fail with the given error code', async () => {
    const app = await startHttpApp();
    const im = (await app.client.conversations.open({ users: CAROL })).channel?.id ?? '';
    fake.refuseUser(CAROL, 'messages_tab_disabled');
    expect(await errorCodeOf(app.client.chat.postMessage({ channel: im, text: 'Bonjour' }))).toBe('messages_tab_disabled');
    fake.refuseUser(BOB, 'user_disabled');
    expect(await errorCodeOf(app.client.conversations.open({ users: BOB }))).toBe('user_disabled');
    expect(fake.dmsTo(CAROL)).toEqual([]);
  });

  it('creates a private channel and invites people into it', async () => {
    const app = await startHttpApp();
    const created = await app.client.conversations.create({ name: 'binome-alice-bob', is_private: true });
    const channelId = created.channel?.id ?? '';
    await app.client.conversations.invite({ channel: channelId, users: `${ALICE},${BOB}` });
    await app.client.conversations.setTopic({ channel: channelId, topic: 'Votre binôme' });
    expect(fake.channels.find((channel) => channel.id === channelId)).toEqual({
      id: channelId,
      name: 'binome-alice-bob',
      isPrivate: true,
      members: [fake.botUserId, ALICE, BOB],
      topic: 'Votre binôme',
      createdBy: fake.botUserId,
    });
    expect(await errorCodeOf(app.client.conversations.invite({ channel: channelId, users: ALICE }))).toBe('already_in_channel');
    expect(await errorCodeOf(app.client.conversations.invite({ channel: channelId, users: 'U0NOBODY' }))).toBe('user_not_found');
    expect(await errorCodeOf(app.client.conversations.create({ name: 'Binôme Alice' }))).toBe('invalid_name_specials');
    const listed = await app.client.conversations.list({ types: 'private_channel' });
    expect(listed.channels?.map((channel) => channel.name)).toEqual(['binome-alice-bob']);
  });

  it('removes someone from a private channel (conversations.kick), refusing as Slack does someone not there, the bot itself, #general', async () => {
    const app = await startHttpApp();
    const created = await app.client.conversations.create({ name: 'binome-kick', is_private: true });
    const channel = created.channel?.id ?? '';
    await app.client.conversations.invite({ channel, users: `${ALICE},${BOB}` });
    await app.client.conversations.kick({ channel, user: BOB });
    expect(fake.channels.find((candidate) => candidate.id === channel)?.members).toEqual([fake.botUserId, ALICE]);
    expect(await errorCodeOf(app.client.conversations.kick({ channel, user: BOB }))).toBe('not_in_channel');
    expect(await errorCodeOf(app.client.conversations.kick({ channel, user: fake.botUserId }))).toBe('cant_kick_self');
    expect(await errorCodeOf(app.client.conversations.kick({ channel, user: 'U0NOBODY' }))).toBe('user_not_found');
    expect(await errorCodeOf(app.client.conversations.kick({ channel: fake.generalChannelId, user: ALICE }))).toBe(
      'cant_kick_from_general',
    );
  });

  it('archives a channel: members stay, it reads as archived, posting and inviting answer is_archived, twice answers already_archived', async () => {
    const app = await startHttpApp();
    const created = await app.client.conversations.create({ name: 'binome-archive', is_private: true });
    const channel = created.channel?.id ?? '';
    await app.client.conversations.invite({ channel, users: ALICE });
    await app.client.conversations.archive({ channel });
    expect(fake.channels.find((candidate) => candidate.id === channel)).toMatchObject({ archived: true, members: [fake.botUserId, ALICE] });
    expect((await app.client.conversations.info({ channel })).channel?.is_archived).toBe(true);
    expect(await errorCodeOf(app.client.chat.postMessage({ channel, text: 'encore là ?' }))).toBe('is_archived');
    expect(await errorCodeOf(app.client.conversations.invite({ channel, users: BOB }))).toBe('is_archived');
    expect(await errorCodeOf(app.client.conversations.archive({ channel }))).toBe('already_archived');
    expect(await errorCodeOf(app.client.conversations.archive({ channel: fake.generalChannelId }))).toBe('cant_archive_general');
  });

  it('answers missing_scope, naming the scope needed, for a method whose scope the app was installed without', async () => {
    const app = await startHttpApp();
    const created = await app.client.conversations.create({ name: 'binome-scope', is_private: true });
    const channel = created.channel?.id ?? '';
    fake.withoutScope('conversations.archive', 'groups:write');
    const refused = await app.client.conversations.archive({ channel }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ data: { ok: false, error: 'missing_scope', needed: 'groups:write' } });
    expect(fake.channels.find((candidate) => candidate.id === channel)?.archived).toBeUndefined();
    fake.withoutScope('conversations.archive', undefined);
    await app.client.conversations.archive({ channel });
    expect(fake.channels.find((candidate) => candidate.id === channel)?.archived).toBe(true);
  });

  it('shows ephemerals only to people who can see the channel, and edits the app’s own messages', async () => {
    const app = await startHttpApp();
    const privateId = (await app.client.conversations.create({ name: 'coordination', is_private: true })).channel?.id ?? '';
    await app.client.conversations.invite({ channel: privateId, users: ALICE });
    await app.client.chat.postEphemeral({ channel: privateId, user: ALICE, text: 'Pour Alice' });
    expect(await errorCodeOf(app.client.chat.postEphemeral({ channel: privateId, user: BOB, text: 'Pour Bob' }))).toBe(
      'user_not_in_channel',
    );
    expect(fake.ephemeralsTo(ALICE)).toMatchObject([{ channel: privateId, text: 'Pour Alice', ephemeral: true }]);
    const posted = await app.client.chat.postMessage({ channel: fake.generalChannelId, text: 'Avant' });
    await app.client.chat.update({ channel: fake.generalChannelId, ts: posted.ts ?? '', text: 'Après' });
    expect(fake.messagesIn(fake.generalChannelId)).toMatchObject([{ ts: posted.ts, text: 'Après' }]);
  });

  it('knows the channels it is given: a slash command comes from a private one the bot is not in, where the bot cannot post', async () => {
    const withChannel = await startFakeSlack({
      users: [{ id: ALICE, name: 'alice' }],
      channels: [{ id: 'C0PRIVATE', name: 'bureau', isPrivate: true, members: [ALICE] }],
    });
    try {
      const seen: string[] = [];
      const app = new App({
        token: withChannel.botToken,
        signingSecret: withChannel.signingSecret,
        logLevel: LogLevel.ERROR,
        clientOptions: { slackApiUrl: withChannel.apiUrl, retryConfig: { retries: 0 } },
      });
      app.command('/mentorat', async ({ ack, command }) => {
        seen.push(`${command.channel_id} ${command.channel_name}`);
        await ack();
      });
      const server = await app.start({ port: 0, host: '127.0.0.1' });
      running.push(app);
      withChannel.setTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
      await withChannel.slashCommand({ command: '/mentorat', userId: ALICE, channelId: 'C0PRIVATE' });
      expect(seen).toEqual(['C0PRIVATE bureau']);
      expect(await errorCodeOf(app.client.chat.postEphemeral({ channel: 'C0PRIVATE', user: ALICE, text: 'x' }))).toBe('channel_not_found');
      expect(await errorCodeOf(app.client.chat.postMessage({ channel: 'C0PRIVATE', text: 'x' }))).toBe('channel_not_found');
      expect(withChannel.channels.find((channel) => channel.id === 'C0PRIVATE')).toMatchObject({ isPrivate: true, members: [ALICE] });
    } finally {
      for (const app of running.splice(0)) await app.stop();
      await withChannel.close();
    }
  });

  it('records each method called with its token and the kind of conversation it named, and each kind of request sent', async () => {
    const app = await startHttpApp();
    const privateId = (await app.client.conversations.create({ name: 'journal', is_private: true })).channel?.id ?? '';
    await app.client.conversations.history({ channel: privateId });
    const im = (await app.client.conversations.open({ users: BOB })).channel?.id ?? '';
    await app.client.conversations.history({ channel: im });
    await app.client.chat.postMessage({ channel: fake.generalChannelId, text: 'Bonjour' });
    await fake.slashCommand({ command: '/mentorat', userId: ALICE });
    const uses = recordedUses();
    for (const use of [
      { kind: 'web-api', method: 'conversations.create', token: 'bot', conversation: 'private' },
      { kind: 'web-api', method: 'conversations.history', token: 'bot', conversation: 'private' },
      { kind: 'web-api', method: 'conversations.open', token: 'bot', conversation: 'im' },
      { kind: 'web-api', method: 'conversations.history', token: 'bot', conversation: 'im' },
      { kind: 'web-api', method: 'chat.postMessage', token: 'bot', conversation: 'public' },
      { kind: 'web-api', method: 'auth.test', token: 'bot' },
      { kind: 'inbound', type: 'slash_commands' },
    ]) {
      expect(uses).toContainEqual(use);
    }
  });

  it('answers name_taken for a name a test declared taken', async () => {
    const app = await startHttpApp();
    fake.nameTaken('binome-1');
    expect(await errorCodeOf(app.client.conversations.create({ name: 'binome-1', is_private: true }))).toBe('name_taken');
    expect(fake.channels.map((channel) => channel.name)).toEqual(['general']);
  });

  it('answers 429 with Retry-After once: the WebClient waits, retries and succeeds', async () => {
    const app = await startHttpApp(acknowledgeCommands, { retries: 1, minTimeout: 0, maxTimeout: 0 });
    fake.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    await app.client.chat.postMessage({ channel: fake.generalChannelId, text: 'Après la pause' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(2);
    expect(fake.messagesIn(fake.generalChannelId)).toMatchObject([{ text: 'Après la pause' }]);
  });

  it('holds a method to a limit per window when asked: 429 with the seconds left, then the calls go through', async () => {
    const app = await startHttpApp(acknowledgeCommands, { retries: 1, minTimeout: 0, maxTimeout: 0 });
    fake.limitRate('conversations.create', { calls: 2, perSeconds: 1 });
    const raw = () =>
      fetch(`${fake.apiUrl}conversations.create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: `brut-${Date.now()}-${Math.random().toString(36).slice(2)}`, is_private: 'true' }),
      });
    expect((await raw()).status).toBe(200);
    expect((await raw()).status).toBe(200);
    const limited = await raw();
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([
      429,
      '1',
      { ok: false, error: 'ratelimited' },
    ]);
    // The WebClient waits the Retry-After and gets through in the next window.
    const started = Date.now();
    await app.client.conversations.create({ name: 'binome-apres', is_private: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(fake.channels.map((channel) => channel.name)).toContain('binome-apres');
  });

  it('records the content of a files.uploadV2', async () => {
    const app = await startHttpApp();
    await app.client.filesUploadV2({
      channel_id: fake.generalChannelId,
      filename: 'binomes.csv',
      content: 'mentor,mentee\nalice,bob\n',
      title: 'Binômes',
      initial_comment: 'Export',
    });
    expect(fake.uploads).toEqual([
      {
        channel: fake.generalChannelId,
        filename: 'binomes.csv',
        content: 'mentor,mentee\nalice,bob\n',
        bytes: Buffer.from('mentor,mentee\nalice,bob\n'),
        title: 'Binômes',
        initialComment: 'Export',
      },
    ]);
  });

  it('keeps an uploaded PNG byte for byte and tells its type from its name, as Slack does', async () => {
    const app = await startHttpApp();
    const png = tinyPng();
    const answer = await app.client.filesUploadV2({
      channel_id: fake.generalChannelId,
      filename: 'stats.png',
      file: png,
      title: 'stats.png',
    });
    const [upload] = fake.uploads;
    expect(upload?.bytes.equals(png)).toBe(true);
    expect(pixelsOf(upload?.bytes ?? Buffer.alloc(0))).toEqual(pixelsOf(png));
    const shared = z
      .object({ files: z.array(z.object({ files: z.array(z.object({ mimetype: z.string(), filetype: z.string(), size: z.number() })) })) })
      .parse(answer);
    expect(shared.files[0]?.files).toEqual([{ mimetype: 'image/png', filetype: 'png', size: png.length }]);
  });

  it('answers invalid_auth for a wrong token and unknown_method for a method it does not know', async () => {
    const app = await startHttpApp();
    expect(await errorCodeOf(app.client.auth.test({ token: 'xoxb-wrong' }))).toBe('invalid_auth');
    expect(await errorCodeOf(app.client.apiCall('chat.nonexistent', {}))).toBe('unknown_method');
    expect((await app.client.auth.test()).user_id).toBe(fake.botUserId);
  });
});

describe('the fake Slack over Socket Mode', () => {
  it('connects the app, delivers a slash command envelope, and gets its ack', async () => {
    const seen: string[] = [];
    const app = new App({
      token: fake.botToken,
      appToken: fake.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/mentorat', async ({ command, ack }) => {
      seen.push(command.text);
      await ack('reçu');
    });
    await app.start();
    fake.setTarget('socket');
    expect(fake.socketConnections).toBe(1);
    expect(fake.calls.find((call) => call.method === 'apps.connections.open')?.token).toBe(fake.appToken);

    const result = await fake.slashCommand({ command: '/mentorat', text: 'aide', userId: ALICE });
    expect(seen).toEqual(['aide']);
    expect(result.json).toEqual({ text: 'reçu' });
    expect(fake.ephemeralsTo(ALICE)).toMatchObject([{ text: 'reçu' }]);

    await app.stop();
    await vi.waitFor(() => expect(fake.socketConnections).toBe(0));
  });

  it('delivers interactive envelopes: an action inside a modal, and a submission answered with response_action update', async () => {
    const actions: { viewId: string | undefined; value: string | undefined }[] = [];
    const app = new App({
      token: fake.botToken,
      appToken: fake.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/mentorat', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    });
    app.action('role-help', async ({ ack, body, action }) => {
      await ack();
      actions.push({
        viewId: body.type === 'block_actions' ? body.view?.id : undefined,
        value: action.type === 'button' ? action.value : undefined,
      });
    });
    app.view('inscription', async ({ ack }) => {
      await ack({ response_action: 'update', view: { ...modal, title: { type: 'plain_text', text: 'Merci' }, blocks: [] } });
    });
    await app.start();
    running.push(app);
    fake.setTarget('socket');
    await fake.slashCommand({ command: '/mentorat', userId: BOB });
    const view = await vi.waitFor(() => {
      const opened = fake.views[0];
      if (!opened) throw new Error('no view yet');
      return opened;
    });
    await fake.blockAction({ userId: BOB, actionId: 'role-help', value: 'help', view });
    expect(actions).toEqual([{ viewId: view.id, value: 'help' }]);
    const result = await fake.viewSubmission({
      userId: BOB,
      view,
      values: fake.stateFor(view, { name: 'Bob', role: 'mentee', consent: true }),
    });
    expect(result.json).toMatchObject({ response_action: 'update' });
    expect(fake.currentView(view.id)).toMatchObject({ kind: 'update', view: { title: { text: 'Merci' } } });
  });
});
