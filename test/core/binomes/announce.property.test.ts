import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announceBinomes } from '../../../src/core/binomes/announce';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { showProposal } from '../../../src/core/matching/show-proposal';
import type { Reply } from '../../../src/core/reply';
import { COORDINATOR, createAnnounceWorld, createScriptedChat, seedPeople } from './announce-world';

const text = (reply: Reply) => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');

/** What can go wrong during one run of `annoncer`. */
const trouble = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('dms-closed' as const), person: fc.nat(5) }),
  fc.record({ kind: fc.constant('throws' as const), person: fc.nat(5) }),
  fc.constant({ kind: 'no-permission' as const }),
  fc.record({ kind: fc.constant('dies' as const), after: fc.nat(12) }),
);

describe('announcing, whatever happens on the way', () => {
  it('ends with one space and one welcome per binôme, and never a message twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(trouble, { maxLength: 5 }), async (pairs, troubles) => {
        const scripted = createScriptedChat();
        let minute = 0;
        const at = () => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
        const first = await createAnnounceWorld({ chat: scripted, now: at() });
        const store = first.world.store;
        const people = Array.from({ length: pairs }, (_, index) => index);
        await seedPeople(first.world, {
          mentors: people.map((index) => ({ id: `m${index}`, name: `Mentor ${index}` })),
          mentees: people.map((index) => ({ id: `e${index}`, name: `Mentee ${index}` })),
        });
        await showProposal(first.world.as(COORDINATOR));
        await confirmProposal(first.world.as(COORDINATOR));
        const everyone = [...people.map((index) => `m${index}`), ...people.map((index) => `e${index}`), 'ref'];

        let world = first.world;
        for (const next of troubles) {
          scripted.refuseSpaces(
            next.kind === 'no-permission' ? { ok: false, reason: 'missing-permission', detail: 'Manage Channels' } : undefined,
          );
          if (next.kind === 'dms-closed') scripted.refuseDms(everyone[next.person % everyone.length] ?? 'ref');
          scripted.throwOnDmTo(next.kind === 'throws' ? everyone[next.person % everyone.length] : undefined);
          scripted.hangAfter(next.kind === 'dies' ? next.after : undefined);
          const run = announceBinomes(world.as(COORDINATOR)).catch(() => undefined);
          if (next.kind === 'dies') {
            // The process dies mid-run (or not, if the run was shorter): a new one starts on the same data.
            await Promise.race([run, new Promise((resolve) => setTimeout(resolve, 10))]);
            minute += 6;
            world = (await createAnnounceWorld({ chat: scripted, store, now: at() })).world;
          } else {
            await run;
            minute += 1;
            world.clock.set(at());
          }
          for (const person of everyone) scripted.allowDms(person);
        }
        scripted.refuseSpaces(undefined);
        scripted.throwOnDmTo(undefined);
        scripted.hangAfter(undefined);
        minute += 6;
        world.clock.set(at());
        // Once the platform behaves, running it again finishes everything (DMs given up stay given up).
        let last = '';
        for (let attempt = 0; attempt < 5 && last !== translate('fr', 'announce.nothingLeft', { count: pairs }); attempt += 1) {
          last = text(await announceBinomes(world.as(COORDINATOR)));
        }
        expect(last).toBe(translate('fr', 'announce.nothingLeft', { count: pairs }));

        const keys = scripted.arrived.flatMap((entry) => (entry.key ? [entry.key] : []));
        expect(keys.length).toBe(new Set(keys).size);
        expect(scripted.spaces.size).toBe(pairs);
        for (const space of scripted.spaces.values()) expect(scripted.postsIn(space.id)).toHaveLength(1);
        for (const person of everyone) expect(scripted.dmsTo(person).length).toBeLessThanOrEqual(person === 'ref' ? pairs : 1);
        await store.close();
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });
});
