import { z } from 'zod';
import type { Platform } from '../core/identity';
import { type Job, jobSchema } from '../core/jobs/job';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const dueEntrySchema = z.object({
  schemaVersion: z.literal(1),
  community: jobSchema.shape.community,
  kind: jobSchema.shape.kind,
  key: jobSchema.shape.key,
  dueAt: jobSchema.shape.dueAt,
  /** A young entry that matches no job is a write under way (entry first, then job), not a leftover. */
  writtenAt: z.iso.datetime(),
});
export type DueEntry = z.infer<typeof dueEntrySchema>;

type Due = Pick<Job, 'community' | 'kind' | 'key' | 'dueAt'>;

/** Wide enough for any JavaScript date (up to 8.64e15 ms), so that keys sort as due times. */
const DUE_DIGITS = 16;
const dueSegmentOfMs = (ms: number) => String(Math.max(0, ms)).padStart(DUE_DIGITS, '0');
/** The due time as it sorts in the index: a job before 1970 is as due as one at 0. */
export const dueSegment = (dueAt: string) => dueSegmentOfMs(Date.parse(dueAt));

/**
 * Where each pending job's due time is written, so that a poll reads the jobs due by now and
 * not every pending one: `job-due.<platform>.<due ms, zero-padded>.<community>.<kind>.<key>`,
 * read with `scanBelow` up to now. It is a copy of what the job records say, so the job record
 * decides: an entry whose job is gone or due at another time is a leftover, and a job with no
 * entry is found by the job repository's sweep.
 */
export interface JobDueIndex {
  /** Written before the job record: a crash in between leaves an entry to ignore, not a job never looked at. */
  put(job: Due, writtenAt: Date): Promise<void>;
  remove(job: Due): Promise<void>;
  /** Every entry of `platform`, for the sweep. */
  list(platform: Platform): Promise<DueEntry[]>;
  /** The entries of jobs due by `now` on `platform`, in due order. */
  dueBy(platform: Platform, now: Date): Promise<DueEntry[]>;
  /** The entry's own key, to tell apart two entries of one job. */
  keyOf(entry: Due): string;
}

export function createJobDueIndex(store: KeyValueStore): JobDueIndex {
  const entries = createRecordCollection(store, 'job-due', dueEntrySchema, (entry) => [
    entry.community.platform,
    dueSegment(entry.dueAt),
    entry.community.id,
    entry.kind,
    entry.key,
  ]);
  const entryOf = (job: Due, writtenAt: Date): DueEntry => ({
    schemaVersion: 1,
    community: job.community,
    kind: job.kind,
    key: job.key,
    dueAt: job.dueAt,
    writtenAt: writtenAt.toISOString(),
  });

  return {
    put: (job, writtenAt) => entries.set(entryOf(job, writtenAt)),
    async remove(job) {
      await entries.remove(job.community.platform, dueSegment(job.dueAt), job.community.id, job.kind, job.key);
    },
    list: (platform) => entries.list(platform),
    // Every key due at `now` or earlier sorts before the segment of the next millisecond.
    dueBy: (platform, now) => entries.listBelow([platform], [platform, dueSegmentOfMs(now.getTime() + 1)]),
    keyOf: (entry) => entries.keyOf(entryOf(entry, new Date(0))),
  };
}
