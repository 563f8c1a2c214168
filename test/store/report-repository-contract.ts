import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorePorts } from '../../src/app/app-ports';
import type { CommunityRef } from '../../src/core/identity';
import { type Report, referenceOf } from '../../src/core/reports/report';
import { REPORT_JOBS } from '../../src/core/reports/report-events';
import { createReportDataHolder } from '../../src/core/reports/report-personal-data';
import { reportRetentionJob } from '../../src/core/reports/report-retention';
import { createBinomeRepository } from '../../src/store/binome-repository';
import { createJobRepository } from '../../src/store/job-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { createReportRepository } from '../../src/store/report-repository';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { createRecordingChat } from '../support/recording-chat';

const COMMUNITY: CommunityRef = { platform: 'slack', id: 'T-reports' };
const AT = '2026-03-01T10:00:00.000Z';
const TEXT = 'Un texte confidentiel sur mon binôme.';

function report(number: number, reporter = 'U-dan', status: Report['status'] = 'received', more: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    community: COMMUNITY,
    reference: referenceOf(number),
    number,
    category: 'relation',
    reporter,
    reporterLocale: 'fr',
    description: TEXT,
    contact: true,
    status,
    route: 'referent',
    recipients: ['U-ref'],
    handler: 'U-ref',
    conversation: [{ at: AT, from: 'handler', author: 'U-ref', text: 'Une réponse au texte.' }],
    notes: [{ at: AT, author: 'U-ref', text: 'Une note interne.' }],
    history: [{ n: 0, at: AT, kind: 'filed', actor: reporter }],
    createdAt: AT,
    updatedAt: AT,
    ...more,
  };
}

/** Every key and value in the store, as text, to look for what must be gone. */
async function dump(store: KeyValueStore): Promise<string> {
  const lines: string[] = [];
  for await (const [key, value] of store.scan('')) lines.push(`${key} ${JSON.stringify(value)}`);
  return lines.join('\n');
}

/** The report repository, run on memory, SQLite, Redis and PostgreSQL. */
export function describeReportRepository(backend: string, open: () => Promise<KeyValueStore>): void {
  describe(`the report repository on ${backend}`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives 20 concurrent filings 20 distinct numbers, and never a number twice, even after a report is removed', async () => {
      const reports = createReportRepository(store);
      const numbers = await Promise.all(Array.from({ length: 20 }, () => reports.claimNumber(COMMUNITY, new Date(AT))));
      expect(new Set(numbers).size).toBe(20);
      await reports.create(report(20));
      await reports.remove(report(20));
      const next = await reports.claimNumber(COMMUNITY, new Date(AT));
      expect(numbers).not.toContain(next);
      expect(next).toBeGreaterThan(Math.max(...numbers));
    });

    it('finds a reporter’s reports through its index, and no one else’s', async () => {
      const reports = createReportRepository(store);
      await reports.create(report(1));
      await reports.create(report(2, 'U-carol'));
      expect(
        (await reports.listByReporter({ platform: 'slack', communityId: COMMUNITY.id, userId: 'U-dan' })).map((r) => r.reference),
      ).toEqual(['SIG-0001']);
    });

    it('lists a reporter’s reports from the index alone: a report without its entry, or whose reporter was forgotten, is not listed', async () => {
      const reports = createReportRepository(store);
      const dan = { platform: 'slack' as const, communityId: COMMUNITY.id, userId: 'U-dan' };
      await reports.create(report(1));
      await reports.save(report(2));
      expect((await reports.listByReporter(dan)).map((r) => r.reference)).toEqual(['SIG-0001']);
      await reports.forgetReporter(dan, 'SIG-0001');
      expect(await reports.listByReporter(dan)).toEqual([]);
      expect(await reports.find(COMMUNITY, 'SIG-0001')).toBeDefined();
    });

    it('a claim on a report is won once, and names nobody (it outlives the report’s purge)', async () => {
      const reports = createReportRepository(store);
      const claims = await Promise.all(['U-ref', 'U-alice', 'U-coord'].map((by) => reports.claim(COMMUNITY, 'SIG-0001', 'take-0', by)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await reports.claim(COMMUNITY, 'SIG-0001', 'take-1', 'U-ref')).toBe(true);
      const left = await dump(store);
      for (const person of ['U-ref', 'U-alice', 'U-coord']) expect(left).not.toContain(person);
    });

    it('purging a resolved report after the retention leaves no text and no person in the store, only what counts need', async () => {
      const clock = fixedClock('2028-03-02T10:00:00.000Z');
      const ports = createCorePorts(store, createRecordingChat(), clock);
      const resolved = report(1, 'U-dan', 'resolved', { resolvedAt: AT, resolution: 'Une résolution au texte.', concerns: 'U-alice' });
      await ports.reports.create(resolved);
      await ports.reports.claim(COMMUNITY, 'SIG-0001', 'take-0', 'U-ref');
      const job = {
        schemaVersion: 1 as const,
        community: COMMUNITY,
        kind: REPORT_JOBS.purge,
        key: 'retention',
        dueAt: AT,
        payload: {},
        attempts: 0,
        createdAt: AT,
      };
      await reportRetentionJob.run({ community: COMMUNITY, programme: defaultProgramme(), ports, attempt: 1, mayHaveRun: false }, job);
      const left = await dump(store);
      for (const gone of ['U-dan', 'U-ref', 'U-alice', TEXT, 'Une réponse au texte.', 'Une note interne.', 'Une résolution au texte.'])
        expect(left).not.toContain(gone);
      expect(await ports.reports.find(COMMUNITY, 'SIG-0001')).toMatchObject({
        category: 'relation',
        status: 'resolved',
        createdAt: AT,
        resolvedAt: AT,
      });
    });

    it('erasing a reporter leaves neither their id nor any text of theirs in the store', async () => {
      const reports = createReportRepository(store);
      const clock = fixedClock(AT);
      const holder = createReportDataHolder({
        reports,
        queue: createJobRepository(store, clock),
        clock,
        binomes: createBinomeRepository(store),
      });
      await reports.create(report(1, 'U-dan', 'resolved'));
      expect(await holder.eraseFor({ platform: 'slack', communityId: COMMUNITY.id, userId: 'U-dan' })).toBe(true);
      const left = await dump(store);
      expect(left).not.toContain('U-dan');
      expect(left).not.toContain(TEXT);
      expect(left).not.toContain('Une réponse au texte.');
      expect(left).not.toContain('Une note interne.');
      const kept = await reports.find(COMMUNITY, 'SIG-0001');
      expect(kept).toMatchObject({ category: 'relation', status: 'resolved', createdAt: AT });
    });
  });
}
