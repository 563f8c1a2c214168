import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { type Report, referenceOf } from '../../src/core/reports/report';
import { createReportDataHolder } from '../../src/core/reports/report-personal-data';
import { createBinomeRepository } from '../../src/store/binome-repository';
import { createJobRepository } from '../../src/store/job-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { createReportRepository } from '../../src/store/report-repository';
import { fixedClock } from '../support/fixed-clock';

const COMMUNITY: CommunityRef = { platform: 'slack', id: 'T-reports' };
const AT = '2026-03-01T10:00:00.000Z';
const TEXT = 'Un texte confidentiel sur mon binôme.';

function report(number: number, reporter = 'U-dan', status: Report['status'] = 'received'): Report {
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
