import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('memory', () => createStore('memory://'));

describe('memory stores', () => {
  it('share nothing with each other', async () => {
    const first = await createStore('memory://');
    const second = await createStore('memory://');
    await first.set('only.here', 1);
    expect(await second.get('only.here')).toBeUndefined();
  });
});
