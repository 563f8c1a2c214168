import { describe, expect, it } from 'vitest';
import { serialQueue, singleFlight } from '../../src/platforms/single-flight';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('running things once, or one at a time, per key', () => {
  it('gives a second caller of the same key the first one’s result, and runs other keys apart', async () => {
    const once = singleFlight<string>();
    let runs = 0;
    const run = (value: string) => () => {
      runs += 1;
      return later(value, 10);
    };
    expect(await Promise.all([once('a', run('first')), once('a', run('second')), once('b', run('other'))])).toEqual([
      'first',
      'first',
      'other',
    ]);
    expect(runs).toBe(2);
    expect(await once('a', run('again'))).toBe('again');
  });

  it('runs the same key in arrival order, even when the first is slower, and goes on after a failure', async () => {
    const queue = serialQueue();
    const order: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        await later(null, ms);
        order.push(name);
        if (fail) throw new Error(name);
      };
    const results = await Promise.allSettled([
      queue('a', step('slow', 20, true)),
      queue('a', step('quick', 1)),
      queue('b', step('other', 5)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(order).toEqual(['other', 'slow', 'quick']);
  });
});
