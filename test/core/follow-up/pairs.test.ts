import { afterEach, describe, expect, it } from 'vitest';
import { listPairs } from '../../../src/core/follow-up/pairs-view';
import { requestPause } from '../../../src/core/follow-up/pause-requests';
import type { Reply } from '../../../src/core/reply';
import { attachmentText } from '../../../src/core/reply';
import type { Report } from '../../../src/core/reports/report';
import { referenceOf } from '../../../src/core/reports/report';
import { parseCsv } from '../../support/csv';
import { CONFIG_REFERENT, enrolMentee, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { createFollowUpWorld, type FollowUpWorld } from './follow-up-world';

const opened: FollowUpWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

function attachment(reply: Reply, name: string): Record<string, string>[] {
  const file =
    reply.kind === 'messages'
      ? reply.messages.flatMap((message) => message.attachments ?? []).find((found) => found.name === name)
      : undefined;
  if (!file) throw new Error(`no attachment ${name}`);
  expect(file.mimeType).toBe('text/csv');
  return parseCsv(attachmentText(file));
}

function openReport(binomeId: string, number: number, status: Report['status'] = 'received'): Report {
  const at = '2026-03-02T09:00:00.000Z';
  return {
    schemaVersion: 1,
    community: TERMINAL,
    reference: referenceOf(number),
    number,
    category: 'relation',
    binomeId,
    reporter: 'gus',
    reporterLocale: 'fr',
    description: 'Un texte confidentiel.',
    contact: true,
    status,
    route: 'coordinators',
    recipients: [],
    conversation: [],
    notes: [],
    history: [{ n: 0, at, kind: 'filed', actor: 'gus' }],
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Four binômes of cycle 1: Dan–Erin met (on track), Gus–Fay with an open report and a paused
 * member (at risk), Ivy–Hana whose latest round is unanswered (needs a check-in), and Joe–Kim
 * dissolved; Lou waits first in line, Max waits too; a binôme of cycle 2 is not listed.
 */
async function busyCycle() {
  const world = await createFollowUpWorld();
  opened.push(world);
  await world.checkIn('m1', 1, ['dan', 'met']);
  await world.ports.binomes.add(makeBinome({ id: 'm2', mentee: 'gus', mentor: 'fay' }));
  await world.ports.reports.create(openReport('m2', 1));
  await world.ports.reports.create(openReport('m2', 2, 'resolved'));
  await requestPause(world.as({ userId: 'fay' }), {});
  await enrolMentee(world, 'ivy', 'Ivy Moreau');
  await enrolMentor(world, 'hana', 'Hana Petit');
  await world.ports.binomes.add(makeBinome({ id: 'm3', mentee: 'ivy', mentor: 'hana', referent: 'rita' }));
  await world.checkIn('m3', 1);
  await enrolMentee(world, 'joe', '=HYPERLINK("http://x")');
  await enrolMentor(world, 'kim', 'Kim Lenoir');
  await world.ports.binomes.add(
    makeBinome({
      id: 'm4',
      mentee: 'joe',
      mentor: 'kim',
      status: 'dissolved',
      dissolvedAt: '2026-03-01T12:00:00.000Z',
      dissolvedBy: 'coord',
      dissolvedBecause: 'withdrawal',
    }),
  );
  await world.ports.binomes.add(makeBinome({ id: 'm5', mentee: 'max', mentor: 'kim', cycle: 2 }));
  await enrolMentee(world, 'lou', 'Lou Blanc');
  await enrolMentee(world, 'max', 'Max Roy');
  const waiting = { schemaVersion: 2 as const, community: TERMINAL, round: 1, reasons: [{ kind: 'no-mentor' as const }] };
  await world.ports.waitlist.save({ ...waiting, mentee: 'max', since: '2026-02-01T10:00:00.000Z' });
  await world.ports.waitlist.save({
    ...waiting,
    mentee: 'lou',
    since: '2026-03-01T10:00:00.000Z',
    firstInLine: { because: 'not-a-fit', binomeId: 'm0', at: '2026-03-01T10:00:00.000Z' },
  });
  await world.ports.cycles.add({
    schemaVersion: 1,
    community: TERMINAL,
    sequence: 1,
    name: '2025-2026',
    state: 'enrolment-open',
    openedAt: '2026-01-01T00:00:00.000Z',
    openedBy: 'programme',
  });
  return world;
}

describe('/mentorat-admin binomes', () => {
  it('lists every binôme of the current cycle with référent, state and health, then the waiting list, first in line first', async () => {
    const world = await busyCycle();
    const reply = await listPairs(world.coordinator(), {});
    expect(text(reply)).toBe(
      [
        '**Binômes du cycle 2025-2026** : 4 binômes, dont 3 en cours (1 à risque)',
        '- Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) · référent·e : <@ref> · en bonne voie · 1 point d’étape, rencontre confirmée',
        '- Gus Klein (<@gus>) ↔ Fay Morel (<@fay>) · référent·e : aucun·e · **à risque** · 1 membre en pause · 1 signalement ouvert · pas encore de point d’étape',
        '- Ivy Moreau (<@ivy>) ↔ Hana Petit (<@hana>) · référent·e : <@rita> · point d’étape à relancer · 1 point d’étape, pas encore de rencontre',
        '- =HYPERLINK("http://x") (<@joe>) ↔ Kim Lenoir (<@kim>) · référent·e : aucun·e · terminé le 1 mars 2026 (un membre s’est retiré)',
        '',
        '**Liste d’attente (2)**',
        '1. Lou Blanc (<@lou>) · depuis le 1 mars 2026 · **en tête (binôme précédent dissous)**',
        '2. Max Roy (<@max>) · depuis le 1 février 2026',
      ].join('\n'),
    );
  });

  it('attaches both lists as CSV files, every cell as typed and none a formula', async () => {
    const world = await busyCycle();
    const reply = await listPairs(world.coordinator('en'), {});
    const pairs = attachment(reply, 'pairs.csv');
    expect(
      pairs.map((row) => [row.binome_id, row.state, row.health, row.paused_members, row.open_reports, row.met, row.ended_because]),
    ).toEqual([
      ['m1', 'active', 'on-track', '0', '0', 'yes', ''],
      ['m2', 'active', 'at-risk', '1', '1', 'no', ''],
      ['m3', 'active', 'needs-check-in', '0', '0', 'no', ''],
      ['m4', 'ended', '', '0', '0', 'no', 'withdrawal'],
    ]);
    expect(pairs[0]).toMatchObject({ cycle: '2025-2026', mentee: 'Dan Leroy', mentor: 'Erin Roux', referent_id: CONFIG_REFERENT });
    expect(pairs[3]?.mentee).toBe(`'=HYPERLINK("http://x")`);
    const waiting = attachment(reply, 'waitlist.csv');
    expect(waiting.map((row) => [row.position, row.mentee_id, row.first_in_line, row.paused, row.reasons])).toEqual([
      ['1', 'lou', 'yes', 'no', 'no mentor has enrolled'],
      ['2', 'max', 'no', 'no', 'no mentor has enrolled'],
    ]);
    expect(text(reply)).toContain('**Pairs of cycle 2025-2026**: 4 pairs, 3 running (1 at risk)');
    // French names of the files in French.
    const french = await listPairs(world.coordinator('fr'), {});
    expect(french.kind === 'messages' && french.messages[0]?.attachments?.map((file) => file.name)).toEqual(['binomes.csv', 'attente.csv']);
  });

  it('shows another cycle by name, without today’s waiting list, and refuses an unknown name listing the known ones', async () => {
    const world = await busyCycle();
    await world.ports.cycles.add({
      schemaVersion: 1,
      community: TERMINAL,
      sequence: 2,
      name: '2026-2027',
      state: 'enrolment-open',
      openedAt: '2026-03-02T00:00:00.000Z',
      openedBy: 'coord',
    });
    const past = await listPairs(world.coordinator('en'), { cycle: '2025-2026' });
    expect(text(past)).toMatch(/^\*\*Pairs of cycle 2025-2026\*\*: 4 pairs/);
    expect(text(past)).not.toContain('Waiting list');
    expect(past.kind === 'messages' && past.messages[0]?.attachments?.map((file) => file.name)).toEqual(['pairs.csv']);
    const current = await listPairs(world.coordinator('en'), {});
    expect(text(current)).toContain('**Pairs of cycle 2026-2027**: 1 pair, 1 running (0 at risk)');
    expect(await refusal(() => listPairs(world.coordinator('en'), { cycle: '1999' }))).toBe(
      'No cycle is called “1999”. Known cycles: `2025-2026`, `2026-2027`.',
    );
  });

  it('keeps a long list within chat limits, the rest in the CSV', async () => {
    const world = await createFollowUpWorld();
    opened.push(world);
    for (let index = 0; index < 45; index++) {
      await world.ports.binomes.add(makeBinome({ id: `x${index}`, mentee: `mentee-${index}`, mentor: `mentor-${index}` }));
    }
    const reply = await listPairs(world.coordinator('en'), {});
    const shown = text(reply);
    expect(shown).toContain('… and 16 more: see the CSV file.');
    expect(attachment(reply, 'pairs.csv')).toHaveLength(46);
  });
});
