import type { Clock } from '../core/ports';

export const systemClock: Clock = { now: () => new Date() };

/** A demo clock: it reads like any clock, and whoever built it may also move it forward. */
export interface DemoClock extends Clock {
  /** Time passes at once: the clock jumps `ms` forward and keeps running from there. */
  advance(ms: number): void;
}

/**
 * A clock that starts at a chosen moment and then runs normally: a demo or an acceptance
 * script can play "today is 25 November 2026" (a 35th birthday, a 5-year anniversary), and,
 * through `advance`, "three weeks later" without waiting three weeks.
 */
export function demoClock(start: Date, real: Clock = systemClock): DemoClock {
  let offset = start.getTime() - real.now().getTime();
  return {
    now: () => new Date(real.now().getTime() + offset),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a clock only moves forward, by a finite amount (got ${ms})`);
      offset += ms;
    },
  };
}

/** A demo clock nobody moves: the start of a demo, then real time. */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const { now } = demoClock(start, real);
  return { now };
}
