import type { Clock } from '../../src/core/ports';

/** A clock that only moves when told to. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next) {
      now = new Date(next);
    },
    /** Time passes: a scenario's wait step, or a test's "three days later". */
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a clock only moves forward (got ${ms})`);
      now = new Date(now.getTime() + ms);
    },
  };
}
