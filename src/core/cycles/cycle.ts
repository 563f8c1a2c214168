import { z } from 'zod';
import { communityRefSchema } from '../identity';

/** A cycle moves one way: enrolment open → enrolment closed → closed. */
export const CYCLE_STATES = ['enrolment-open', 'enrolment-closed', 'closed'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** What coordinators name a cycle, e.g. `2026-2027`: it is typed in commands and shown in texts and file names. */
export const cycleNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,31}$/u, 'expected a name of 1 to 32 letters, digits, dots, dashes or underscores');

/**
 * One edition of the programme in a community. Cycles are numbered from 1 (`sequence`, the key,
 * claimed with `add` so two coordinators opening "the next one" at once open one); the current
 * cycle is the one with the highest number. Binômes belong to the cycle they were formed in.
 */
export const cycleSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  sequence: z.number().int().min(1),
  name: cycleNameSchema,
  state: z.enum(CYCLE_STATES),
  openedAt: z.iso.datetime(),
  /** Who opened it; `programme` for the first cycle, opened by the bot itself. */
  openedBy: z.string().min(1).max(100),
  enrolmentClosedAt: z.iso.datetime().optional(),
  closedAt: z.iso.datetime().optional(),
  closedBy: z.string().min(1).max(100).optional(),
});
export type Cycle = z.infer<typeof cycleSchema>;

export const FIRST_CYCLE_OPENER = 'programme';

/** The academic year a date falls in (September to August), as cycles are usually named: `2026-2027`. */
export function academicYearName(date: Date): string {
  const year = date.getUTCFullYear();
  const start = date.getUTCMonth() >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export const acceptsEnrolment = (cycle: Cycle): boolean => cycle.state === 'enrolment-open';

/** Matching rounds run until the cycle closes: late enrolments are matched in later rounds. */
export const acceptsMatching = (cycle: Cycle): boolean => cycle.state !== 'closed';
