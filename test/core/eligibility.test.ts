import { describe, expect, it } from 'vitest';
import { checkMenteeEligibility } from '../../src/core/participants/eligibility';

const rules = { maxAge: 35, maxYearsAfterPhd: 5, doctoralStudentsEligible: true };
const today = '2026-11-25';

describe('mentee eligibility', () => {
  it('accepts someone one day before their 35th birthday', () => {
    expect(checkMenteeEligibility({ phdStatus: 'none', birthDate: '1991-11-26' }, rules, today)).toEqual({ eligible: true, basis: 'age' });
  });

  it('refuses someone on their 35th birthday, naming the birth date field', () => {
    const result = checkMenteeEligibility({ phdStatus: 'none', birthDate: '1991-11-25' }, rules, today);
    expect(result).toEqual({
      eligible: false,
      errors: [{ field: 'birthDate', key: 'enrol.ineligible', params: { maxAge: 35, maxYears: 5 } }],
    });
  });

  it('accepts a doctor exactly 5 years after the defence, whatever their age', () => {
    const result = checkMenteeEligibility({ phdStatus: 'defended', phdDate: '2021-11-25', birthDate: '1970-01-01' }, rules, today);
    expect(result).toEqual({ eligible: true, basis: 'recent-phd' });
  });

  it('refuses a doctor 5 years and one day after the defence when 35 or older', () => {
    const result = checkMenteeEligibility({ phdStatus: 'defended', phdDate: '2021-11-24', birthDate: '1970-01-01' }, rules, today);
    expect(result.eligible).toBe(false);
  });

  it('accepts a doctor over 5 years after the defence who is still under 35', () => {
    const result = checkMenteeEligibility({ phdStatus: 'defended', phdDate: '2019-06-01', birthDate: '1995-01-01' }, rules, today);
    expect(result).toEqual({ eligible: true, basis: 'age' });
  });

  it('accepts doctoral students without asking their age', () => {
    expect(checkMenteeEligibility({ phdStatus: 'in-progress' }, rules, today)).toEqual({ eligible: true, basis: 'doctoral-student' });
  });

  it('refuses doctoral students over the age limit when the programme excludes them', () => {
    const strict = { ...rules, doctoralStudentsEligible: false };
    const result = checkMenteeEligibility({ phdStatus: 'in-progress', birthDate: '1980-01-01' }, strict, today);
    expect(result.eligible).toBe(false);
  });

  it('refuses a defended thesis dated in the future, naming the thesis date field', () => {
    const result = checkMenteeEligibility({ phdStatus: 'defended', phdDate: '2026-11-26', birthDate: '1995-01-01' }, rules, today);
    expect(result).toEqual({ eligible: false, errors: [{ field: 'phdDate', key: 'enrol.error.phdDateInFuture', params: {} }] });
  });

  it('accepts a thesis defended today', () => {
    const result = checkMenteeEligibility({ phdStatus: 'defended', phdDate: today, birthDate: '1960-01-01' }, rules, today);
    expect(result).toEqual({ eligible: true, basis: 'recent-phd' });
  });

  it('refuses a birth date in the future or an implausible one', () => {
    expect(checkMenteeEligibility({ phdStatus: 'none', birthDate: '2027-01-01' }, rules, today)).toMatchObject({
      eligible: false,
      errors: [{ field: 'birthDate', key: 'enrol.error.birthDateInFuture' }],
    });
    expect(checkMenteeEligibility({ phdStatus: 'none', birthDate: '1890-01-01' }, rules, today)).toMatchObject({
      eligible: false,
      errors: [{ field: 'birthDate', key: 'enrol.error.birthDateImplausible' }],
    });
  });

  it('reads both limits from the programme', () => {
    const generous = { maxAge: 40, maxYearsAfterPhd: 8, doctoralStudentsEligible: true };
    expect(checkMenteeEligibility({ phdStatus: 'none', birthDate: '1987-01-01' }, generous, today).eligible).toBe(true);
    expect(
      checkMenteeEligibility({ phdStatus: 'defended', phdDate: '2018-12-01', birthDate: '1970-01-01' }, generous, today).eligible,
    ).toBe(true);
  });
});
