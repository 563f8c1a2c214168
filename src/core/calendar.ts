/** Lengths of time in milliseconds, for due dates (check-ins, pauses, deadlines, digests). */
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** Calendar dates as `YYYY-MM-DD` strings: they compare correctly as text and carry no time zone. */
export type IsoDate = string;

/** The date it is now in the programme's time zone (eligibility is decided on the local calendar). */
export function localDate(now: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function parts(date: IsoDate): [number, number, number] {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return [year, month, day];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return format(target, month, Math.min(day, lastDay));
}

/** Full years between a birth date and a day; a 29 February birthday counts from 1 March in common years. */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  const [birthYear, birthMonth, birthDay] = parts(birthDate);
  const [year, month, dayOfMonth] = parts(day);
  const hadBirthday = month > birthMonth || (month === birthMonth && dayOfMonth >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}
