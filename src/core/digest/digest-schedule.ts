import { DAY_MS } from '../calendar';
import type { Weekday } from '../programme/programme-schema';
import { WEEKDAYS } from '../programme/programme-schema';

/** The wall-clock time in a zone at an instant, read field by field (Intl, no time-zone library). */
function wallClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far the zone's clock is ahead of UTC at this instant, in ms (Paris: one hour in winter, two in summer). */
function offsetAt(at: number, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - Math.floor(at / 1000) * 1000;
}

/** The instant a local date and hour fall at in a zone; across a change of offset the second guess settles it. */
export function zonedInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second);
}

/**
 * The first instant strictly after `now` that is `weekday` at `hour`:00 on the programme's
 * clock. Computed from local dates, so a summer-time change between two digests keeps the hour
 * people see (9:00 in Paris is 8:00 UTC in winter and 7:00 UTC in summer).
 */
export function nextWeeklySlot(now: Date, timeZone: string, weekday: Weekday, hour: number): Date {
  const today = wallClock(now.getTime(), timeZone);
  const wanted = (WEEKDAYS.indexOf(weekday) + 1) % 7; // getUTCDay: Sunday is 0
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + offset * DAY_MS);
    if (date.getUTCDay() !== wanted) continue;
    const slot = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, timeZone);
    if (slot.getTime() > now.getTime()) return slot;
  }
  // Only reached when today's slot has passed and the same weekday comes again in 7 days (offset 7 above).
  throw new Error('no weekly slot found within eight days');
}
