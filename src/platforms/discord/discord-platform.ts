import type { Client } from 'discord.js';
import type { CommunityRef } from '../../core/identity';
import type { ChatPlatform, DeliveryOptions, DeliveryResult } from '../../core/ports';
import type { OutgoingMessage } from '../../core/reply';
import type { ProgrammeDirectory } from '../../dispatch';
import { sendOnce } from './discord-delivery';
import { PERMISSION_NAMES, undeliveredBecause } from './discord-errors';
import { messagePayload } from './discord-message';
import { createDiscordSpaces } from './discord-spaces';

/**
 * Messages the bot sends on its own (not in answer to someone): text and files. Buttons need
 * the command that handles them, which only an answer to a command has.
 */
function payloadOf(message: OutgoingMessage) {
  return messagePayload({ text: message.text, buttons: [], attachments: message.attachments ?? [] });
}

/** The chat-platform port on Discord: DMs, binôme channels, posts in them. */
export function createDiscordPlatform(client: Client, programmes: ProgrammeDirectory): ChatPlatform {
  const spaces = createDiscordSpaces(client, programmes);

  return {
    platform: 'discord',
    async sendDirectMessage(
      _community: CommunityRef,
      userId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      try {
        const user = await client.users.fetch(userId);
        await sendOnce(client, await user.createDM(), payloadOf(message), options);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error, PERMISSION_NAMES.SendMessages);
      }
    },
    openPrivateSpace: (community, request) => spaces.open(community, request),
    async postInSpace(
      _community: CommunityRef,
      spaceId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      try {
        const channel = await client.channels.fetch(spaceId);
        if (!channel?.isSendable()) return { ok: false, reason: 'unreachable' };
        await sendOnce(client, channel, payloadOf(message), options);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error, `${PERMISSION_NAMES.ViewChannel}, ${PERMISSION_NAMES.SendMessages}`);
      }
    },
  };
}
