import { ErrorCode } from '@slack/web-api';
import { z } from 'zod';
import type { DeliveryResult } from '../../core/ports';

/** What a refused Web API call answers (`{ok: false, error, needed?}`), as WebClient hands it over. */
const platformError = z.object({
  code: z.literal(ErrorCode.PlatformError),
  data: z.object({
    error: z.string(),
    needed: z.string().optional(),
    errors: z.array(z.object({ user: z.string().optional(), error: z.string().optional() })).optional(),
  }),
});

/**
 * A Web API refusal, tagged with the method refused, so that a coordinator's message can name
 * what to grant when Slack does not name the scope. `cause` is WebClient's own error.
 */
export class SlackRefusal extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly needed: string | undefined,
    /** conversations.invite: who was refused, when several people were invited at once. */
    readonly refusedUser: string | undefined,
    options: { cause: unknown },
  ) {
    super(`Slack refused ${method}: ${code}`, options);
    this.name = 'SlackRefusal';
  }
}

/**
 * Runs one Web API call. A refusal (HTTP 200 `ok: false`) becomes a `SlackRefusal`; anything
 * else (network, HTTP 5xx, a rate limit still there after WebClient's retries) passes through as thrown.
 */
export async function slackCall<T>(method: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const parsed = platformError.safeParse(error);
    if (!parsed.success) throw error;
    const { error: code, needed, errors } = parsed.data.data;
    throw new SlackRefusal(method, code, needed, errors?.find((entry) => entry.user)?.user, { cause: error });
  }
}

/** The bot's token lacks a scope, is of the wrong type, or the workspace forbids the action to apps. */
const PERMISSION_CODES = new Set(['missing_scope', 'not_allowed_token_type', 'restricted_action']);

/** What to grant: the scope when Slack names it (`needed`), else the method that was refused. */
export function permissionDetail(refusal: SlackRefusal): string {
  return refusal.needed ?? refusal.method;
}

export function isPermissionRefusal(refusal: SlackRefusal): boolean {
  return PERMISSION_CODES.has(refusal.code);
}

const UNREACHABLE_CODES = new Set([
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'channel_not_found',
  'is_archived',
  'not_in_channel',
]);

/**
 * What Slack's refusals mean for a DM or a post: the person closed the app's Messages tab, is gone,
 * or the bot lacks a scope. Anything else is not a refusal the caller can explain: it is thrown,
 * WebClient's own error, for the caller to retry or log.
 */
export function undeliveredBecause(error: unknown): DeliveryResult {
  if (!(error instanceof SlackRefusal)) throw error;
  // The app's own Messages tab is off (App Home settings): nobody can be written to until it is on.
  if (error.code === 'messages_tab_disabled') return { ok: false, reason: 'missing-permission', detail: 'App Home → Messages Tab' };
  if (UNREACHABLE_CODES.has(error.code)) return { ok: false, reason: 'unreachable' };
  if (isPermissionRefusal(error)) return { ok: false, reason: 'missing-permission', detail: permissionDetail(error) };
  throw error.cause;
}
