/*
 * The public shape of the loopback Slack fake: what tests configure, and what they read back.
 */

export interface FakeSlackUser {
  id: string;
  name: string;
  realName?: string;
  /** e.g. 'fr-FR', 'en-US': users.info returns it only with include_locale */
  locale?: string;
  deleted?: boolean;
  isAdmin?: boolean;
}

export interface FakeSlackOptions {
  teamId?: string;
  botToken?: string;
  appToken?: string;
  signingSecret?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  users: FakeSlackUser[];
  /** `name` (what people see, e.g. 'Coordination mentorat') defaults to the handle */
  userGroups?: { id: string; handle: string; name?: string; users: string[] }[];
  /** Channels besides #general, e.g. a private one the bot is not in (a slash command still comes from there). */
  channels?: { id: string; name: string; isPrivate: boolean; members: string[] }[];
  /** How long a trigger_id stays usable by views.open / views.push: 3 s on Slack. */
  triggerTtlMs?: number;
  /** How long to wait for a Socket Mode ack before giving up. */
  socketAckTimeoutMs?: number;
  /** How long a response_url takes posts: 30 minutes on Slack. */
  responseUrlTtlMs?: number;
}

export interface FakeSlackMessage {
  ts: string;
  channel: string;
  /** the recipient of an ephemeral message */
  user?: string;
  text: string;
  blocks: unknown[];
  ephemeral: boolean;
  threadTs?: string;
  /** chat.postMessage's `metadata`, returned by conversations.history with include_all_metadata */
  metadata?: FakeSlackMetadata;
  viaResponseUrl?: boolean;
  replaceOriginal?: boolean;
}

export interface FakeSlackMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface FakeView {
  id: string;
  triggerId: string;
  userId: string;
  /** the view as the app sent it, parsed */
  view: Record<string, unknown>;
  kind: 'open' | 'update' | 'push';
}

/** The app's answer: its HTTP ack, or for Socket Mode the ack payload (status 200, body its JSON). */
export interface InboundResult {
  status: number;
  body: string;
  json?: unknown;
}

export type RefusalCode = 'user_not_found' | 'user_disabled' | 'messages_tab_disabled' | 'cannot_dm_bot';

/** Answers for stateFor, by block_id: text, one option value, several option values, or a ticked checkbox. */
export type ViewAnswers = Record<string, string | string[] | boolean>;
export type ViewStateValues = Record<string, Record<string, unknown>>;

export interface FakeSlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  members: string[];
  topic?: string;
  purpose?: string;
  createdBy: string;
  /** conversations.archive: its members keep it, read-only; posting, inviting, setting its purpose are refused (`is_archived`). */
  archived?: boolean;
}

export interface FakeSlackUpload {
  channel?: string;
  filename: string;
  /** The bytes read as utf8: what a test of a text file (CSV, JSON) reads. */
  content: string;
  /** The bytes as uploaded, unchanged: what a test of an image decodes. */
  bytes: Buffer;
  title?: string;
  initialComment?: string;
}

export interface FakeSlackCall {
  method: string;
  /** form fields as sent; JSON-valued fields (view, blocks, files, …) parsed */
  params: Record<string, unknown>;
  token?: string;
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId?: string;
}

export interface BlockActionInput {
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  selected?: string[];
  /** defaults from the element found in the message or view blocks, else button / static_select / multi_static_select */
  type?: string;
  message?: FakeSlackMessage;
  channelId?: string;
  responseUrl?: string;
  view?: FakeView;
  /** the modal's state when the action happened (what the person has entered so far, the new choice included) */
  values?: ViewStateValues;
}

export interface ViewSubmissionInput {
  userId: string;
  view: FakeView;
  values: ViewStateValues;
}

export interface RawInboundInput {
  path?: string;
  body: string;
  contentType?: string;
  timestamp?: number;
  /** '' sends no signature header at all */
  signature?: string;
}

export interface FakeSlack {
  /** 'http://127.0.0.1:PORT/api/', for clientOptions.slackApiUrl */
  apiUrl: string;
  teamId: string;
  botToken: string;
  appToken: string;
  signingSecret: string;
  botUserId: string;
  botId: string;
  appId: string;
  /** a public channel every user (and the bot) is in: the default for slash commands */
  generalChannelId: string;
  close(): Promise<void>;
  /** the bot's HTTP receiver URL (e.g. 'http://127.0.0.1:3456/slack/events'), or 'socket' for Socket Mode */
  setTarget(target: string): void;
  /**
   * Dates every request this many seconds ahead of the machine's clock (negative: behind), still
   * correctly signed, as a Slack whose clock drifted or a replayed request would be.
   */
  setClockOffset(seconds: number): void;
  slashCommand(input: SlashCommandInput): Promise<InboundResult & { triggerId: string; responseUrl: string }>;
  blockAction(input: BlockActionInput): Promise<InboundResult & { triggerId: string }>;
  viewSubmission(input: ViewSubmissionInput): Promise<InboundResult>;
  stateFor(view: FakeView, answers: ViewAnswers): ViewStateValues;
  sendRaw(input: RawInboundInput): Promise<InboundResult>;
  /** 'v0=' + hex HMAC-SHA256 of `v0:${timestamp}:${body}` */
  sign(body: string, timestamp: number): string;
  readonly views: FakeView[];
  /** the latest version of a view by id (after updates) */
  currentView(viewId: string): FakeView | undefined;
  readonly messages: FakeSlackMessage[];
  messagesIn(channelId: string): FakeSlackMessage[];
  ephemeralsTo(userId: string): FakeSlackMessage[];
  dmsTo(userId: string): FakeSlackMessage[];
  /** the IM channel conversations.open gave (or would give) for this user */
  imChannelOf(userId: string): string;
  readonly channels: FakeSlackChannel[];
  readonly uploads: FakeSlackUpload[];
  readonly calls: FakeSlackCall[];
  readonly responseUrlPosts: { url: string; body: unknown }[];
  /** posts a response_url refused (404 used_url, expired_url, no_service) */
  readonly responseUrlRefusals: { url: string; status: number; error: string }[];
  /** Socket Mode connections currently open */
  readonly socketConnections: number;
  refuseUser(userId: string, error: RefusalCode): void;
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** From now on, `method` takes `calls` calls per window of `perSeconds`, then answers 429 until the window ends (Slack's tiers, per minute, scaled down). */
  limitRate(method: string, limit: { calls: number; perSeconds: number }): void;
  nameTaken(name: string): void;
  /**
   * From now on `method` answers `missing_scope` naming `needed` (a scope the app was installed
   * without), as Slack does; `undefined` grants it again.
   */
  withoutScope(method: string, needed: string | undefined): void;
}
