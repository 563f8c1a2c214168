/**
 * The job queue's look for due jobs before the due-time index, kept for comparison only (the
 * jobs bench): every pending job of the platform read and validated at each poll, then filtered.
 */
import type { Platform } from '../../src/core/identity';
import { type Job, jobSchema } from '../../src/core/jobs/job';
import type { JobStore } from '../../src/store/job-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { createRecordCollection } from '../../src/store/record-collection';

/** `jobs` with the former `listDue`; claims and settling stay the current ones (they did not change). */
export function withPreviousListDue(store: KeyValueStore, jobs: JobStore): JobStore {
  const records = createRecordCollection(store, 'job', jobSchema, (job: Job) => [
    job.community.platform,
    job.community.id,
    job.kind,
    job.key,
  ]);
  return {
    ...jobs,
    async listDue(now: Date, platform?: Platform) {
      const all = platform === undefined ? await records.list() : await records.list(platform);
      return all
        .filter((job) => Date.parse(job.dueAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (records.keyOf(a) < records.keyOf(b) ? -1 : 1));
    },
  };
}
