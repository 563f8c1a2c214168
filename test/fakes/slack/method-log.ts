/*
 * What the bot asked of every fake Slack in this test process: each Web API method with the token
 * it came with and the kind of conversation it named, and each kind of request Slack sent the app.
 * The scope test derives the scopes the bot needs from it, after real end-to-end runs.
 */

/** The conversation a call acts on, as scopes tell them apart (groups:* for private channels, im:* for DMs…). */
export type ConversationKind = 'public' | 'private' | 'im' | 'mpim';

export type RecordedUse =
  | { readonly kind: 'web-api'; readonly method: string; readonly token: 'bot' | 'app' | 'other'; readonly conversation?: ConversationKind }
  | { readonly kind: 'inbound'; readonly type: 'slash_commands' | 'block_actions' | 'view_submission' };

const uses = new Map<string, RecordedUse>();

export function recordUse(use: RecordedUse): void {
  uses.set(JSON.stringify(use), use);
}

/** Every distinct use recorded so far in this process. */
export function recordedUses(): RecordedUse[] {
  return [...uses.values()];
}
