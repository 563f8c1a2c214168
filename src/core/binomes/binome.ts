import { z } from 'zod';
import { communityRefSchema } from '../identity';
import { scoreTermSchema } from '../matching/score-term-schema';

const isoDateTime = z.iso.datetime();
const userId = z.string().min(1).max(100);

export const BINOME_STATUSES = ['confirmed', 'dissolved'] as const;
export type BinomeStatus = (typeof BINOME_STATUSES)[number];

/** Why a binôme ended; 'cycle-closed' is its cycle's natural end, not a failure (the members are thanked). */
export const DISSOLVED_BECAUSE = ['coordinator', 'withdrawal', 'erasure', 'cycle-closed'] as const;
export type DissolvedBecause = (typeof DISSOLVED_BECAUSE)[number];

/**
 * A confirmed pair, stored under its own key. It is created once (from a confirmed proposal or
 * by hand), in the current cycle, and changes only when a coordinator sets its référent or it ends; what was
 * announced for it lives in the announcement log, step by step.
 */
export const binomeSchema = z.object({
  schemaVersion: z.literal(2),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  community: communityRefSchema,
  /** The cycle it was formed in (its `sequence`): it ends with that cycle at the latest. */
  cycle: z.number().int().min(1),
  mentee: userId,
  mentor: userId,
  referent: userId.optional(),
  status: z.enum(BINOME_STATUSES),
  origin: z.enum(['proposal', 'manual']),
  score: z.number().int(),
  terms: z.array(scoreTermSchema),
  languages: z.array(z.string()),
  createdAt: isoDateTime,
  createdBy: userId,
  dissolvedAt: isoDateTime.optional(),
  dissolvedBy: userId.optional(),
  dissolvedBecause: z.enum(DISSOLVED_BECAUSE).optional(),
});
export type Binome = z.infer<typeof binomeSchema>;

export const isActiveBinome = (binome: Binome): boolean => binome.status === 'confirmed';

/** Whether this person is one of the pair (not its référent). */
export const isMemberOf = (binome: Binome, userId: string): boolean => binome.mentee === userId || binome.mentor === userId;

/** Everyone the binôme's space holds and its announcements reach: mentoré·e, mentor, then the référent if any. */
export function peopleOf(binome: Binome): string[] {
  return binome.referent ? [binome.mentee, binome.mentor, binome.referent] : [binome.mentee, binome.mentor];
}
