import { z } from 'zod';
import { type WaitlistEntry, waitlistEntrySchema } from './waitlist';

/** Version 1, stored before "not a good fit" could put a mentoré first in line: the same entry without it. */
export const waitlistEntryV1Schema = waitlistEntrySchema.omit({ firstInLine: true }).extend({ schemaVersion: z.literal(1) });
export type WaitlistEntryV1 = z.infer<typeof waitlistEntryV1Schema>;

/** Nobody was first in line before the marker existed. */
export function upgradeWaitlistEntryV1(old: WaitlistEntryV1): WaitlistEntry {
  return { ...old, schemaVersion: 2 };
}
