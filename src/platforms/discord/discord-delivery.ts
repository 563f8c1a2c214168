import { createHash } from 'node:crypto';
import type { Client, SendableChannels } from 'discord.js';
import type { DeliveryOptions } from '../../core/ports';
import type { MessagePayload } from './discord-message';

/** Discord takes a nonce of at most 25 characters. */
const NONCE_LENGTH = 25;
/** How far back a message that may have been sent is looked for: Discord's default page. */
const RECENT_MESSAGES = 50;

/** The same key always gives the same nonce, so that a retry is recognised by Discord. */
export function nonceOf(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, NONCE_LENGTH);
}

/**
 * Whether the bot already posted this message here: by its content and files among the channel's
 * recent messages. Discord's enforced nonce only holds for a few minutes, and it documents the nonce
 * in the answer to a create and in MESSAGE_CREATE only, so messages read back are matched by what they say.
 */
async function alreadyPosted(client: Client, channel: SendableChannels, payload: MessagePayload): Promise<boolean> {
  if (!('messages' in channel)) return false;
  const recent = await channel.messages.fetch({ limit: RECENT_MESSAGES, cache: false });
  const files = payload.files.map((file) => file.name ?? '');
  return recent.some(
    (message) =>
      message.author.id === client.user?.id &&
      message.content === payload.content &&
      JSON.stringify(message.attachments.map((attachment) => attachment.name)) === JSON.stringify(files),
  );
}

/**
 * Sends a message once. A keyed message carries a nonce derived from its key with `enforce_nonce`:
 * Discord then answers a retry within a few minutes with the message it already has. After an
 * attempt whose outcome is unknown (`mayHaveBeenSent`), the channel's recent messages are read first.
 */
export async function sendOnce(
  client: Client,
  channel: SendableChannels,
  payload: MessagePayload,
  options: DeliveryOptions | undefined,
): Promise<void> {
  if (!options) {
    await channel.send(payload);
    return;
  }
  if (options.mayHaveBeenSent && (await alreadyPosted(client, channel, payload))) return;
  await channel.send({ ...payload, nonce: nonceOf(options.key), enforceNonce: true });
}
