import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/core/errors';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';

export interface StoreContractOptions {
  /** `open` reaches the same data again after a close, as a file or a server does. */
  persistent?: boolean;
  /** Opens a store whose backend cannot be reached (a folder for SQLite, a closed port for a server). */
  outage?: () => Promise<KeyValueStore>;
}

export async function collect(entries: AsyncIterable<[string, unknown]>): Promise<Array<[string, unknown]>> {
  const all: Array<[string, unknown]> = [];
  for await (const entry of entries) {
    all.push(entry);
  }
  return all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function keysUnder(store: KeyValueStore, prefix: string): Promise<string[]> {
  return (await collect(store.scan(prefix))).map(([key]) => key);
}

const NESTED = {
  name: 'Élodie « Lo » Dupont',
  colon: ':starts with a colon',
  tags: ['a', 'b', ''],
  counts: { zero: 0, negative: -1.5, big: 2 ** 40 },
  flags: [true, false, null],
  deep: { deeper: { deepest: ['🦉', { empty: {} }] } },
};

/** One suite every backend runs: memory, SQLite, Redis and PostgreSQL. */
export function describeStoreContract(name: string, open: () => Promise<KeyValueStore>, options: StoreContractOptions = {}): void {
  describe(`the ${name} store`, () => {
    const opened: KeyValueStore[] = [];
    const track = async (opening: () => Promise<KeyValueStore>): Promise<KeyValueStore> => {
      const store = await opening();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((store) => store.close()));
    });

    it('gives back a nested JSON value exactly as it was stored', async () => {
      const store = await track(open);
      await store.set('contract.nested', NESTED);
      expect(await store.get('contract.nested')).toEqual(NESTED);
      await store.set('contract.text', ':text');
      expect(await store.get('contract.text')).toBe(':text');
    });

    it('answers undefined for a key that was never stored', async () => {
      const store = await track(open);
      expect(await store.get('contract.missing')).toBeUndefined();
    });

    it('keeps only the last value stored under a key', async () => {
      const store = await track(open);
      await store.set('contract.key', { version: 1 });
      await store.set('contract.key', { version: 2 });
      expect(await store.get('contract.key')).toEqual({ version: 2 });
      expect(await keysUnder(store, 'contract.')).toEqual(['contract.key']);
    });

    it('deletes a key once: true the first time, false the second', async () => {
      const store = await track(open);
      await store.set('contract.key', 1);
      expect(await store.delete('contract.key')).toBe(true);
      expect(await store.get('contract.key')).toBeUndefined();
      expect(await store.delete('contract.key')).toBe(false);
    });

    it('never lists a community under another whose id differs only by case, "_" or "%"', async () => {
      const store = await track(open);
      const communities = ['a', 'A', 'ab', 'a_', 'a%', 'a_b', 'aXb', 'é', 'É'];
      for (const community of communities) {
        await store.set(keyOf('enrolment', 'terminal', community, 'user'), community);
      }
      for (const community of communities) {
        const listed = await collect(store.scan(`${keyOf('enrolment', 'terminal', community)}.`));
        expect(listed).toEqual([[keyOf('enrolment', 'terminal', community, 'user'), community]]);
      }
    });

    it('lists exactly the keys that start with a raw prefix, wildcards and case included', async () => {
      const store = await track(open);
      const keys = ['raw.a_b.1', 'raw.aXb.1', 'raw.A_B.1', 'raw.a%b.1', 'raw.a_bc.1', 'raw.a*b.1', 'raw.a?b.1', 'raw.a[b].1'];
      for (const key of keys) {
        await store.set(key, key);
      }
      expect(await keysUnder(store, 'raw.a_b.')).toEqual(['raw.a_b.1']);
      expect(await keysUnder(store, 'raw.a_b')).toEqual(['raw.a_b.1', 'raw.a_bc.1']);
      expect(await keysUnder(store, 'raw.a%')).toEqual(['raw.a%b.1']);
      expect(await keysUnder(store, 'raw.a*')).toEqual(['raw.a*b.1']);
      expect(await keysUnder(store, 'raw.a?')).toEqual(['raw.a?b.1']);
      expect(await keysUnder(store, 'raw.a[')).toEqual(['raw.a[b].1']);
      expect(await keysUnder(store, 'raw.A')).toEqual(['raw.A_B.1']);
      expect(await keysUnder(store, 'raw.b')).toEqual([]);
    });

    it('lists keys whose next character is far beyond ASCII', async () => {
      const store = await track(open);
      const keys = ['wide.z', 'wide.z\u{7f}', 'wide.z\u{ffff}', 'wide.z\u{10ffff}', 'wide.z\u{10ffff}\u{10ffff}'];
      for (const key of keys) {
        await store.set(key, key);
      }
      await store.set('wide.{', 'next');
      expect(await keysUnder(store, 'wide.z')).toEqual([...keys].sort());
      expect(await keysUnder(store, 'wide.z\u{10ffff}')).toEqual(['wide.z\u{10ffff}', 'wide.z\u{10ffff}\u{10ffff}']);
    });

    it('stores and lists the longest key an enrolment can have', async () => {
      const store = await track(open);
      // Ids of 100 UTF-16 units of 3 UTF-8 bytes each: 900 key characters per id once encoded.
      const id = '€'.repeat(100);
      const key = keyOf('enrolment', 'terminal', id, id);
      await store.set(key, 'long');
      expect(await store.get(key)).toBe('long');
      expect(await collect(store.scan(`${keyOf('enrolment', 'terminal', id)}.`))).toEqual([[key, 'long']]);
    });

    it('lists every record for an empty prefix', async () => {
      const store = await track(open);
      await store.set('one', 1);
      await store.set('two.deep', 2);
      expect(await collect(store.scan(''))).toEqual([
        ['one', 1],
        ['two.deep', 2],
      ]);
    });

    it('lists all 2,500 records under a prefix, each exactly once', async () => {
      const store = await track(open);
      const ids = Array.from({ length: 2500 }, (_, index) => `user-${String(index).padStart(5, '0')}`);
      await Promise.all(ids.map((id) => store.set(keyOf('bulk', 'c', id), { id })));
      await store.set(keyOf('bulk', 'c2', 'other'), { id: 'other' });
      const listed = await collect(store.scan(`${keyOf('bulk', 'c')}.`));
      expect(listed).toHaveLength(2500);
      expect(listed.map(([, value]) => value)).toEqual(ids.map((id) => ({ id })));
    });

    it('lists, under a prefix, only the keys that sort before a bound, across pages', async () => {
      const store = await track(open);
      const times = Array.from({ length: 2500 }, (_, index) => String(index * 10).padStart(6, '0'));
      // In batches: 2,500 writes at once queue behind a server's pool past the store's time limit on a loaded machine.
      for (let start = 0; start < times.length; start += 100) {
        await Promise.all(times.slice(start, start + 100).map((time) => store.set(keyOf('due', 'c', time, 'job'), time)));
      }
      await store.set(keyOf('due', 'c2', '000000', 'job'), 'another prefix');
      await store.set(keyOf('duf', 'c', '000000', 'job'), 'after the prefix');
      // Up to 01500 included: 01500.job sorts before 01501, 01510.job does not.
      const listed = await collect(store.scanBelow(`${keyOf('due', 'c')}.`, keyOf('due', 'c', '001501')));
      expect(listed.map(([, value]) => value)).toEqual(times.slice(0, 151));
      expect(await collect(store.scanBelow(`${keyOf('due', 'c')}.`, keyOf('due', 'c')))).toEqual([]);
      expect(await collect(store.scanBelow(`${keyOf('due', 'c')}.`, keyOf('due', 'd')))).toHaveLength(2500);
    });

    it('adds to an absent key: true, and get and scan read it back exactly as a set one', async () => {
      const store = await track(open);
      await store.set('contract.set', NESTED);
      expect(await store.add('contract.added', NESTED)).toBe(true);
      expect(await store.get('contract.added')).toEqual(NESTED);
      expect(await store.get('contract.added')).toEqual(await store.get('contract.set'));
      expect(await collect(store.scan('contract.'))).toEqual([
        ['contract.added', NESTED],
        ['contract.set', NESTED],
      ]);
      expect(await store.add('contract.text', ':text')).toBe(true);
      expect(await store.get('contract.text')).toBe(':text');
    });

    it('adds nothing to a present key: false, and the value stays as it was', async () => {
      const store = await track(open);
      await store.set('contract.key', { version: 1 });
      expect(await store.add('contract.key', { version: 2 })).toBe(false);
      expect(await store.get('contract.key')).toEqual({ version: 1 });
      expect(await store.add('contract.key', { version: 3 })).toBe(false);
      expect(await collect(store.scan('contract.'))).toEqual([['contract.key', { version: 1 }]]);
    });

    it('adds again once the key has been deleted', async () => {
      const store = await track(open);
      expect(await store.add('contract.key', 1)).toBe(true);
      expect(await store.delete('contract.key')).toBe(true);
      expect(await store.add('contract.key', 2)).toBe(true);
      expect(await store.get('contract.key')).toBe(2);
    });

    it('lets exactly one of 20 simultaneous adds of a key win, and keeps the winner’s value', async () => {
      const store = await track(open);
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => store.add('contract.claim', { by: index })));
      expect(results.filter((won) => won)).toHaveLength(1);
      expect(await store.get('contract.claim')).toEqual({ by: results.indexOf(true) });
    });

    it('refuses a key holding ":", which Keyv would mistake for its own namespace', async () => {
      const store = await track(open);
      await expect(store.set('mentorat:x', 1)).rejects.toThrow(RangeError);
      await expect(store.get('a:b')).rejects.toThrow(RangeError);
      await expect(store.add('mentorat:x', 1)).rejects.toThrow(RangeError);
      expect(await collect(store.scan(''))).toEqual([]);
    });

    it('refuses to store undefined rather than silently storing nothing', async () => {
      const store = await track(open);
      await expect(store.set('contract.key', undefined)).rejects.toThrow(TypeError);
      await expect(store.add('contract.key', undefined)).rejects.toThrow(TypeError);
      expect(await store.get('contract.key')).toBeUndefined();
    });

    it('rejects every operation after close with StoreUnavailableError', async () => {
      const store = await track(open);
      await store.set('contract.key', 1);
      await store.close();
      await expect(store.get('contract.key')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.set('contract.key', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.add('contract.other', 2)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.delete('contract.key')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(collect(store.scan('contract.'))).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });

    if (options.persistent) {
      it('keeps its records across close and reopen', async () => {
        const first = await track(open);
        await first.set('contract.kept', NESTED);
        await first.set('contract.gone', 1);
        await first.delete('contract.gone');
        await first.close();
        const second = await track(open);
        expect(await second.get('contract.kept')).toEqual(NESTED);
        expect(await keysUnder(second, 'contract.')).toEqual(['contract.kept']);
      });

      it('shares its records with another store open at the same time, which closing it leaves working', async () => {
        const first = await track(open);
        const second = await track(open);
        await first.set('contract.shared', 1);
        expect(await second.get('contract.shared')).toBe(1);
        await first.close();
        await second.set('contract.shared', 2);
        expect(await second.get('contract.shared')).toBe(2);
        expect(await keysUnder(second, 'contract.')).toEqual(['contract.shared']);
      });

      it('lets exactly one add win when two stores open on the same data add a key at once', async () => {
        const first = await track(open);
        const second = await track(open);
        // Several rounds, each on a fresh key: one lucky interleaving would prove little.
        for (let round = 0; round < 5; round += 1) {
          const key = `contract.claim.${round}`;
          const results = await Promise.all(Array.from({ length: 10 }, (_, by) => (by % 2 === 0 ? first : second).add(key, { by })));
          expect(results.filter((won) => won)).toHaveLength(1);
          const winner = { by: results.indexOf(true) };
          expect(await first.get(key)).toEqual(winner);
          expect(await second.get(key)).toEqual(winner);
        }
      });
    }

    const { outage } = options;
    if (outage) {
      describe('when its backend cannot be reached', () => {
        it('rejects get with StoreUnavailableError instead of answering "not found"', async () => {
          const store = await track(outage);
          await expect(store.get('contract.key')).rejects.toBeInstanceOf(StoreUnavailableError);
        });

        it('rejects set with StoreUnavailableError', async () => {
          const store = await track(outage);
          await expect(store.set('contract.key', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
        });

        it('rejects add with StoreUnavailableError instead of answering "already there"', async () => {
          const store = await track(outage);
          await expect(store.add('contract.key', 1)).rejects.toBeInstanceOf(StoreUnavailableError);
        });

        it('rejects delete with StoreUnavailableError instead of answering "nothing to delete"', async () => {
          const store = await track(outage);
          await expect(store.delete('contract.key')).rejects.toBeInstanceOf(StoreUnavailableError);
        });

        it('rejects scan with StoreUnavailableError instead of listing nothing', async () => {
          const store = await track(outage);
          await expect(collect(store.scan('contract.'))).rejects.toBeInstanceOf(StoreUnavailableError);
        });

        it('rejects scanBelow with StoreUnavailableError instead of listing nothing', async () => {
          const store = await track(outage);
          await expect(collect(store.scanBelow('contract.', 'contract.z'))).rejects.toBeInstanceOf(StoreUnavailableError);
        });
      });
    }
  });
}
