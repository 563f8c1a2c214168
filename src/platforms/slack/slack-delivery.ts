import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { DeliveryOptions } from '../../core/ports';
import { slackCall } from './slack-errors';

/** The metadata event a keyed message carries: Slack has no idempotency key, so the key travels with the message. */
export const DELIVERY_EVENT = 'mentorat_delivery';
/**
 * How far back a message that may have been sent is looked for. Small, since it was the bot's last
 * attempt, and within the 15 messages a call Slack allows apps outside its Marketplace since 2025.
 */
const RECENT_MESSAGES = 15;

const keyedMetadata = z.object({ event_type: z.literal(DELIVERY_EVENT), event_payload: z.looseObject({ key: z.string() }) });

export function deliveryMetadata(options: DeliveryOptions) {
  return { event_type: DELIVERY_EVENT, event_payload: { key: options.key } };
}

/** Whether a message carrying this key is among the conversation's recent ones (needs `groups:history`, `im:history`). */
export async function alreadyPosted(client: WebClient, channel: string, options: DeliveryOptions): Promise<boolean> {
  const recent = await slackCall('conversations.history', () =>
    client.conversations.history({ channel, limit: RECENT_MESSAGES, include_all_metadata: true }),
  );
  return (recent.messages ?? []).some((message) => keyedMetadata.safeParse(message.metadata).data?.event_payload.key === options.key);
}
