import { AttachmentBuilder, type BaseMessageOptions } from 'discord.js';
import type { DeliveredMessage } from '../../dispatch';
import { buttonRows, type MessageRow } from './discord-components';

/**
 * The neutral markup is Discord's own (`**bold**`, `_italic_`, backticks, `[label](url)`,
 * backslash escapes), so text goes as it is. Mentions never ping: a name someone typed
 * ("@everyone") stays text.
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
    content: message.text,
    components: buttonRows(message.buttons),
    files: message.attachments.map((file) => new AttachmentBuilder(Buffer.from(file.content, 'utf8'), { name: file.name })),
    allowedMentions: NO_MENTIONS,
  };
}

export function textPayload(text: string, components: MessageRow[] = []): MessagePayload {
  return { content: text, components, files: [], allowedMentions: NO_MENTIONS };
}
