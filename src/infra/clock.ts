import type { Clock } from '../core/ports';

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at a chosen moment and then runs normally: a demo or an acceptance
 * script can play "today is 25 November 2026" (a 35th birthday, a 5-year anniversary).
 */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
