import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { DeliveryResult } from '../../core/ports';

/** The permissions the bot needs, as Discord names them in its settings, for messages to coordinators. */
export const PERMISSION_NAMES = {
  ViewChannel: 'View Channels',
  SendMessages: 'Send Messages',
  ReadMessageHistory: 'Read Message History',
  ManageChannels: 'Manage Channels',
  ManageRoles: 'Manage Roles',
} as const;

export function discordErrorCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

/**
 * What Discord's refusals mean for the person or coordinator waiting on a delivery. Anything
 * else (Discord down, a network failure) is not a refusal: it is thrown, for the caller to retry.
 */
export function undeliveredBecause(error: unknown, permission: string): DeliveryResult {
  switch (discordErrorCode(error)) {
    case RESTJSONErrorCodes.CannotSendMessagesToThisUser:
      return { ok: false, reason: 'dms-closed' };
    case RESTJSONErrorCodes.UnknownUser:
    case RESTJSONErrorCodes.UnknownMember:
    case RESTJSONErrorCodes.UnknownChannel:
    case RESTJSONErrorCodes.InvalidRecipients:
    case RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds:
      return { ok: false, reason: 'unreachable' };
    case RESTJSONErrorCodes.MissingPermissions:
    case RESTJSONErrorCodes.MissingAccess:
      return { ok: false, reason: 'missing-permission', detail: permission };
    default:
      throw error;
  }
}
