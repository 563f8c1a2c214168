import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../src/infra/clock';
import { fixedClock } from './support/fixed-clock';

describe('a clock starting at a chosen moment', () => {
  it('starts there and then runs as time passes', () => {
    const real = fixedClock('2030-01-01T00:00:00Z');
    const clock = clockStartingAt(new Date('2026-11-25T09:00:00Z'), real);
    expect(clock.now().toISOString()).toBe('2026-11-25T09:00:00.000Z');
    real.set('2030-01-01T00:05:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-25T09:05:00.000Z');
  });
});
