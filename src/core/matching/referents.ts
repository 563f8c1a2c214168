export interface PairMembers {
  readonly mentee: string;
  readonly mentor: string;
}

/**
 * A référent for each pair, loads kept even: each pair gets the least busy référent who is not
 * one of its members (ties by id, so the same pairs give the same référents). `current` counts
 * pairs each référent already follows (confirmed binômes); `chosen` holds the coordinators'
 * choices by mentoré, kept unless the chosen person is one of the pair. A pair nobody can follow
 * gets undefined.
 */
export function assignReferents(
  pairs: readonly PairMembers[],
  referents: readonly string[],
  current: ReadonlyMap<string, number> = new Map(),
  chosen: ReadonlyMap<string, string> = new Map(),
): (string | undefined)[] {
  const load = new Map([...new Set(referents)].sort().map((id) => [id, current.get(id) ?? 0]));
  const fixed = pairs.map((pair) => {
    const choice = chosen.get(pair.mentee);
    return choice !== undefined && choice !== pair.mentee && choice !== pair.mentor ? choice : undefined;
  });
  // Chosen référents count first, so the balanced ones fill around them; someone chosen who is not
  // in the list keeps that pair but never becomes a candidate for the others.
  for (const choice of fixed) {
    const count = choice === undefined ? undefined : load.get(choice);
    if (choice !== undefined && count !== undefined) load.set(choice, count + 1);
  }
  return pairs.map((pair, index) => {
    const choice = fixed[index];
    if (choice !== undefined) return choice;
    let best: string | undefined;
    for (const [id, count] of load) {
      if (id === pair.mentee || id === pair.mentor) continue;
      if (best === undefined || count < (load.get(best) ?? 0)) best = id;
    }
    if (best !== undefined) load.set(best, (load.get(best) ?? 0) + 1);
    return best;
  });
}
