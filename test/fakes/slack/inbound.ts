/*
 * What Slack sends the app: slash commands (form fields) and interactivity (form field `payload`, JSON),
 * signed, POSTed to the app's HTTP receiver; or the same payloads as Socket Mode envelopes.
 * Each call resolves with the app's ack. A slash command's ack text is shown to its author, as on Slack.
 */
import { request as httpRequest } from 'node:http';
import { asRecord, isRecord, type JsonObject, stringField } from './json-values';
import { recordUse } from './method-log';
import { signSlackRequest } from './signing';
import type { Workspace } from './slack-objects';
import type { SlackState } from './slack-state';
import type { SocketModeServer } from './socket-mode-server';
import type { BlockActionInput, FakeView, InboundResult, RawInboundInput, SlashCommandInput, ViewSubmissionInput } from './types';
import { findElement, optionFor } from './view-state';

const FORM = 'application/x-www-form-urlencoded';
const HTTP_TIMEOUT_MS = 10_000;

export interface InboundOptions {
  state: SlackState;
  workspace: Workspace;
  signingSecret: string;
  baseUrl: string;
  socket: SocketModeServer;
  generalChannelId: string;
}

function httpPost(url: string, body: string, headers: Record<string, string>): Promise<InboundResult> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { method: 'POST', agent: false, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const isJson = (incoming.headers['content-type'] ?? '').includes('json');
          resolve({ status: incoming.statusCode ?? 0, body: text, ...(isJson && text ? { json: JSON.parse(text) } : {}) });
        });
        incoming.on('error', reject);
      },
    );
    outgoing.setTimeout(HTTP_TIMEOUT_MS, () =>
      outgoing.destroy(new Error(`fake Slack: no answer from ${url} within ${HTTP_TIMEOUT_MS} ms`)),
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export class Inbound {
  target: string | undefined;
  /** How far Slack's clock is ahead of this machine's (negative: behind): every request is dated by it. */
  clockOffsetSeconds = 0;

  constructor(private readonly options: InboundOptions) {}

  sign(body: string, timestamp: number): string {
    return signSlackRequest(this.options.signingSecret, body, timestamp);
  }

  async sendRaw(input: RawInboundInput): Promise<InboundResult> {
    if (!this.target || this.target === 'socket') throw new Error('fake Slack: sendRaw needs an HTTP target (setTarget)');
    const url = input.path ? new URL(input.path, this.target).toString() : this.target;
    const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000) + this.clockOffsetSeconds;
    const signature = input.signature ?? this.sign(input.body, timestamp);
    return httpPost(url, input.body, {
      'content-type': input.contentType ?? FORM,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'x-slack-request-timestamp': String(timestamp),
      ...(signature ? { 'x-slack-signature': signature } : {}),
    });
  }

  private async deliver(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<InboundResult> {
    const interaction = payload.type === 'view_submission' ? 'view_submission' : 'block_actions';
    recordUse({ kind: 'inbound', type: type === 'slash_commands' ? 'slash_commands' : interaction });
    if (this.target === 'socket') {
      const ack = await this.options.socket.send(type, payload);
      return { status: 200, body: JSON.stringify(ack), json: ack };
    }
    const fields = type === 'slash_commands' ? Object.entries(payload).map(([key, value]): [string, string] => [key, String(value)]) : [];
    const form = type === 'slash_commands' ? new URLSearchParams(fields) : new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.sendRaw({ body: form.toString() });
  }

  private user(userId: string): JsonObject {
    const name = this.options.state.users.get(userId)?.name ?? userId;
    return { id: userId, username: name, name, team_id: this.options.workspace.teamId };
  }

  private team(): JsonObject {
    return { id: this.options.workspace.teamId, domain: this.options.workspace.teamId.toLowerCase() };
  }

  private channelName(channelId: string): string {
    const conversation = this.options.state.conversation(channelId);
    return conversation?.kind === 'im' ? 'directmessage' : (conversation?.name ?? channelId.toLowerCase());
  }

  private responseUrl(id: string): string {
    return `${this.options.baseUrl}/response/${id}`;
  }

  /** A channel the fake has never heard of is taken as a public channel everyone is in. */
  private knownChannel(channelId: string): void {
    const { state } = this.options;
    if (state.conversation(channelId)) return;
    state.addChannel({
      id: channelId,
      name: channelId.toLowerCase(),
      isPrivate: false,
      members: [...state.users.keys()],
      createdBy: state.botUserId,
    });
  }

  async slashCommand(input: SlashCommandInput): Promise<InboundResult & { triggerId: string; responseUrl: string }> {
    const { state, workspace } = this.options;
    const channelId = input.channelId ?? this.options.generalChannelId;
    this.knownChannel(channelId);
    const triggerId = state.issueTrigger(input.userId);
    const responseUrl = this.responseUrl(state.issueResponseUrl({ channelId, userId: input.userId }));
    const result = await this.deliver('slash_commands', {
      token: 'fake-verification-token',
      team_id: workspace.teamId,
      team_domain: workspace.teamId.toLowerCase(),
      channel_id: channelId,
      channel_name: this.channelName(channelId),
      user_id: input.userId,
      user_name: state.users.get(input.userId)?.name ?? input.userId,
      command: input.command,
      text: input.text ?? '',
      api_app_id: workspace.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    this.recordCommandAck(result, channelId, input.userId);
    return { ...result, triggerId, responseUrl };
  }

  /** An ack carrying text is a message: ephemeral to the author, or in the channel with response_type 'in_channel'. */
  private recordCommandAck(result: InboundResult, channelId: string, userId: string): void {
    if (result.status !== 200) return;
    const json = isRecord(result.json) ? result.json : undefined;
    const text = json ? (stringField(json, 'text') ?? '') : result.json === undefined ? result.body : '';
    const blocks = Array.isArray(json?.blocks) ? json.blocks : [];
    if (!text && blocks.length === 0) return;
    const inChannel = json?.response_type === 'in_channel';
    this.options.state.addMessage({ channel: channelId, ...(inChannel ? {} : { user: userId }), text, blocks, ephemeral: !inChannel });
  }

  private viewPayload(view: FakeView, values: Record<string, unknown>): JsonObject {
    const { state, workspace } = this.options;
    const latest = state.latestView(view.id) ?? view;
    return {
      ...latest.view,
      id: view.id,
      team_id: workspace.teamId,
      type: latest.view.type ?? 'modal',
      private_metadata: latest.view.private_metadata ?? '',
      callback_id: latest.view.callback_id ?? '',
      state: { values },
      hash: state.viewHashes.get(view.id) ?? '',
      previous_view_id: null,
      root_view_id: view.id,
      app_id: workspace.appId,
      external_id: latest.view.external_id ?? '',
      app_installed_team_id: workspace.teamId,
      bot_id: workspace.botId,
    };
  }

  async blockAction(input: BlockActionInput): Promise<InboundResult & { triggerId: string }> {
    const { state, workspace } = this.options;
    const blocks = input.message?.blocks ?? input.view?.view.blocks;
    const found = findElement(blocks, input.actionId);
    const selected = input.selected ?? [];
    const type =
      input.type ??
      stringField(found?.element, 'type') ??
      (input.selected === undefined ? 'button' : selected.length === 1 ? 'static_select' : 'multi_static_select');
    const action: JsonObject = {
      action_id: input.actionId,
      block_id: input.blockId ?? found?.blockId ?? 'fake-block',
      type,
      action_ts: state.nextTs(),
    };
    if (type === 'button') {
      action.text = found?.element.text ?? { type: 'plain_text', text: input.actionId, emoji: true };
      if (input.value !== undefined) action.value = input.value;
    } else if (type.startsWith('multi_') || type === 'checkboxes') {
      action.selected_options = selected.map((value) => optionFor(found?.element, value));
    } else {
      action.selected_option = optionFor(found?.element, selected[0] ?? input.value ?? '');
    }
    const triggerId = state.issueTrigger(input.userId);
    const payload: JsonObject = {
      type: 'block_actions',
      user: this.user(input.userId),
      api_app_id: workspace.appId,
      token: 'fake-verification-token',
      trigger_id: triggerId,
      team: this.team(),
      enterprise: null,
      is_enterprise_install: false,
      state: { values: {} },
      actions: [action],
    };
    if (input.view) {
      payload.container = { type: 'view', view_id: input.view.id };
      // Slack sends the whole modal's current state with the action.
      payload.view = this.viewPayload(input.view, input.values ?? {});
    } else {
      const channelId = input.message?.channel ?? input.channelId ?? this.options.generalChannelId;
      this.knownChannel(channelId);
      const message = input.message;
      payload.container = {
        type: 'message',
        channel_id: channelId,
        is_ephemeral: message?.ephemeral ?? false,
        ...(message ? { message_ts: message.ts } : {}),
      };
      payload.channel = { id: channelId, name: this.channelName(channelId) };
      if (message && !message.ephemeral) {
        payload.message = {
          type: 'message',
          user: workspace.botUserId,
          bot_id: workspace.botId,
          text: message.text,
          blocks: message.blocks,
          ts: message.ts,
          team: workspace.teamId,
        };
      }
      payload.response_url =
        input.responseUrl ??
        this.responseUrl(state.issueResponseUrl({ channelId, userId: input.userId, ...(message ? { messageTs: message.ts } : {}) }));
    }
    return { ...(await this.deliver('interactive', payload)), triggerId };
  }

  async viewSubmission(input: ViewSubmissionInput): Promise<InboundResult> {
    const { state, workspace } = this.options;
    const triggerId = state.issueTrigger(input.userId);
    const result = await this.deliver('interactive', {
      type: 'view_submission',
      team: this.team(),
      user: this.user(input.userId),
      api_app_id: workspace.appId,
      token: 'fake-verification-token',
      trigger_id: triggerId,
      view: this.viewPayload(input.view, input.values),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    this.applyResponseAction(result, input);
    return result;
  }

  /** `response_action: 'update' | 'push'` in the ack replaces the modal or stacks a new one. */
  private applyResponseAction(result: InboundResult, input: ViewSubmissionInput): void {
    const ack = asRecord(result.json);
    const view = asRecord(ack.view);
    if (ack.response_action !== 'update' && ack.response_action !== 'push') return;
    const { state } = this.options;
    const id = ack.response_action === 'update' ? input.view.id : state.nextId('V');
    state.viewHashes.set(id, state.nextHash());
    state.views.push({ id, triggerId: input.view.triggerId, userId: input.userId, view, kind: ack.response_action });
  }
}
