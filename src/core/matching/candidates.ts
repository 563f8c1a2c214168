import { z } from 'zod';

/** A person as the matcher sees them: ids of choices, never free text, so scoring is exact. */
export const mentorCandidateSchema = z.object({
  id: z.string().min(1),
  capacity: z.number().int().min(1),
  languages: z.array(z.string().min(1)).min(1),
  fields: z.array(z.string().min(1)),
  sector: z.enum(['academic', 'private', 'both']),
  affiliation: z.string(),
  format: z.enum(['remote', 'in-person', 'both']),
  region: z.string(),
  offers: z.array(z.string().min(1)),
});

export const menteeCandidateSchema = z.object({
  id: z.string().min(1),
  languages: z.array(z.string().min(1)).min(1),
  fields: z.array(z.string().min(1)),
  wishedSector: z.enum(['academic', 'private', 'any']),
  affiliation: z.string(),
  format: z.enum(['remote', 'in-person', 'both']),
  region: z.string(),
  expectations: z.array(z.string().min(1)),
  /** Mentor ids this mentoré must never be proposed (thesis director, CSI members). */
  excluded: z.array(z.string().min(1)),
  /** Back on the waiting list after a binôme that was "not a good fit": matched before the others (see FIRST_IN_LINE_POINTS). */
  firstInLine: z.boolean().optional(),
});

export type MentorCandidate = z.infer<typeof mentorCandidateSchema>;
export type MenteeCandidate = z.infer<typeof menteeCandidateSchema>;

/** A pair as [menteeId, mentorId], the way coordinators pin or forbid it. */
export type PairIds = readonly [string, string];

export interface MatchingInput {
  readonly mentors: readonly MentorCandidate[];
  readonly mentees: readonly MenteeCandidate[];
  readonly pins: readonly PairIds[];
  readonly forbids: readonly PairIds[];
  /**
   * Pairs that formed a binôme in an earlier cycle: never proposed again (no repeat pairs), unless a
   * coordinator pins one or both people asked for it (then they are not listed here).
   */
  readonly repeats?: readonly PairIds[];
}

/** Weights of the soft score (integers), and which hard rules beyond the shared language apply. */
export interface MatchingRules {
  readonly weights: {
    readonly sharedField: number;
    readonly wishedSector: number;
    readonly offeredTopic: number;
    readonly sameRegionInPerson: number;
    readonly compatibleFormat: number;
  };
  readonly forbidSameAffiliation: boolean;
  /** A pair must have a way to meet: both accept remote, or both in person in the same region. */
  readonly requireWayToMeet: boolean;
}

export const DEFAULT_MATCHING_RULES: MatchingRules = {
  weights: { sharedField: 10, wishedSector: 5, offeredTopic: 3, sameRegionInPerson: 4, compatibleFormat: 2 },
  forbidSameAffiliation: true,
  requireWayToMeet: true,
};
