import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, ageOn, localDate } from '../../src/core/calendar';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('counts a birthday as reached on the day itself', () => {
    expect(ageOn('1991-11-25', '2026-11-25')).toBe(35);
    expect(ageOn('1991-11-25', '2026-11-24')).toBe(34);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('moves 29 February to 28 February when adding years lands in a common year', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('decides the local date in the programme time zone', () => {
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'UTC')).toBe('2026-11-24');
  });

  it('is exactly n years old on the nth anniversary of any date but 29 February', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 120 }), (birth, years) => {
        fc.pre(!birth.endsWith('-02-29'));
        expect(ageOn(birth, addYears(birth, years))).toBe(years);
      }),
    );
  });

  it('never gets younger as days pass', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (birth, first, second) => {
        const [earlier, later] = first <= second ? [first, second] : [second, first];
        expect(ageOn(birth, later)).toBeGreaterThanOrEqual(ageOn(birth, earlier));
      }),
    );
  });
});
