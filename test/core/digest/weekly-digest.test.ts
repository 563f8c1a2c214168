import { describe, expect, it } from 'vitest';
import { DIGEST_JOB, DIGEST_KEY, ensureWeeklyDigest, weeklyDigestJob } from '../../../src/core/digest/digest-job';
import { nextWeeklySlot } from '../../../src/core/digest/digest-schedule';
import { submitEnrolment } from '../../../src/core/participants/enrol';
import type { Programme } from '../../../src/core/programme/programme-schema';
import type { Report } from '../../../src/core/reports/report';
import { makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { MENTEE_ANSWERS } from '../../support/enrolment-answers';
import { defaultProgramme } from '../../support/programme';
import type { ChatEvent } from '../../support/recording-chat';
import { TERMINAL } from '../../support/use-case-world';
import { createCycleWorld } from '../stats/cycle-world';

// Summer time ends in Paris on Sunday 25 October 2026: Monday 9:00 is 07:00 UTC on the 19th, 08:00 UTC on the 26th.
const START = '2026-10-14T10:00:00.000Z';

const posts = (events: readonly ChatEvent[]) =>
  events.filter((event): event is Extract<ChatEvent, { type: 'post' }> => event.type === 'post');

function report(number: number, createdAt: string, handler?: string): Report {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    reference: `SIG-${String(number).padStart(4, '0')}`,
    number,
    category: 'relation',
    reporter: 'e1',
    reporterLocale: 'fr',
    description: 'Un texte que le point de la semaine ne montre jamais.',
    contact: false,
    status: handler ? 'in-progress' : 'received',
    route: 'referent',
    recipients: ['ref'],
    ...(handler ? { handler } : {}),
    conversation: [],
    notes: [],
    history: [{ n: 0, kind: 'filed', at: createdAt }],
    createdAt,
    updatedAt: createdAt,
  };
}

const withDigest = (enabled: boolean): Programme => {
  const programme = defaultProgramme();
  return { ...programme, followUp: { ...programme.followUp, digest: { ...programme.followUp.digest, enabled } } };
};

async function digestWorld(enabled = true) {
  const made = await createCycleWorld({ now: START, programme: withDigest(enabled) });
  const { world } = made;
  await ensureWeeklyDigest(world.ports, TERMINAL, world.programme);
  await world.ports.enrolments.save(makeEnrolment({ participant: participantIn(TERMINAL, 'e5'), enrolledAt: '2026-10-15T09:00:00.000Z' }));
  await world.ports.enrolments.save(makeEnrolment({ participant: participantIn(TERMINAL, 'e6'), enrolledAt: '2026-10-20T09:00:00.000Z' }));
  await world.ports.checkIns.add({
    schemaVersion: 1,
    community: TERMINAL,
    binomeId: 'r1-2',
    round: 1,
    postedAt: '2026-10-14T09:00:00.000Z',
    answers: [{ by: 'e2', answer: 'help', at: '2026-10-14T09:30:00.000Z' }],
  });
  await world.ports.reports.create(report(1, '2026-10-14T10:00:00.000Z'));
  await world.ports.reports.create(report(2, '2026-10-18T10:00:00.000Z'));
  await world.ports.reports.create(report(3, '2026-10-01T10:00:00.000Z', 'ref'));
  const at = async (iso: string) => {
    world.clock.set(iso);
    await made.runner.runDue();
    await made.runner.runDue();
    return posts(world.chat.events);
  };
  return { ...made, at };
}

describe('the weekly digest', () => {
  it('is posted in the coordinators’ space on Monday at 9:00 Paris time, before and after the change to winter time', async () => {
    const { world, at } = await digestWorld();
    expect(await at('2026-10-19T06:59:00.000Z')).toEqual([]);
    const [first] = await at('2026-10-19T07:00:00.000Z');
    expect(first?.options?.key).toBe('digest|terminal|local|2026-10-19');
    const opened = world.chat.events.find((event) => event.type === 'open-space');
    expect(opened?.type === 'open-space' && opened.request.key).toBe('coordination');
    expect(first?.message.text.split('\n')).toEqual([
      '**Le point de la semaine** (depuis le 14 octobre 2026)',
      '- Nouvelles inscriptions : 0 mentor et 1 mentoré·e',
      '- Binômes à risque : 1 binôme',
      '  - <@e2> ↔ <@m2>',
      '- Signalements en retard (personne ne les a pris) : 1 signalement : SIG-0001',
      'Les chiffres du cycle : `/mentorat-admin stats` ; les binômes et leur état : `/mentorat-admin binomes`.',
      'Pour ouvrir un signalement : `/mentorat suivi reference:SIG-0001`.',
    ]);
    expect(await at('2026-10-25T23:00:00.000Z')).toHaveLength(1);
    expect(await at('2026-10-26T07:00:00.000Z')).toHaveLength(1); // 8:00 in Paris now
    const second = (await at('2026-10-26T08:00:00.000Z'))[1];
    expect(second?.message.text).toContain('(depuis le 19 octobre 2026)');
    expect(second?.message.text).toContain('- Nouvelles inscriptions : 0 mentor et 1 mentoré·e');
    expect(second?.message.text).toContain('SIG-0001, SIG-0002');
    expect(second?.message.text).not.toContain('SIG-0003');
    expect(second?.message.text).not.toContain('jamais');
    expect(await at('2026-11-01T12:00:00.000Z')).toHaveLength(2);
    expect(await at('2026-11-02T08:00:00.000Z')).toHaveLength(3);
  });

  it('is posted once per week even when a run that may have posted runs again, and is planned once however often it is asked', async () => {
    const { world, at } = await digestWorld();
    expect(
      await world.ports.queue.schedule({ community: TERMINAL, kind: DIGEST_JOB, key: DIGEST_KEY, payload: {}, dueAt: new Date() }),
    ).toBe(false);
    await ensureWeeklyDigest(world.ports, TERMINAL, world.programme);
    await at('2026-10-19T07:00:00.000Z');
    const job = {
      schemaVersion: 1 as const,
      community: TERMINAL,
      kind: DIGEST_JOB,
      key: DIGEST_KEY,
      dueAt: '2026-10-19T07:00:00.000Z',
      payload: { since: START },
      attempts: 0,
      createdAt: START,
    };
    const ctx = { community: TERMINAL, programme: world.programme, ports: world.ports, attempt: 1, mayHaveRun: true };
    const outcome = await weeklyDigestJob.run(ctx, job);
    expect(outcome).toEqual({
      status: 'reschedule',
      dueAt: new Date('2026-10-26T08:00:00.000Z'),
      payload: { since: '2026-10-19T07:00:00.000Z' },
    });
    expect(posts(world.chat.events)).toHaveLength(1);
    expect((await world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY))?.dueAt).toBe('2026-10-26T08:00:00.000Z');
  });

  it('is planned by the first enrolment of a community', async () => {
    const made = await createCycleWorld({ now: START });
    expect(await made.world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY)).toBeUndefined();
    await submitEnrolment(made.world.as({ userId: 'newcomer' }), MENTEE_ANSWERS);
    expect((await made.world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY))?.dueAt).toBe('2026-10-19T07:00:00.000Z');
  });

  it('posts nothing when turned off in config, and a digest planned before is cancelled', async () => {
    const { world, at } = await digestWorld(false);
    expect(await world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY)).toBeUndefined();
    const enabled = withDigest(true);
    await ensureWeeklyDigest(world.ports, TERMINAL, enabled);
    expect(await world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY)).toBeDefined();
    // Turned off after it was planned: the job that comes due says nothing and is not planned again.
    expect(await at('2026-10-19T07:00:00.000Z')).toEqual([]);
    expect(await world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY)).toBeUndefined();
    await ensureWeeklyDigest(world.ports, TERMINAL, enabled);
    await ensureWeeklyDigest(world.ports, TERMINAL, world.programme);
    expect(await world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY)).toBeUndefined();
    expect(await at('2026-10-26T08:00:00.000Z')).toEqual([]);
  });
});

describe('the next weekly slot', () => {
  it('keeps the local hour across both changes of time in Paris, and is strictly later than now', () => {
    const slot = (now: string, weekday: 'monday' | 'sunday' = 'monday', hour = 9) =>
      nextWeeklySlot(new Date(now), 'Europe/Paris', weekday, hour).toISOString();
    expect(slot('2026-10-19T07:00:00.000Z')).toBe('2026-10-26T08:00:00.000Z');
    expect(slot('2026-10-19T06:59:59.000Z')).toBe('2026-10-19T07:00:00.000Z');
    expect(slot('2027-03-22T08:00:00.000Z')).toBe('2027-03-29T07:00:00.000Z');
    // Sunday 25 October 2026 at 2:00, the hour that happens twice: the second of them (winter time), once.
    expect(slot('2026-10-24T12:00:00.000Z', 'sunday', 2)).toBe('2026-10-25T01:00:00.000Z');
    expect(nextWeeklySlot(new Date('2026-10-19T07:00:00.000Z'), 'America/New_York', 'monday', 9).toISOString()).toBe(
      '2026-10-19T13:00:00.000Z',
    );
  });
});
