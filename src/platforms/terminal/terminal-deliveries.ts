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
  const prefix = (community: CommunityRef) => `${keyOf('terminal-delivery', community.id)}.`;

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
    /** Every recorded delivery key of the community (`waitlist|<round>|<user>`, `pairing|<binôme>|<role>`…). */
    async keys(community: CommunityRef): Promise<string[]> {
      const keys: string[] = [];
      for await (const [key, value] of store.scan(prefix(community))) {
        const parsed = deliverySchema.safeParse(value);
        if (!parsed.success) throw new CorruptRecordError(key, parsed.error.message);
        keys.push(parsed.data.key);
      }
      return keys;
    },
    async forget(community: CommunityRef, deliveryKey: string): Promise<boolean> {
      return store.delete(keyFor(community, deliveryKey));
    },
  };
}
