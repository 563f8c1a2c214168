import { addYears, ageOn, type IsoDate } from '../calendar';
import { type FieldError, fieldError } from '../forms/field-error';
import type { Programme } from '../programme/programme-schema';
import type { PhdStatus } from './enrolment';

export interface MenteeEligibilityInput {
  readonly phdStatus: PhdStatus;
  readonly phdDate?: IsoDate | undefined;
  readonly birthDate?: IsoDate | undefined;
}

export type EligibilityBasis = 'doctoral-student' | 'recent-phd' | 'age';

export type EligibilityResult =
  | { readonly eligible: true; readonly basis: EligibilityBasis }
  | { readonly eligible: false; readonly errors: readonly FieldError[] };

/** People older than this are surely a typing mistake in the birth date. */
const OLDEST_PLAUSIBLE_AGE = 120;
const YOUNGEST_PLAUSIBLE_AGE = 15;

/**
 * A mentoré qualifies when younger than `maxAge`, or a doctoral student, or at most
 * `maxYearsAfterPhd` years after the defence (the anniversary day itself still counts).
 */
export function checkMenteeEligibility(input: MenteeEligibilityInput, rules: Programme['eligibility'], today: IsoDate): EligibilityResult {
  const params = { maxAge: rules.maxAge, maxYears: rules.maxYearsAfterPhd };
  const errors: FieldError[] = [];
  if (input.phdStatus === 'defended' && input.phdDate && input.phdDate > today) {
    errors.push(fieldError('phdDate', 'enrol.error.phdDateInFuture'));
  }
  if (input.birthDate) {
    const age = ageOn(input.birthDate, today);
    if (input.birthDate > today) errors.push(fieldError('birthDate', 'enrol.error.birthDateInFuture'));
    else if (age < YOUNGEST_PLAUSIBLE_AGE || age > OLDEST_PLAUSIBLE_AGE) {
      errors.push(fieldError('birthDate', 'enrol.error.birthDateImplausible'));
    }
  }
  if (errors.length > 0) return { eligible: false, errors };

  if (input.phdStatus === 'in-progress' && rules.doctoralStudentsEligible) return { eligible: true, basis: 'doctoral-student' };
  if (input.phdStatus === 'defended' && input.phdDate && today <= addYears(input.phdDate, rules.maxYearsAfterPhd)) {
    return { eligible: true, basis: 'recent-phd' };
  }
  if (input.birthDate && ageOn(input.birthDate, today) < rules.maxAge) return { eligible: true, basis: 'age' };

  const field = input.birthDate ? 'birthDate' : input.phdStatus === 'defended' ? 'phdDate' : 'phdStatus';
  return { eligible: false, errors: [fieldError(field, 'enrol.ineligible', params)] };
}
