import type { WebClient } from '@slack/web-api';
import type { CommunityRef } from '../../core/identity';
import type { ChatPlatform, DeliveryOptions, DeliveryResult } from '../../core/ports';
import { attachmentBytes, type OutgoingMessage } from '../../core/reply';
import { SHARED_OWNER } from '../../dispatch/button-id';
import type { KeyValueStore } from '../../store/key-value-store';
import { deliverPortMessage } from '../shared/port-message';
import { alreadyPosted, deliveryMetadata } from './slack-delivery';
import { slackCall, undeliveredBecause } from './slack-errors';
import { slackMessage } from './slack-message';
import { createSlackPersonalData } from './slack-personal-data';
import { createSlackSpaceEnding } from './slack-space-ending';
import { createSlackSpaces } from './slack-spaces';

/**
 * The chat-platform port on Slack: DMs, binôme channels, posts in them. Rate limits (429) are
 * waited out by WebClient itself (`Retry-After`); one still there after its retries is thrown.
 */
export function createSlackPlatform(client: WebClient, store: KeyValueStore): ChatPlatform {
  const spaces = createSlackSpaces(client, store);
  const ending = createSlackSpaceEnding(client);

  /**
   * Text, then each file. Buttons that name their command go in blocks under the text: a DM's are
   * its recipient's, a space's anyone's there (the command decides, see `sharedActions`). A message
   * without buttons stays plain text. A keyed message carries its key as metadata on its text; after
   * an attempt whose outcome is unknown, it is looked for first.
   */
  async function post(channel: string, message: OutgoingMessage, owner: string, options: DeliveryOptions | undefined): Promise<void> {
    if (options?.mayHaveBeenSent && (await alreadyPosted(client, channel, options))) return;
    const delivered = deliverPortMessage(message, owner);
    if (message.text.trim() !== '' || delivered.buttons.length > 0) {
      const { text, blocks } = slackMessage(delivered);
      const withButtons = delivered.buttons.length > 0 ? { blocks } : {};
      const metadata = options ? { metadata: deliveryMetadata(options) } : {};
      // No unfurling: a link someone typed must not pull a preview into a binôme's channel.
      await slackCall('chat.postMessage', () =>
        client.chat.postMessage({ channel, text, unfurl_links: false, unfurl_media: false, ...withButtons, ...metadata }),
      );
    }
    for (const file of message.attachments ?? []) {
      await slackCall('files.uploadV2', () =>
        client.files.uploadV2({ channel_id: channel, file: Buffer.from(attachmentBytes(file)), filename: file.name, title: file.name }),
      );
    }
  }

  return {
    platform: 'slack',
    personalData: createSlackPersonalData(store),
    async sendDirectMessage(
      _community: CommunityRef,
      userId: string,
      message: OutgoingMessage,
      options?: DeliveryOptions,
    ): Promise<DeliveryResult> {
      try {
        const opened = await slackCall('conversations.open', () => client.conversations.open({ users: userId }));
        const channel = opened.channel?.id;
        if (!channel) throw new Error('conversations.open answered without a channel id');
        await post(channel, message, userId, options);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error);
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
        await post(spaceId, message, SHARED_OWNER, options);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error);
      }
    },
    removeFromSpace: (_community, spaceId, userId) => ending.remove(spaceId, userId),
    archiveSpace: (_community, spaceId) => ending.archive(spaceId),
  };
}
