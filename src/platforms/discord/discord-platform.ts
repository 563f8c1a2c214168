import type { Client } from 'discord.js';
import type { CommunityRef } from '../../core/identity';
import type { ChatPlatform, DeliveryOptions, DeliveryResult } from '../../core/ports';
import type { OutgoingMessage } from '../../core/reply';
import { SHARED_OWNER } from '../../dispatch/button-id';
import type { ProgrammeDirectory } from '../../dispatch/dispatcher';
import { deliverPortMessage } from '../shared/port-message';
import { sendOnce } from './discord-delivery';
import { PERMISSION_NAMES, undeliveredBecause } from './discord-errors';
import { messagePayload } from './discord-message';
import { createDiscordSpaceEnding } from './discord-space-ending';
import { createDiscordSpaces } from './discord-spaces';
import { stampPayload } from './guild-stamp';

/**
 * Messages the bot sends on its own: text, files, and the buttons that name their command. In a DM
 * they are the recipient's, and carry the server (Discord will not say it when they are pressed);
 * in a space, anyone there may press them (the command decides, see `sharedActions`).
 */
function dmPayload(community: CommunityRef, userId: string, message: OutgoingMessage) {
  return stampPayload(messagePayload(deliverPortMessage(message, userId)), community.id);
}

function spacePayload(message: OutgoingMessage) {
  return messagePayload(deliverPortMessage(message, SHARED_OWNER));
}

/** The chat-platform port on Discord: DMs, binôme channels, posts in them. */
export function createDiscordPlatform(client: Client, programmes: ProgrammeDirectory): ChatPlatform {
  const spaces = createDiscordSpaces(client, programmes);
  const ending = createDiscordSpaceEnding(client, programmes);

  return {
    platform: 'discord',
    async sendDirectMessage(
      community: CommunityRef,
      userId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      try {
        const user = await client.users.fetch(userId);
        await sendOnce(client, await user.createDM(), dmPayload(community, userId, message), options);
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
        await sendOnce(client, channel, spacePayload(message), options);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error, `${PERMISSION_NAMES.ViewChannel}, ${PERMISSION_NAMES.SendMessages}`);
      }
    },
    removeFromSpace: (_community, spaceId, userId) => ending.remove(spaceId, userId),
    archiveSpace: (community, spaceId) => ending.archive(community, spaceId),
  };
}
