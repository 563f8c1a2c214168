import { z } from 'zod';
import { communityRefSchema } from '../identity';

/** The steps of announcing one binôme, in order, and the one step of telling a waitlisted mentoré. */
export const ANNOUNCEMENT_STEPS = ['space', 'welcome', 'dm-mentee', 'dm-mentor', 'dm-referent', 'notice'] as const;
export type AnnouncementStep = (typeof ANNOUNCEMENT_STEPS)[number];

const spaceSchema = z.object({ id: z.string().min(1), name: z.string(), link: z.string().optional() });

/**
 * One attempt at one step, written before the step starts (`started`, claimed with `add`, so two
 * runs never both do it) and overwritten with its outcome once it is known. A `started` attempt
 * that never got an outcome is a run that stopped in between: the next attempt asks the platform
 * whether the message already arrived before sending it again.
 */
export const stepAttemptSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  /** `binome:<id>` or `waitlist:<round>:<mentee>`. */
  subject: z.string().min(1),
  step: z.enum(ANNOUNCEMENT_STEPS),
  attempt: z.number().int().min(1),
  state: z.enum(['started', 'done', 'failed']),
  /** The process that made the attempt: one it does not know is another, or an earlier, run of the bot. */
  instance: z.string().min(1),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  space: spaceSchema.optional(),
  failure: z
    .object({
      reason: z.enum(['dms-closed', 'unreachable', 'missing-permission', 'limit-reached', 'missing-category', 'error']),
      detail: z.string().max(300).optional(),
    })
    .optional(),
});
export type StepAttempt = z.infer<typeof stepAttemptSchema>;
export type StepFailure = NonNullable<StepAttempt['failure']>;
export type AnnouncedSpace = z.infer<typeof spaceSchema>;

export const binomeSubject = (binomeId: string) => `binome:${binomeId}`;
export const waitlistSubject = (round: number, mentee: string) => `waitlist:${round}:${mentee}`;
