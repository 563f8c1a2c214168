import { z } from 'zod';
import { WEEK_MS } from '../calendar';
import type { Cycle } from '../cycles/cycle';
import { communityRefSchema, participantIdSchema } from '../identity';

/**
 * That a person answered the feedback of a cycle, and nothing else: it names them (personal data,
 * exported and erased with them) but never points to their answer, which is stored apart under a
 * random id. Claimed with `add`, so a second answer (two clicks, two processes) is refused.
 */
export const feedbackClaimSchema = z.object({
  schemaVersion: z.literal(1),
  participant: participantIdSchema,
  cycle: z.number().int().min(1),
});
export type FeedbackClaim = z.infer<typeof feedbackClaimSchema>;

export const SATISFACTION_LEVELS = ['1', '2', '3', '4', '5'] as const;
export const COMMENT_MAX = 1000;

/**
 * One answer, without its author and without a date (a date could be matched with the moment
 * someone was seen answering): only the cycle, the marks and the optional comment.
 */
export const feedbackAnswerSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  cycle: z.number().int().min(1),
  /** Random, given by the store: the order of answers says nothing of who gave them. */
  id: z.string().regex(/^[a-z0-9-]{8,64}$/),
  satisfaction: z.number().int().min(1).max(5),
  recommend: z.boolean(),
  comment: z.string().min(1).max(COMMENT_MAX).optional(),
});
export type FeedbackAnswer = z.infer<typeof feedbackAnswerSchema>;
export type NewFeedbackAnswer = Omit<FeedbackAnswer, 'id' | 'schemaVersion'>;

/** Aggregates are never shown for fewer answers than this: three people or more hide each other. */
export const MIN_ANSWERS_SHOWN = 3;

/**
 * How long a closed cycle's feedback stays open to `/mentorat avis` (and to the DM's button):
 * long enough for someone back from holidays, short enough that answers speak of that cycle.
 */
export const FEEDBACK_OPEN_WEEKS = 8;

export function feedbackOpen(cycle: Cycle, now: Date): boolean {
  if (cycle.state !== 'closed' || !cycle.closedAt) return false;
  return now.getTime() < Date.parse(cycle.closedAt) + FEEDBACK_OPEN_WEEKS * WEEK_MS;
}
