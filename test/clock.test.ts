import { describe, expect, it } from 'vitest';
import { clockStartingAt, demoClock } from '../src/infra/clock';
import { LONGEST_DURATION_MS, parseDuration } from '../src/infra/duration';
import { fixedClock } from './support/fixed-clock';

const HOUR = 3_600_000;

describe('a clock starting at a chosen moment', () => {
  it('starts there and then runs as time passes', () => {
    const real = fixedClock('2030-01-01T00:00:00Z');
    const clock = clockStartingAt(new Date('2026-11-25T09:00:00Z'), real);
    expect(clock.now().toISOString()).toBe('2026-11-25T09:00:00.000Z');
    real.set('2030-01-01T00:05:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-25T09:05:00.000Z');
  });
});

describe('a demo clock', () => {
  it('jumps forward when told, then keeps running from there', () => {
    const real = fixedClock('2030-01-01T00:00:00Z');
    const clock = demoClock(new Date('2026-09-07T08:00:00Z'), real);
    clock.advance(73 * HOUR);
    expect(clock.now().toISOString()).toBe('2026-09-10T09:00:00.000Z');
    real.advance(5 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-09-10T09:05:00.000Z');
  });

  it('never goes back, nor jumps by something that is not a number', () => {
    const clock = demoClock(new Date('2026-09-07T08:00:00Z'), fixedClock('2030-01-01T00:00:00Z'));
    expect(() => clock.advance(-HOUR)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe('2026-09-07T08:00:00.000Z');
  });
});

describe('a duration typed for /wait or a scenario wait step', () => {
  it.each([
    ['2w', 14 * 24 * HOUR],
    ['14d', 14 * 24 * HOUR],
    ['14j', 14 * 24 * HOUR],
    ['73h', 73 * HOUR],
    ['90m', 90 * 60_000],
    ['1d12h', 36 * HOUR],
    ['1W2D', 9 * 24 * HOUR],
    [' 3h ', 3 * HOUR],
    ['366d', LONGEST_DURATION_MS],
  ])('%s is read exactly', (typed, ms) => {
    expect(parseDuration(typed)).toBe(ms);
  });

  it.each([
    '',
    'h',
    '3',
    '3x',
    '-3h',
    '+3h',
    '1.5h',
    '3 h',
    '2 w',
    '0h',
    '0d0h',
    '1h1h',
    '1d1j',
    '367d',
    '53w',
    '3h garbage',
    'trois jours',
  ])('%j is refused, never guessed', (typed) => {
    expect(parseDuration(typed)).toBeUndefined();
  });
});
