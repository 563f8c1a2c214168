import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import { confirmProposal } from '../../src/core/matching/confirm-proposal';
import { showProposal } from '../../src/core/matching/show-proposal';
import { createStore } from '../../src/store/create-store';
import { COORDINATOR, createAnnounceWorld, seedPeople } from '../core/binomes/announce-world';
import { runBot } from '../support/child-process';

const START = Date.parse('2026-12-01T09:00:00.000Z');
const WEEK = 7 * 24 * 60 * 60 * 1000;

let dir: string;
let storeFile: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-check-ins-'));
  storeFile = path.join(dir, 'check-ins.sqlite');
  const { world } = await createAnnounceWorld({ store: await createStore(`sqlite://${storeFile}`), now: new Date(START).toISOString() });
  await seedPeople(world, { mentors: [{ id: 'erin', name: 'Erin Roux' }], mentees: [{ id: 'dan', name: 'Dan Leroy' }] });
  await showProposal(world.as(COORDINATOR));
  await confirmProposal(world.as(COORDINATOR));
  await world.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The terminal chat as `npm start` runs it, on the seeded file, its clock started at `at`; the lines typed, then the end. */
async function session(at: number, lines: readonly string[]): Promise<string> {
  const bot = runBot({ STORE_URL: `sqlite://${storeFile}`, MENTORAT_NOW: new Date(at).toISOString(), TERMINAL_USER: 'coord' });
  bot.child.stdin.end(`${lines.join('\n')}\n`);
  const exitCode = await bot.exited;
  expect(exitCode).toBe(0);
  return bot.output.stdout;
}

describe('check-ins in the terminal chat', () => {
  it('prints round 1 in the binôme’s space two weeks after the announcement; a member answers it, the référent is refused', async () => {
    const announced = await session(START, ['/mentorat-admin annoncer']);
    expect(announced).toContain('[#');
    expect(announced).not.toContain('Point d’étape n°1');

    const early = await session(START + 2 * WEEK - 60_000, ['/mentorat aide']);
    expect(early).not.toContain('Point d’étape n°1');

    // The terminal's clock runs on from MENTORAT_NOW: the announcement came a moment after START.
    const stdout = await session(START + 2 * WEEK + 60_000, [
      '/as dan',
      '/press met',
      '/as ref',
      '/press met',
      '/as erin',
      '/mentorat binome',
      '/press help',
      '/cancel',
    ]);
    const title = translate('fr', 'checkIn.post.title', { round: 1 }).replaceAll('**', '');
    expect(stdout).toContain(`[#binome-dan-leroy-erin-roux (private: dan, erin, ref)]\n  ${title}`);
    expect(stdout.split(title)).toHaveLength(2);
    expect(stdout).toContain('[met] On s’est vu·es');
    expect(stdout).toContain(`[ephemeral to dan]\n  ${translate('fr', 'checkIn.answered.met', { round: 1 })}`);
    expect(stdout).toContain(`[ephemeral to ref]\n  ${translate('fr', 'checkIn.notAMember')}`);
    // Erin sees the round is still open, with her own buttons; nothing was sent to her.
    expect(stdout).toContain(`[ephemeral to erin]\n  ${translate('fr', 'checkIn.latest', { partner: '@dan', round: 1 })}`);
    expect(stdout).not.toContain('[DM to erin]');
    // “I need help” opens the report form, as `/mentorat signaler` does.
    expect(stdout).toContain('[form to erin]');
    expect(stdout).toContain(translate('fr', 'report.form.title'));

    // A later start on the same data prints nothing again for round 1.
    const again = await session(START + 2 * WEEK + 60 * 60_000, ['/mentorat aide']);
    expect(again).not.toContain('Point d’étape n°1');
  }, 120_000);
});
