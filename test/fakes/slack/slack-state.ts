/*
 * Everything the fake workspace remembers: people, conversations, messages, views, the triggers and
 * response_urls it handed out, uploads, every Web API call, and the failures a test asked for.
 */
import { randomBytes } from 'node:crypto';
import type { FakeSlackCall, FakeSlackChannel, FakeSlackMessage, FakeSlackUpload, FakeSlackUser, FakeView, RefusalCode } from './types';

export interface ConversationRecord extends FakeSlackChannel {
  kind: 'channel' | 'im';
  created: number;
  /** the other person of an IM */
  imUser?: string;
}

export interface ResponseUrlOrigin {
  channelId: string;
  userId: string;
  messageTs?: string;
}

interface ResponseUrlRecord extends ResponseUrlOrigin {
  uses: number;
  issuedAt: number;
}

export type TriggerCheck = 'ok' | 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id';

export class SlackState {
  readonly users = new Map<string, FakeSlackUser>();
  readonly userGroups = new Map<string, { handle: string; name: string; users: string[] }>();
  readonly conversations: ConversationRecord[] = [];
  readonly messages: FakeSlackMessage[] = [];
  readonly views: FakeView[] = [];
  readonly viewHashes = new Map<string, string>();
  readonly viewsByExternalId = new Map<string, string>();
  readonly pendingUploads = new Map<string, { filename: string; length: number; bytes?: Buffer }>();
  readonly uploads: FakeSlackUpload[] = [];
  readonly calls: FakeSlackCall[] = [];
  readonly responseUrlPosts: { url: string; body: unknown }[] = [];
  readonly refusals = new Map<string, RefusalCode>();
  readonly rateLimits = new Map<string, number>();
  /** Tier-like limits a test set: at most `calls` per window, the window starting at its first call. */
  readonly rateWindows = new Map<string, { calls: number; windowMs: number; startedAt: number; used: number }>();
  /** Posts to response_urls that Slack refused, and why. */
  readonly responseUrlRefusals: { url: string; status: number; error: string }[] = [];
  readonly takenNames = new Set<string>();
  /** Methods the app's token lacks the scope for, with the scope Slack names (`needed`). */
  readonly missingScopes = new Map<string, string>();
  private readonly triggers = new Map<string, { userId: string; issuedAt: number; exchanged: boolean }>();
  private readonly responseUrls = new Map<string, ResponseUrlRecord>();
  private counter = 0;
  private lastTsMicros = 0;

  constructor(
    readonly botUserId: string,
    private readonly triggerTtlMs: number,
    private readonly responseUrlTtlMs: number,
  ) {}

  /** Slack-looking ids: a type letter ('C', 'D', 'V', 'F', …) then uppercase letters and digits. */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}0FK${this.counter.toString(36).toUpperCase().padStart(6, '0')}`;
  }

  /** Message timestamps: 'seconds.micros', strictly increasing, as chat.update and threads rely on. */
  nextTs(): string {
    this.lastTsMicros = Math.max(Date.now() * 1000, this.lastTsMicros + 1);
    return `${Math.floor(this.lastTsMicros / 1e6)}.${String(this.lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  nextHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  issueTrigger(userId: string): string {
    this.counter += 1;
    const triggerId = `${Date.now()}.${this.counter}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(triggerId, { userId, issuedAt: Date.now(), exchanged: false });
    return triggerId;
  }

  /** A trigger opens one view, once, within the TTL. */
  exchangeTrigger(triggerId: string): { check: TriggerCheck; userId?: string } {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return { check: 'invalid_trigger_id' };
    if (Date.now() - trigger.issuedAt > this.triggerTtlMs) return { check: 'expired_trigger_id' };
    if (trigger.exchanged) return { check: 'exchanged_trigger_id' };
    trigger.exchanged = true;
    return { check: 'ok', userId: trigger.userId };
  }

  issueResponseUrl(origin: ResponseUrlOrigin): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { ...origin, uses: 0, issuedAt: Date.now() });
    return id;
  }

  /** Slack accepts five posts to a response_url, within 30 minutes of the interaction. */
  useResponseUrl(id: string): ResponseUrlOrigin | 'unknown' | 'used' | 'expired' {
    const record = this.responseUrls.get(id);
    if (!record) return 'unknown';
    if (Date.now() - record.issuedAt > this.responseUrlTtlMs) return 'expired';
    if (record.uses >= 5) return 'used';
    record.uses += 1;
    return record;
  }

  /** Seconds to wait when `method` is over the limit a test set for it, else undefined (and the call counts). */
  overRateWindow(method: string): number | undefined {
    const window = this.rateWindows.get(method);
    if (!window) return undefined;
    const now = Date.now();
    if (now - window.startedAt >= window.windowMs) Object.assign(window, { startedAt: now, used: 0 });
    if (window.used < window.calls) {
      window.used += 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((window.startedAt + window.windowMs - now) / 1000));
  }

  conversation(id: string): ConversationRecord | undefined {
    return this.conversations.find((conversation) => conversation.id === id);
  }

  /** One IM channel per person, the same each time. */
  imOf(userId: string): ConversationRecord {
    const existing = this.conversations.find((conversation) => conversation.kind === 'im' && conversation.imUser === userId);
    if (existing) return existing;
    const im: ConversationRecord = {
      id: this.nextId('D'),
      name: userId,
      isPrivate: true,
      members: [userId, this.botUserId],
      createdBy: this.botUserId,
      kind: 'im',
      created: Math.floor(Date.now() / 1000),
      imUser: userId,
    };
    this.conversations.push(im);
    return im;
  }

  addChannel(channel: Omit<ConversationRecord, 'kind' | 'created'>): ConversationRecord {
    const record: ConversationRecord = { ...channel, kind: 'channel', created: Math.floor(Date.now() / 1000) };
    this.conversations.push(record);
    return record;
  }

  addMessage(message: Omit<FakeSlackMessage, 'ts'> & { ts?: string }): FakeSlackMessage {
    const recorded: FakeSlackMessage = { ...message, ts: message.ts ?? this.nextTs() };
    this.messages.push(recorded);
    return recorded;
  }

  latestView(viewId: string): FakeView | undefined {
    return this.views.findLast((view) => view.id === viewId);
  }
}
