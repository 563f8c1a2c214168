import { z } from 'zod';
import { CorruptRecordError } from '../../core/errors';
import type { CommunityRef } from '../../core/identity';
import { keyOf } from '../../store/key-segments';
import type { KeyValueStore } from '../../store/key-value-store';

const deliverySchema = z.object({ key: z.string() });

/**
 * The keyed messages the terminal printed (each recorded just before printing), one record per
 * key, kept in the store so that a message that may have been sent before a restart is not
 * printed twice (Discord and Slack look in the channel).
 */
export function createTerminalDeliveries(store: KeyValueStore) {
  const keyFor = (community: CommunityRef, deliveryKey: string) => keyOf('terminal-delivery', community.id, deliveryKey);

  return {
    async delivered(community: CommunityRef, deliveryKey: string): Promise<boolean> {
      const key = keyFor(community, deliveryKey);
      const value = await store.get(key);
      if (value === undefined) return false;
      const parsed = deliverySchema.safeParse(value);
      if (!parsed.success) throw new CorruptRecordError(key, parsed.error.message);
      return true;
    },
    async record(community: CommunityRef, deliveryKey: string): Promise<void> {
      await store.set(keyFor(community, deliveryKey), { key: deliveryKey });
    },
  };
}
