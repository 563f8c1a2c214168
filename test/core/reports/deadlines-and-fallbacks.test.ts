import { describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import type { Binome } from '../../../src/core/binomes/binome';
import { translate } from '../../../src/core/i18n/translate';
import { submitReport } from '../../../src/core/reports/file-report';
import { escalateReport, takeReport } from '../../../src/core/reports/handle-report';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createRecordingLog } from '../../support/recording-log';
import { TERMINAL } from '../../support/use-case-world';
import { createAnnounceWorld, seedPeople } from '../binomes/announce-world';

const START = '2026-12-01T09:00:00.000Z';
const HOUR = 60 * 60 * 1000;
const TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';

const binome: Binome = {
  schemaVersion: 2,
  id: 'r1-1',
  community: TERMINAL,
  cycle: 1,
  mentee: 'dan',
  mentor: 'erin',
  referent: 'ref',
  status: 'confirmed',
  origin: 'manual',
  score: 0,
  terms: [],
  languages: ['fr'],
  createdAt: START,
  createdBy: 'coord',
};

async function worldWithReport() {
  const { world, scripted } = await createAnnounceWorld({ now: START });
  await seedPeople(world, { mentors: [{ id: 'erin', name: 'Erin Roux' }], mentees: [{ id: 'dan', name: 'Dan Leroy' }] });
  await world.ports.binomes.add(binome);
  const programme = world.programme;
  const runner = createJobRunner(world.ports as AppPorts, { programmes: { programmeFor: () => programme }, log: createRecordingLog() });
  const at = (hours: number) => world.clock.set(new Date(Date.parse(START) + hours * HOUR).toISOString());
  const file = () => submitReport(world.as({ userId: 'dan' }), { category: 'relation', description: TEXT, contact: true });
  const to = (userId: string) => scripted.arrived.filter((entry) => entry.to === userId);
  return { world, scripted, runner, at, file, to };
}

describe('a report nobody takes', () => {
  it('reminds its référent once after 72 hours, then goes to the coordinators by itself and says so', async () => {
    const { runner, at, file, to, scripted } = await worldWithReport();
    await file();
    await runner.runDue();
    expect(to('ref')).toHaveLength(1);
    at(71);
    await runner.runDue();
    expect(to('ref')).toHaveLength(1);
    at(72);
    await runner.runDue();
    await runner.runDue();
    expect(to('ref')).toHaveLength(2);
    expect(to('ref')[1]?.text).toContain(translate('fr', 'report.handling.reminder', { reference: 'SIG-0001' }));
    at(143);
    await runner.runDue();
    expect(scripted.arrived.filter((entry) => entry.kind === 'post')).toHaveLength(0);
    at(144);
    await runner.runDue();
    await runner.runDue();
    const posts = scripted.arrived.filter((entry) => entry.kind === 'post');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain('SIG-0001');
    expect(posts[0]?.text).toContain(TEXT);
    expect(
      to('dan')
        .map((entry) => entry.text)
        .join('\n'),
    ).toContain('SIG-0001');
    expect(to('erin')).toEqual([]);
  });

  it('is not reminded once someone took it', async () => {
    const { world, runner, at, file, to } = await worldWithReport();
    await file();
    await runner.runDue();
    await takeReport(world.as({ userId: 'ref', roles: ['referent'] }), 'SIG-0001');
    await runner.runDue();
    at(200);
    await runner.runDue();
    expect(to('ref')).toHaveLength(1);
    expect(to('erin')).toEqual([]);
  });

  it('neither skips nor doubles the reminder when the bot restarts in between', async () => {
    const { world, runner, at, file, to } = await worldWithReport();
    await file();
    await runner.runDue();
    at(72);
    const again = createJobRunner(world.ports as AppPorts, {
      programmes: { programmeFor: () => world.programme },
      log: createRecordingLog(),
    });
    await Promise.all([runner.runDue(), again.runDue()]);
    await again.runDue();
    expect(to('ref')).toHaveLength(2);
  });
});

describe('a référent who cannot be reached', () => {
  it('with DMs closed: the coordination space gets the report at once', async () => {
    const { scripted, runner, file, to } = await worldWithReport();
    scripted.refuseDms('ref');
    await file();
    await runner.runDue();
    await runner.runDue();
    const posts = scripted.arrived.filter((entry) => entry.kind === 'post');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.text).toContain(TEXT);
    expect(to('erin')).toEqual([]);
  });

  it('on a platform error: retried about 1, 5 and 30 minutes later, then the coordinators', async () => {
    const { scripted, runner, file, at } = await worldWithReport();
    scripted.throwOnDmTo('ref');
    await file();
    const posts = () => scripted.arrived.filter((entry) => entry.kind === 'post');
    await runner.runDue();
    for (const minutes of [1, 6, 36]) {
      expect(posts()).toHaveLength(0);
      at(minutes / 60);
      await runner.runDue();
    }
    await runner.runDue();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.text).toContain('SIG-0001');
  });
});

describe('a report escalated by its référent', () => {
  it('reminds the coordination space if no coordinator takes it within the delay', async () => {
    const { world, runner, at, file, scripted } = await worldWithReport();
    await file();
    await runner.runDue();
    at(1);
    await escalateReport(world.as({ userId: 'ref', roles: ['referent'] }), 'SIG-0001', 'Un avis de la coordination.');
    await runner.runDue();
    const posts = () => scripted.arrived.filter((entry) => entry.kind === 'post');
    expect(posts()).toHaveLength(1);
    at(72);
    await runner.runDue();
    expect(posts()).toHaveLength(1);
    at(73);
    await runner.runDue();
    await runner.runDue();
    expect(posts()).toHaveLength(2);
    expect(posts()[1]?.text).toContain(translate('fr', 'report.handling.reminder', { reference: 'SIG-0001' }));
  });
});
