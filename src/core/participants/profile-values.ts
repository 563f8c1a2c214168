import type { FormValues } from '../forms/form-types';
import { type Enrolment, type Profile, profileSchema } from './enrolment';

/** The form values that show this enrolment again, consents included (they were given). */
export function formValuesOf(enrolment: Enrolment): FormValues {
  const { profile } = enrolment;
  // "Pair me again" is shown only when asked for: most people never had a previous partner.
  return { ...profile, ...(enrolment.pairAgain ? { pairAgain: 'yes' } : {}), consentPillars: true, consentData: true };
}

/**
 * The validated form values as a profile; the form already enforced every limit, so a
 * failure here is a bug (form and record disagree), not the user's mistake.
 */
export function profileFromForm(values: FormValues): Profile {
  const { consentPillars: _pillars, consentData: _data, pairAgain: _again, ...answers } = values;
  return profileSchema.parse({ ...answers, excluded: answers.role === 'mentee' ? (answers.excluded ?? []) : undefined });
}
