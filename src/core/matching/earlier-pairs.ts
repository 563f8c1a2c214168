import type { Binome } from '../binomes/binome';
import type { Cycle } from '../cycles/cycle';
import type { Enrolment } from '../participants/enrolment';
import type { PairIds } from './candidates';

/** A pair that formed a binôme in an earlier cycle: the latest such cycle, and whether both asked to meet again. */
export interface EarlierPair {
  readonly cycle: string;
  readonly bothAsked: boolean;
}

export const pairKey = (mentee: string, mentor: string): string => `${mentee}\u0000${mentor}`;

/**
 * No repeat pairs: every mentoré–mentor pair of a binôme formed before the current cycle, with the
 * cycle's name for the reason. Those two may meet again only if both said so in their enrolment
 * (then the pair is not a repeat for the matcher), or if a coordinator pins them.
 */
export function earlierPairs(
  binomes: readonly Binome[],
  cycles: readonly Cycle[],
  current: number,
  enrolments: readonly Enrolment[],
): ReadonlyMap<string, EarlierPair> {
  const nameOf = new Map(cycles.map((cycle) => [cycle.sequence, cycle.name]));
  const asked = new Set(enrolments.filter((enrolment) => enrolment.pairAgain).map((enrolment) => enrolment.participant.userId));
  const pairs = new Map<string, EarlierPair & { readonly sequence: number }>();
  for (const binome of binomes) {
    if (binome.cycle >= current) continue;
    const key = pairKey(binome.mentee, binome.mentor);
    const known = pairs.get(key);
    if (known && known.sequence >= binome.cycle) continue;
    pairs.set(key, {
      sequence: binome.cycle,
      cycle: nameOf.get(binome.cycle) ?? String(binome.cycle),
      bothAsked: asked.has(binome.mentee) && asked.has(binome.mentor),
    });
  }
  return pairs;
}

/** The pairs the matcher must not propose: earlier pairs whose two members did not both ask for it. */
export function repeatPairs(pairs: ReadonlyMap<string, EarlierPair>, binomes: readonly Binome[], current: number): PairIds[] {
  const seen = new Set<string>();
  const repeats: PairIds[] = [];
  for (const binome of binomes) {
    const key = pairKey(binome.mentee, binome.mentor);
    if (binome.cycle >= current || seen.has(key) || pairs.get(key)?.bothAsked) continue;
    seen.add(key);
    repeats.push([binome.mentee, binome.mentor]);
  }
  return repeats;
}
