import { z } from 'zod';
import { communityRefSchema, participantIdSchema } from '../core/identity';
import type { ReportRepository } from '../core/ports';
import { type Report, reportSchema } from '../core/reports/report';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const NUMBER_WIDTH = 9;
const numberSegment = (number: number) => String(number).padStart(NUMBER_WIDTH, '0');

const numberClaimSchema = z.object({ community: communityRefSchema, number: z.number().int().min(1), claimedAt: z.iso.datetime() });
const sequenceSchema = z.object({ community: communityRefSchema, last: z.number().int().min(0) });
const reporterIndexSchema = z.object({ reporter: participantIdSchema, reference: z.string() });
/** Who claimed is not kept: the claim outlives the report's purge and its people's erasure. */
const claimSchema = z.object({ community: communityRefSchema, reference: z.string(), what: z.string() });

/**
 * Reports under one key each. A number is claimed with `add` on its own key, so two filings at
 * once never share one, and the claim (which holds no personal data) outlives the report: a
 * number is never reused. The sequence record is only a hint of where to start claiming.
 */
export function createReportRepository(store: KeyValueStore): ReportRepository {
  const reports = createRecordCollection(store, 'report', reportSchema, (report) => [
    report.community.platform,
    report.community.id,
    report.reference,
  ]);
  const numbers = createRecordCollection(store, 'report-number', numberClaimSchema, (claim) => [
    claim.community.platform,
    claim.community.id,
    numberSegment(claim.number),
  ]);
  const sequences = createRecordCollection(store, 'report-sequence', sequenceSchema, (sequence) => [
    sequence.community.platform,
    sequence.community.id,
  ]);
  const byReporter = createRecordCollection(store, 'report-by-reporter', reporterIndexSchema, (entry) => [
    entry.reporter.platform,
    entry.reporter.communityId,
    entry.reporter.userId,
    entry.reference,
  ]);
  const claims = createRecordCollection(store, 'report-claim', claimSchema, (claim) => [
    claim.community.platform,
    claim.community.id,
    claim.reference,
    claim.what,
  ]);
  const indexEntry = (report: Report) =>
    report.reporter
      ? {
          reporter: { platform: report.community.platform, communityId: report.community.id, userId: report.reporter },
          reference: report.reference,
        }
      : undefined;

  return {
    find: (community, reference) => reports.find(community.platform, community.id, reference),
    listByCommunity: (community) => reports.list(community.platform, community.id),
    async listByReporter(participant) {
      const entries = await byReporter.list(participant.platform, participant.communityId, participant.userId);
      const found = await Promise.all(entries.map((entry) => reports.find(participant.platform, participant.communityId, entry.reference)));
      return found.filter((report): report is Report => report?.reporter === participant.userId);
    },
    async claimNumber(community, at) {
      const hint = await sequences.find(community.platform, community.id);
      for (let number = (hint?.last ?? 0) + 1; ; number += 1) {
        if (await numbers.add({ community, number, claimedAt: at.toISOString() })) {
          await sequences.set({ community, last: number });
          return number;
        }
      }
    },
    async create(report) {
      await reports.set(report);
      const entry = indexEntry(report);
      if (entry) await byReporter.set(entry);
    },
    save: (report) => reports.set(report),
    async remove(report) {
      const entry = indexEntry(report);
      if (entry) await byReporter.remove(entry.reporter.platform, entry.reporter.communityId, entry.reporter.userId, entry.reference);
      await reports.remove(report.community.platform, report.community.id, report.reference);
    },
    claim: (community, reference, what) => claims.add({ community, reference, what }),
    forgetReporter: (participant, reference) =>
      byReporter.remove(participant.platform, participant.communityId, participant.userId, reference).then(() => undefined),
  };
}
