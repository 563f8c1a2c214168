import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { composeBot } from '../../src/app/compose';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { ProgrammeDirectory } from '../../src/core/programme/programme-directory';
import { systemClock } from '../../src/infra/clock';
import { silentLog } from '../../src/infra/log';
import { createStore } from '../../src/store/create-store';

const TERMINAL = { platform: 'terminal', id: 'local' } as const;

/** The shipped programme, with alice as a coordinator of the terminal community. */
function programmesWithCoordinator(name: string): ProgrammeDirectory {
  const shipped = loadProgrammes('config');
  return {
    programmeFor(community) {
      const programme = shipped.programmeFor(community);
      const { coordinators } = programme.access;
      return { ...programme, access: { ...programme.access, coordinators: { ...coordinators, users: [name] } } };
    },
  };
}

function screen(): { readonly output: Writable; text(): string } {
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { output, text: () => chunks.join('') };
}

describe('the composition root', () => {
  it('runs the terminal chat in-process: a référent a coordinator adds there is in the repositories the bot shares', async () => {
    const store = await createStore('memory://');
    const bot = await composeBot({ store, programmes: programmesWithCoordinator('alice'), clock: systemClock, log: silentLog });
    const { output, text } = screen();
    await bot.runTerminal({
      input: Readable.from(['/mentorat-admin referents action:add person:zoe\n']),
      output,
      interactive: false,
      initialUser: 'alice',
    });
    // The answer, after the echoed command line, names the new référent.
    expect(text()).toMatch(/person:zoe\n\[ephemeral to alice\]\n {2}@zoe /);
    expect(await bot.ports.referents.includes(TERMINAL, 'zoe')).toBe(true);
    expect(await bot.ports.referents.includes(TERMINAL, 'yann')).toBe(false);
    await bot.stop();
    await store.close();
  });

  it('leaves open a store it was given, and closes one it opened from STORE_URL', async () => {
    const given = await createStore('memory://');
    const lent = await composeBot({ store: given, programmes: loadProgrammes('config'), clock: systemClock, log: silentLog });
    await lent.stop();
    await given.set('still', 'open');
    expect(await given.get('still')).toBe('open');
    await given.close();

    const closed: string[] = [];
    const owner = await composeBot({
      store: { url: 'memory://' },
      programmes: loadProgrammes('config'),
      clock: systemClock,
      log: silentLog,
    });
    const close = owner.store.close.bind(owner.store);
    owner.store.close = async () => {
      closed.push('store');
      await close();
    };
    await owner.stop();
    expect(closed).toEqual(['store']);
  });
});
