import { z } from 'zod';
import { type Enrolment, enrolmentSchema } from './enrolment';

/**
 * Version 1, stored until the enrolment kept the data notice the person accepted: the same
 * record, its consents dated only.
 */
export const enrolmentV1Schema = enrolmentSchema.extend({
  schemaVersion: z.literal(1),
  consents: z.object({ pillars: z.iso.datetime(), dataNotice: z.iso.datetime() }),
});
export type EnrolmentV1 = z.infer<typeof enrolmentV1Schema>;

/** The text a version 1 enrolment accepted was not kept: it stays unknown (null), never guessed from today's notice. */
export function upgradeEnrolmentV1(old: EnrolmentV1): Enrolment {
  return { ...old, schemaVersion: 2, consents: { ...old.consents, dataNoticeText: null } };
}
