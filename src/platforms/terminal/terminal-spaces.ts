import { z } from 'zod';
import { CorruptRecordError } from '../../core/errors';
import type { CommunityRef } from '../../core/identity';
import { keyOf } from '../../store/key-segments';
import type { KeyValueStore } from '../../store/key-value-store';

/**
 * `archived` came later, optional: a record written before reads as a space still open, so no new
 * version is needed (nothing else about the shape changed).
 */
const spaceSchema = z.object({ key: z.string(), name: z.string(), members: z.array(z.string()), archived: z.boolean().optional() });
export type TerminalSpace = z.infer<typeof spaceSchema>;

/**
 * The terminal's private spaces, kept in the store so that "same key, same space" holds across
 * restarts, as it does on Discord and Slack. A space's id is its key.
 */
export function createTerminalSpaces(store: KeyValueStore) {
  const prefix = (community: CommunityRef) => `${keyOf('terminal-space', community.id)}.`;
  const keyFor = (community: CommunityRef, spaceKey: string) => keyOf('terminal-space', community.id, spaceKey);
  const parse = (key: string, value: unknown): TerminalSpace => {
    const parsed = spaceSchema.safeParse(value);
    if (!parsed.success) throw new CorruptRecordError(key, parsed.error.message);
    return parsed.data;
  };

  return {
    async find(community: CommunityRef, spaceKey: string): Promise<TerminalSpace | undefined> {
      const key = keyFor(community, spaceKey);
      const value = await store.get(key);
      return value === undefined ? undefined : parse(key, value);
    },
    async list(community: CommunityRef): Promise<TerminalSpace[]> {
      const spaces: TerminalSpace[] = [];
      for await (const [key, value] of store.scan(prefix(community))) spaces.push(parse(key, value));
      return spaces;
    },
    async remove(community: CommunityRef, spaceKey: string): Promise<boolean> {
      return store.delete(keyFor(community, spaceKey));
    },
    async names(community: CommunityRef): Promise<Set<string>> {
      const names = new Set<string>();
      for await (const [key, value] of store.scan(prefix(community))) names.add(parse(key, value).name);
      return names;
    },
    async save(community: CommunityRef, space: TerminalSpace): Promise<void> {
      await store.set(keyFor(community, space.key), space);
    },
  };
}
