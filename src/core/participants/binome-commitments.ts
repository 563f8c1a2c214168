import { type Binome, isActiveBinome } from '../binomes/binome';
import type { ParticipantRole, Profile } from './enrolment';

/** What running binômes hold people to: how many each one mentors, and who is mentored. */
export interface BinomeCommitments {
  /** Active binômes each person mentors. */
  readonly mentoring: ReadonlyMap<string, number>;
  /** People who are the mentoré of an active binôme. */
  readonly mentored: ReadonlySet<string>;
}

export function binomeCommitments(binomes: readonly Binome[]): BinomeCommitments {
  const mentoring = new Map<string, number>();
  const mentored = new Set<string>();
  for (const binome of binomes) {
    if (!isActiveBinome(binome)) continue;
    mentoring.set(binome.mentor, (mentoring.get(binome.mentor) ?? 0) + 1);
    mentored.add(binome.mentee);
  }
  return { mentoring, mentored };
}

/** The role running binômes give this person, if any: the one they must keep while those last. */
export function committedRole(commitments: BinomeCommitments, userId: string): ParticipantRole | undefined {
  if ((commitments.mentoring.get(userId) ?? 0) > 0) return 'mentor';
  return commitments.mentored.has(userId) ? 'mentee' : undefined;
}

/** A mentor's free places: never negative, even for a capacity stored lower than the binômes held. */
export function placesLeft(capacity: number, commitments: BinomeCommitments, userId: string): number {
  return Math.max(0, capacity - (commitments.mentoring.get(userId) ?? 0));
}

/** Why a new profile cannot replace the current one while binômes rest on it. */
export type CommitmentConflict =
  | { readonly kind: 'role'; readonly held: ParticipantRole }
  | { readonly kind: 'capacity'; readonly capacity: number; readonly held: number };

/**
 * The one check every change of enrolment goes through: a person keeps the role their running
 * binômes give them, and a mentor's capacity never drops below the binômes they mentor. Anything
 * else would leave the matcher and the counts an impossible state (mentor and mentoré at once,
 * a mentor over capacity).
 */
export function conflictWithCommitments(profile: Profile, commitments: BinomeCommitments, userId: string): CommitmentConflict | undefined {
  const held = committedRole(commitments, userId);
  if (held && held !== profile.role) return { kind: 'role', held };
  const mentoring = commitments.mentoring.get(userId) ?? 0;
  if (profile.role === 'mentor' && profile.capacity < mentoring) return { kind: 'capacity', capacity: profile.capacity, held: mentoring };
  return undefined;
}
