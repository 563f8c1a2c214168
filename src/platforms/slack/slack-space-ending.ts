import type { WebClient } from '@slack/web-api';
import type { ArchiveSpaceResult, DeliveryResult } from '../../core/ports';
import { isPermissionRefusal, permissionDetail, SlackRefusal, slackCall } from './slack-errors';

/** Refusals that mean the work is already done: the person is not in the channel, the channel is archived. */
const ALREADY_DONE = { kick: new Set(['not_in_channel']), archive: new Set(['already_archived']) } as const;
/** The channel is gone for the bot (deleted, or a private channel it was removed from). */
const UNREACHABLE = new Set(['channel_not_found', 'user_not_found', 'method_not_supported_for_channel_type']);

function refusalResult(error: unknown, done: ReadonlySet<string>): DeliveryResult {
  if (!(error instanceof SlackRefusal)) throw error;
  if (done.has(error.code)) return { ok: true };
  if (UNREACHABLE.has(error.code)) return { ok: false, reason: 'unreachable' };
  if (isPermissionRefusal(error)) return { ok: false, reason: 'missing-permission', detail: permissionDetail(error) };
  throw error.cause;
}

/**
 * What ends a binôme's channel on Slack: a member who left is removed from it (`conversations.kick`),
 * and at the end of the cycle the channel is archived: its members keep reading it, nobody writes.
 * Both are done again harmlessly, so a retry after an unknown outcome is safe.
 */
export function createSlackSpaceEnding(client: WebClient) {
  return {
    async remove(channel: string, user: string): Promise<DeliveryResult> {
      try {
        await slackCall('conversations.kick', () => client.conversations.kick({ channel, user }));
        return { ok: true };
      } catch (error) {
        return refusalResult(error, ALREADY_DONE.kick);
      }
    },
    async archive(channel: string): Promise<ArchiveSpaceResult> {
      try {
        await slackCall('conversations.archive', () => client.conversations.archive({ channel }));
        return { ok: true };
      } catch (error) {
        return refusalResult(error, ALREADY_DONE.archive);
      }
    },
  };
}
