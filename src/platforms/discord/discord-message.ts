import { AttachmentBuilder, type BaseMessageOptions } from 'discord.js';
import { attachmentBytes } from '../../core/reply';
import type { DeliveredMessage } from '../../dispatch/dispatcher';
import { buttonRows, type MessageRow } from './discord-components';
import { markupToDiscord } from './discord-markup';

/**
 * Mentions never ping: a name someone typed ("@everyone") stays text, and a person named by
 * `mention()` shows as a name to click, without a notification.
 */
export const NO_MENTIONS = { parse: [] } as const;

export interface MessagePayload {
  readonly content: string;
  readonly components: MessageRow[];
  readonly files: AttachmentBuilder[];
  readonly allowedMentions: BaseMessageOptions['allowedMentions'];
}

export function messagePayload(message: DeliveredMessage): MessagePayload {
  return {
    content: markupToDiscord(message.text),
    components: buttonRows(message.buttons),
    files: message.attachments.map((file) => new AttachmentBuilder(Buffer.from(attachmentBytes(file)), { name: file.name })),
    allowedMentions: NO_MENTIONS,
  };
}

export function textPayload(text: string, components: MessageRow[] = []): MessagePayload {
  return { content: markupToDiscord(text), components, files: [], allowedMentions: NO_MENTIONS };
}
