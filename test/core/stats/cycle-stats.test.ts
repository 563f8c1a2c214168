import { describe, expect, it } from 'vitest';
import { statsCommand } from '../../../commands/admin/stats';
import { currentCycle } from '../../../src/core/cycles/current-cycle';
import type { CheckIn, CheckInAnswer } from '../../../src/core/follow-up/check-in';
import { translate } from '../../../src/core/i18n/translate';
import type { Reply } from '../../../src/core/reply';
import { attachmentBytes } from '../../../src/core/reply';
import type { Report, ReportStatus } from '../../../src/core/reports/report';
import { cycleChart } from '../../../src/core/stats/cycle-chart';
import { chartDataOf } from '../../../src/core/stats/cycle-chart-data';
import { loadCycleStats, showStats } from '../../../src/core/stats/show-stats';
import { makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { createCycleWorld } from './cycle-world';

const COORDINATOR = { userId: 'coord', roles: ['coordinator'] as const };

function checkIn(binomeId: string, round: number, answers: [string, CheckInAnswer][]): CheckIn {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    binomeId,
    round,
    postedAt: '2026-11-01T09:00:00.000Z',
    answers: answers.map(([by, answer]) => ({ by, answer, at: '2026-11-02T09:00:00.000Z' })),
  };
}

function report(number: number, category: string, status: ReportStatus, createdAt: string): Report {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    reference: `SIG-${String(number).padStart(4, '0')}`,
    number,
    category,
    reporter: 'e2',
    reporterLocale: 'fr',
    description: 'Texte confidentiel du signalement.',
    contact: false,
    status,
    route: 'referent',
    recipients: ['ref'],
    conversation: [],
    notes: [],
    history: [{ n: 0, kind: 'filed', at: createdAt }],
    createdAt,
    updatedAt: createdAt,
  };
}

const textOf = (reply: Reply): string => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');

/** The first cycle on 1 March 2027: three binômes (one ended), rounds, pauses, a concern, reports, and a mentorée waiting. */
async function builtCycle() {
  const made = await createCycleWorld();
  const { ports } = made.world;
  made.world.clock.set('2027-03-01T09:00:00.000Z');
  await ports.enrolments.save(makeEnrolment({ participant: participantIn(TERMINAL, 'e4'), enrolledAt: '2027-01-05T09:00:00.000Z' }));
  await ports.enrolments.save(
    makeEnrolment({ participant: participantIn(TERMINAL, 'gone'), status: 'withdrawn', withdrawnAt: '2027-01-06T09:00:00.000Z' }),
  );
  await ports.waitlist.save({
    schemaVersion: 2,
    community: TERMINAL,
    mentee: 'e4',
    round: 2,
    reasons: [{ kind: 'no-mentor' }],
    since: '2027-01-10T09:00:00.000Z',
  });
  const ended = await ports.binomes.find(TERMINAL, 'r1-3');
  if (ended)
    await ports.binomes.save({ ...ended, status: 'dissolved', dissolvedAt: '2027-01-15T09:00:00.000Z', dissolvedBecause: 'coordinator' });
  for (const round of [
    checkIn('r1-1', 1, [['e1', 'met']]),
    checkIn('r1-1', 2, []),
    checkIn('r1-2', 1, [['m2', 'not-yet']]),
    checkIn('r1-2', 2, [
      ['e2', 'help'],
      ['m2', 'not-yet'],
    ]),
    checkIn('r1-3', 1, []),
  ])
    await ports.checkIns.add(round);
  const e1 = participantIn(TERMINAL, 'e1');
  await ports.pauses.save({
    schemaVersion: 1,
    participant: e1,
    startedAt: '2026-08-01T09:00:00.000Z',
    because: 'asked',
    endedAt: '2026-08-20T09:00:00.000Z',
    endedBecause: 'resumed',
  });
  await ports.pauses.save({ schemaVersion: 1, participant: e1, startedAt: '2026-12-01T09:00:00.000Z', because: 'asked' });
  await ports.pauses.save({
    schemaVersion: 1,
    participant: participantIn(TERMINAL, 'm3'),
    startedAt: '2027-01-02T09:00:00.000Z',
    because: 'no-answer',
  });
  await ports.fitConcerns.add({ schemaVersion: 1, community: TERMINAL, binomeId: 'r1-1', by: 'e1', at: '2026-12-03T09:00:00.000Z' });
  await ports.reports.create(report(1, 'relation', 'received', '2026-11-10T09:00:00.000Z'));
  await ports.reports.create(report(2, 'relation', 'resolved', '2026-11-12T09:00:00.000Z'));
  await ports.reports.create(report(3, 'interference', 'in-progress', '2026-12-12T09:00:00.000Z'));
  await ports.reports.create(report(4, 'relation', 'received', '2026-08-12T09:00:00.000Z'));
  return made;
}

describe('a cycle in figures', () => {
  it('counts enrolled, binômes, waiting, check-ins, meetings, pauses, concerns and reports of the current cycle', async () => {
    const { world } = await builtCycle();
    const stats = await loadCycleStats(world.as(COORDINATOR), undefined);
    expect(stats.cycle).toEqual({ sequence: 1, name: '2026-2027', state: 'enrolment-open' });
    expect(stats.enrolled).toEqual({ mentors: 3, mentees: 4 });
    expect(stats.binomes).toEqual({ active: 2, ended: 1 });
    expect(stats.unmatched).toBe(2); // e3 (binôme ended) and e4
    expect(stats.waiting).toBe(1);
    expect(stats.checkIns).toEqual({
      posted: 5,
      answered: 3,
      metRounds: 1,
      binomesMet: 1,
      rounds: [
        { round: 1, met: 1, notYet: 1, help: 0, none: 1 },
        { round: 2, met: 0, notYet: 0, help: 1, none: 1 },
      ],
    });
    expect(stats.pauses).toEqual({ started: 2, asked: 1, noAnswer: 1 });
    expect(stats.fitConcerns).toEqual({ said: 1, binomes: 1 });
    expect(stats.reports).toEqual({
      total: 3,
      byCategory: [
        { category: 'interference', received: 0, inProgress: 1, resolved: 0 },
        { category: 'relation', received: 1, inProgress: 0, resolved: 1 },
      ],
    });
    expect(stats.feedback).toEqual({ shown: false });
  });

  it('counts nobody as without a binôme once the current cycle is closed: its binômes ended with it', async () => {
    const { world } = await builtCycle();
    const cycle = await world.ports.cycles.latest(TERMINAL);
    if (!cycle) throw new Error('no cycle');
    await world.ports.cycles.save({ ...cycle, state: 'closed', closedAt: '2027-03-01T09:00:00.000Z', closedBy: 'coord' });
    const stats = await loadCycleStats(world.as(COORDINATOR), undefined);
    expect(stats.unmatched).toBeUndefined();
    expect(stats.waiting).toBe(1);
  });

  it('shows them with plurals, and never a name, a report text or a reference', async () => {
    const { world } = await builtCycle();
    const text = textOf(await statsCommand.run(world.as(COORDINATOR), {}, { commands: [] }));
    expect(text).toContain(translate('fr', 'stats.binomes', { active: 2, ended: 1 }));
    expect(text).toContain('- Binômes : 2 en cours, 1 terminé');
    expect(text).toContain('- Points d’étape : 3 répondus sur 5 posés (60 %)');
    expect(text).toContain('1 binôme s’est vu au moins une fois');
    expect(text).toContain('  - Relation au sein du binôme : 1 reçu, 0 en cours, 1 résolu');
    expect(text).toContain(translate('fr', 'stats.feedback.hidden'));
    for (const hidden of ['Alice', 'Marie', 'e1', 'SIG-', 'confidentiel', '@']) expect(text).not.toContain(hidden);
  });

  it('hides feedback below 3 answers, shows the mean and the share who would recommend from 3, never a comment', async () => {
    const { world, closeCycle } = await builtCycle();
    await closeCycle('2027-06-30T16:00:00.000Z');
    const answer = (satisfaction: number, recommend: boolean) =>
      world.ports.feedback.addAnswer({
        community: TERMINAL,
        cycle: 1,
        satisfaction,
        recommend,
        comment: `Commentaire secret ${satisfaction}`,
      });
    await answer(5, true);
    await answer(4, true);
    const ask = async () => textOf(await statsCommand.run(world.as({ ...COORDINATOR, locale: 'en' }), {}, { commands: [] }));
    expect(await ask()).toContain('- Feedback: fewer than 3 answers, not shown');
    expect(await ask()).not.toContain('2 answers');
    await answer(2, false);
    const shown = await ask();
    expect(shown).toContain('- Feedback: mean satisfaction 3.7 out of 5; 67 % would recommend the programme (3 answers)');
    expect(shown).not.toContain('secret');
    expect(shown).toContain('**Statistics of the 2026-2027 cycle** (closed)');
  });

  it('reads a past cycle by name: its binômes’ people and its waiting list, not today’s enrolments', async () => {
    const { world, closeCycle } = await builtCycle();
    const first = await closeCycle('2027-06-30T16:00:00.000Z');
    await world.ports.cycles.add({
      ...first,
      sequence: 2,
      name: '2027-2028',
      state: 'enrolment-open',
      openedAt: '2027-09-01T08:00:00.000Z',
      openedBy: 'coord',
      closedAt: undefined,
      closedBy: undefined,
    });
    expect((await currentCycle(world.ports, TERMINAL)).name).toBe('2027-2028');
    const past = await loadCycleStats(world.as(COORDINATOR), '2026-2027');
    expect(past.current).toBe(false);
    expect(past.enrolled).toEqual({ mentors: 3, mentees: 4 }); // e1–e3 in binômes, e4 waiting since January
    expect(past.unmatched).toBeUndefined();
    expect(past.waiting).toBe(1);
    const now = await loadCycleStats(world.as(COORDINATOR), undefined);
    expect(now.binomes).toEqual({ active: 0, ended: 0 });
    expect(now.reports.total).toBe(0);
  });

  it('answers an unknown cycle name with the names it knows', async () => {
    const { world } = await builtCycle();
    const answer = await refusal(() => statsCommand.run(world.as(COORDINATOR), { cycle: '1999-2000' }, { commands: [] }));
    expect(answer).toBe('No cycle is called “1999-2000”. Known cycles: 2026-2027.');
  });
});

describe('the chart data', () => {
  it('gives the funnel in people and the answers per round, hiding feedback below 3', async () => {
    const { world } = await builtCycle();
    const stats = await loadCycleStats(world.as(COORDINATOR), undefined);
    const data = chartDataOf(stats, 'en');
    expect(data).toEqual({
      cycle: '2026-2027',
      funnel: { enrolled: 7, matched: 6, met: 2, feedback: 0 },
      feedbackHidden: true,
      checkIns: [
        { label: 'Check-in 1', counts: { met: 1, notYet: 1, needHelp: 0, noAnswer: 1 } },
        { label: 'Check-in 2', counts: { met: 0, notYet: 0, needHelp: 1, noAnswer: 1 } },
      ],
    });
    const chart = cycleChart('fr', chartDataOf(stats, 'fr'));
    expect(chart.title).toBe('Cycle 2026-2027');
    expect(chart.funnel.steps.map((step) => step.label).at(-1)).toBe('Avis (moins de 3, non montrés)');
    expect(chart.checkIns.periods.map((period) => period.label)).toEqual(['Point 1', 'Point 2']);
  });

  it('is attached to the stats answer as a PNG drawn by the chart port', async () => {
    const { world } = await builtCycle();
    const reply = await showStats(world.as(COORDINATOR), undefined);
    if (reply.kind !== 'messages') throw new Error('expected messages');
    const [file] = reply.messages[0]?.attachments ?? [];
    expect(file).toMatchObject({ name: 'stats-2026-2027.png', mimeType: 'image/png', image: { width: 800, height: 600 } });
    const bytes = file ? attachmentBytes(file) : new Uint8Array();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('leaves the figures complete, and says so, when the chart cannot be drawn', async () => {
    const { world } = await builtCycle();
    const ctx = world.as(COORDINATOR);
    const broken = { ...ctx, ports: { ...ctx.ports, charts: { renderCycleChart: () => Promise.reject(new Error('no font')) } } };
    const reply = await showStats(broken, undefined);
    if (reply.kind !== 'messages') throw new Error('expected messages');
    expect(reply.messages[0]?.attachments ?? []).toEqual([]);
    expect(reply.messages[0]?.text).toContain(translate('fr', 'stats.chartUnavailable'));
  });
});
