export interface PairMembers {
  readonly mentee: string;
  readonly mentor: string;
}

/**
 * A référent for each pair, loads kept even: each pair gets the least busy référent who is not
 * one of its members (ties by id, so the same pairs give the same référents). `current` counts
 * pairs each référent already follows (confirmed binômes); a pair nobody can follow gets
 * undefined.
 */
export function assignReferents(
  pairs: readonly PairMembers[],
  referents: readonly string[],
  current: ReadonlyMap<string, number> = new Map(),
): (string | undefined)[] {
  const load = new Map([...new Set(referents)].sort().map((id) => [id, current.get(id) ?? 0]));
  return pairs.map((pair) => {
    let chosen: string | undefined;
    for (const [id, count] of load) {
      if (id === pair.mentee || id === pair.mentor) continue;
      if (chosen === undefined || count < (load.get(chosen) ?? 0)) chosen = id;
    }
    if (chosen !== undefined) load.set(chosen, (load.get(chosen) ?? 0) + 1);
    return chosen;
  });
}
