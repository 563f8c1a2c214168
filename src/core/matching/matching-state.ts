import { z } from 'zod';
import { unmatchedReasonSchema } from '../binomes/waitlist';
import { communityRefSchema } from '../identity';
import { scoreTermSchema } from './score-term-schema';

const userId = z.string().min(1).max(100);
const isoDateTime = z.iso.datetime();

/** A coordinator's decision about one pair, kept until the next proposal is confirmed. */
export const pairRuleSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  kind: z.enum(['pin', 'forbid']),
  mentee: userId,
  mentor: userId,
  by: userId,
  at: isoDateTime,
});
export type PairRule = z.infer<typeof pairRuleSchema>;

/** The référent a coordinator chose for a mentoré's future binôme, over the balanced choice. */
export const referentChoiceSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  mentee: userId,
  referent: userId,
  by: userId,
  at: isoDateTime,
});
export type ReferentChoice = z.infer<typeof referentChoiceSchema>;

/**
 * The basis of a proposal emptied by an erasure (it named the person): never the fingerprint of a
 * real situation (those are base 36), so it confirms nothing, while its revision lives on.
 */
export const ERASED_PROPOSAL_BASIS = 'erased!';

/**
 * The last proposal shown to coordinators, exactly as shown: `valider` confirms this one, and
 * only while `basis` still matches what it was computed from (nobody enrolled, withdrew, was
 * pinned or paired meanwhile), so a coordinator never confirms pairs they did not see.
 */
export const storedProposalSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  revision: z.number().int().min(1),
  basis: z.string().min(1),
  computedAt: isoDateTime,
  computedBy: userId,
  pairs: z.array(
    z.object({
      mentee: userId,
      mentor: userId,
      score: z.number().int(),
      terms: z.array(scoreTermSchema),
      languages: z.array(z.string()),
      pinned: z.boolean(),
      referent: userId.optional(),
      /** A pair from an earlier cycle (pinned, or both asked): an optional field, so proposals stored before it read unchanged. */
      earlier: z.object({ cycle: z.string().min(1).max(64), bothAsked: z.boolean() }).optional(),
    }),
  ),
  unmatched: z.array(z.object({ mentee: userId, reasons: z.array(unmatchedReasonSchema) })),
  confirmed: z.object({ at: isoDateTime, by: userId }).optional(),
});
export type StoredProposal = z.infer<typeof storedProposalSchema>;
