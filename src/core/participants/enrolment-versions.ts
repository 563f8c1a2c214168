import { z } from 'zod';
import { type Enrolment, enrolmentSchema } from './enrolment';

/** Version 2, stored until the form asked whether to be paired again with a previous partner. */
export const enrolmentV2Schema = enrolmentSchema.omit({ pairAgain: true }).extend({ schemaVersion: z.literal(2) });
export type EnrolmentV2 = z.infer<typeof enrolmentV2Schema>;

/** Nobody asked to be paired again before the question existed: the no-repeat rule applies to them. */
export function upgradeEnrolmentV2(old: EnrolmentV2): Enrolment {
  return { ...old, schemaVersion: 3, pairAgain: false };
}

/**
 * Version 1, stored until the enrolment kept the data notice the person accepted: the same
 * record, its consents dated only.
 */
export const enrolmentV1Schema = enrolmentV2Schema.extend({
  schemaVersion: z.literal(1),
  consents: z.object({ pillars: z.iso.datetime(), dataNotice: z.iso.datetime() }),
});
export type EnrolmentV1 = z.infer<typeof enrolmentV1Schema>;

/** The text a version 1 enrolment accepted was not kept: it stays unknown (null), never guessed from today's notice. */
export function upgradeEnrolmentV1(old: EnrolmentV1): Enrolment {
  return upgradeEnrolmentV2({ ...old, schemaVersion: 2, consents: { ...old.consents, dataNoticeText: null } });
}
