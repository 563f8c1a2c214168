import { z } from 'zod';
import { participantIdSchema } from '../identity';

/** Asked by the person, or set by the bot after check-ins left unanswered (they are told how to resume). */
export const PAUSE_REASONS = ['asked', 'no-answer'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/**
 * A pause of one participant: never proposed, never nudged while it lasts. `until` for a pause of
 * a number of weeks (it ends by itself then); without it, until further notice. One record per
 * pause, keyed by when it started, so that stats count pauses and history stays.
 */
export const pauseSchema = z.object({
  schemaVersion: z.literal(1),
  participant: participantIdSchema,
  startedAt: z.iso.datetime(),
  until: z.iso.datetime().optional(),
  because: z.enum(PAUSE_REASONS),
  /** When it ended: asked to resume, or its time ran out. */
  endedAt: z.iso.datetime().optional(),
  endedBecause: z.enum(['resumed', 'expired', 'withdrawn']).optional(),
});
export type Pause = z.infer<typeof pauseSchema>;

/** Whether this pause holds at `now`: not ended, and not past its end date. */
export function isPauseActive(pause: Pause, now: Date): boolean {
  if (pause.endedAt) return false;
  return pause.until === undefined || Date.parse(pause.until) > now.getTime();
}

export function activePause(pauses: readonly Pause[], now: Date): Pause | undefined {
  return pauses.find((pause) => isPauseActive(pause, now));
}
