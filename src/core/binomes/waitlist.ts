import { z } from 'zod';
import { communityRefSchema } from '../identity';
import type { UnmatchedReason } from '../matching/proposal';

/** Why a mentoré has no binôme, exactly as the proposal computed it and the coordinator saw it. */
export const unmatchedReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('blocked'),
    // 'paired-before' was added with cycles: a widened list, so every stored entry still reads as it was (no new version).
    because: z.enum(['no-shared-language', 'no-way-to-meet', 'excluded', 'same-affiliation', 'forbidden', 'paired-before']),
    mentors: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('compatible-mentors-full'), mentors: z.number().int().min(0) }),
  z.object({ kind: z.literal('no-mentor') }),
]) satisfies z.ZodType<UnmatchedReason>;

/**
 * A mentoré a confirmed proposal left without a binôme: they are told why and what happens next
 * when the binômes are announced, and stay on the waiting list until they get one.
 */
export const waitlistEntrySchema = z.object({
  schemaVersion: z.literal(2),
  community: communityRefSchema,
  mentee: z.string().min(1).max(100),
  /** The proposal whose confirmation left them out: each round tells them once. */
  round: z.number().int().min(1),
  reasons: z.array(unmatchedReasonSchema),
  since: z.iso.datetime(),
  /**
   * Back on the list after coordinators dissolved their binôme as "not a good fit": the next
   * round matches them before the others competing for the same places (a score term the
   * proposal shows). Cleared when they get a binôme (the entry goes).
   */
  firstInLine: z.object({ because: z.literal('not-a-fit'), binomeId: z.string().min(1).max(40), at: z.iso.datetime() }).optional(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;
