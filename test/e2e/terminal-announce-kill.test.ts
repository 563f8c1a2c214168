import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmProposal } from '../../src/core/matching/confirm-proposal';
import { showProposal } from '../../src/core/matching/show-proposal';
import { createStore } from '../../src/store/create-store';
import { COORDINATOR, createAnnounceWorld, seedPeople } from '../core/binomes/announce-world';
import { runBot, until } from '../support/child-process';

const BINOMES = 30;
const KILLS = 5;
const START = Date.parse('2026-12-01T09:00:00.000Z');
/** Each restart comes this much later on the bot's clock, past the 5 minutes an interrupted step waits. */
const RESTART_GAP_MS = 10 * 60_000;

let dir: string;
let storeFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-kill-'));
  storeFile = path.join(dir, 'kill.sqlite');
  const { world } = await createAnnounceWorld({ store: await createStore(`sqlite://${storeFile}`), now: new Date(START).toISOString() });
  const ids = Array.from({ length: BINOMES }, (_, index) => index);
  await seedPeople(world, {
    mentors: ids.map((index) => ({ id: `mentor${index}`, name: `Mentor ${index}` })),
    mentees: ids.map((index) => ({ id: `mentee${index}`, name: `Mentoree ${index}` })),
  });
  await showProposal(world.as(COORDINATOR));
  await confirmProposal(world.as(COORDINATOR));
  await world.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The terminal chat as `npm start` runs it (dist/main.js), on the seeded file, its clock `run` restarts later. */
function startBot(run: number) {
  return runBot({
    STORE_URL: `sqlite://${storeFile}`,
    MENTORAT_NOW: new Date(START + run * RESTART_GAP_MS).toISOString(),
    TERMINAL_USER: 'coord',
  });
}

/** Every message printed to someone, as `[label]` and its first line: a welcome or DM printed twice shows up twice. */
function printed(stdout: string): string[] {
  // A label whose text the kill cut off (nothing after it) is a message lost, not one printed.
  return [...stdout.matchAll(/^\[((?:DM to|#)[^\]]+)\]\n(.+)$/gm)].map((match) => `${match[1]} ${match[2]}`);
}

describe('the terminal chat killed (kill -9) during an announcement', () => {
  it('never prints a welcome or a DM twice across restarts, and the last run finishes the rest', async () => {
    const all: string[] = [];
    for (let run = 0; run < KILLS; run += 1) {
      const bot = startBot(run);
      bot.child.stdin.write('/mentorat-admin annoncer\n');
      // Killed right after a message is printed: the moment a print-then-record port loses its record.
      const after = printed(bot.output.stdout).length;
      await until(() => printed(bot.output.stdout).length > after + 3 * run, `run ${run} printing`, 40_000);
      bot.child.kill('SIGKILL');
      await bot.exited;
      all.push(...printed(bot.output.stdout));
    }
    const last = startBot(KILLS);
    last.child.stdin.end('/mentorat-admin annoncer\n');
    await last.exited;
    all.push(...printed(last.output.stdout));

    const repeated = all.filter((message, index) => all.indexOf(message) !== index);
    expect(repeated).toEqual([]);
    const welcomes = all.filter((message) => message.startsWith('#'));
    // The binômes' people; the coordinator may also be told once that a planned resume finished the announcement.
    const dms = all.filter((message) => /^DM to (mentee\d+|mentor\d+|ref) /.test(message));
    const toCoordinator = all.filter((message) => message.startsWith('DM to coord '));
    expect(toCoordinator.length).toBeLessThanOrEqual(1);
    for (const message of toCoordinator) expect(message).toContain('Annonce reprise et terminée');
    // At most once: a message whose record was written just before a kill is lost, never printed again.
    expect(welcomes.length).toBeLessThanOrEqual(BINOMES);
    expect(welcomes.length).toBeGreaterThanOrEqual(BINOMES - KILLS);
    // The mentoré·e, the mentor and the référent named in the programme (ref).
    expect(dms.length).toBeLessThanOrEqual(3 * BINOMES);
    expect(dms.length).toBeGreaterThanOrEqual(3 * BINOMES - KILLS);
    expect(dms.filter((message) => message.startsWith('DM to ref ')).length).toBeGreaterThanOrEqual(BINOMES - KILLS);
    expect(last.output.stdout).toMatch(/Rien de nouveau à annoncer|Annonce terminée/);
  }, 300_000);
});
