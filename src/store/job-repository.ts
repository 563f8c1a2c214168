import { z } from 'zod';
import { type CommunityRef, PLATFORMS, type Platform } from '../core/identity';
import { type Job, jobSchema } from '../core/jobs/job';
import type { Clock, JobQueue } from '../core/ports';
import { createJobDueIndex, dueSegment } from './job-due-index';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

const leaseSchema = z.object({
  schemaVersion: z.literal(1),
  community: jobSchema.shape.community,
  kind: jobSchema.shape.kind,
  key: jobSchema.shape.key,
  /** The job's `createdAt` in ms: a job cancelled or finished, then scheduled again, starts a chain of its own. */
  incarnation: z.number().int().min(0),
  generation: z.number().int().min(1),
  instance: z.string().min(1),
  until: z.iso.datetime(),
  /** Its holder wrote the job's next state (a retry, a new due time): the next claim is a fresh run. */
  released: z.boolean().optional(),
});
type LeaseRecord = z.infer<typeof leaseSchema>;

/** A job this process holds: run it, then finish, fail or reschedule it with this lease. */
export interface JobLease {
  /** The job as read after the lease was taken. */
  readonly job: Job;
  readonly generation: number;
  readonly instance: string;
  /** The previous lease on this job ran out without its holder saying how the run ended. */
  readonly mayHaveRun: boolean;
}

export interface ClaimRequest {
  readonly instance: string;
  readonly now: Date;
  /** When the lease runs out: another process may then take the job over (with `mayHaveRun`). */
  readonly until: Date;
}

/** The job queue, and what a runner that polls the store needs to claim and settle due jobs. */
export interface JobStore extends JobQueue {
  /** Jobs due by `now`, of every community (of one platform when given), earliest first. */
  listDue(now: Date, platform?: Platform): Promise<Job[]>;
  /** Takes the job for this run, unless another process holds a live lease on it or it is gone or no longer due. */
  claim(job: Job, request: ClaimRequest): Promise<JobLease | undefined>;
  /** The run succeeded (or gave up for good): forgets the job and its leases. False when nothing was written. */
  finish(lease: JobLease): Promise<boolean>;
  /** The run failed: one more attempt counted, to be retried at `retryAt`. False when nothing was written. */
  fail(lease: JobLease, error: string, retryAt: Date): Promise<boolean>;
  /** Runs the job again at `dueAt` with a new payload, as a fresh job (attempts back to 0). False when nothing was written. */
  reschedule(lease: JobLease, dueAt: Date, payload: Readonly<Record<string, string>>): Promise<boolean>;
  /** What `nudge()` calls: the runner's "look now"; `undefined` forgets it. */
  onNudge(listener: (() => void) | undefined): void;
}

const generationSegment = (generation: number) => String(generation).padStart(6, '0');
const incarnationOf = (job: Job) => Date.parse(job.createdAt);
const sameIncarnation = (a: Job, b: Job) => a.createdAt === b.createdAt;
const MAX_ERROR_LENGTH = 300;

export interface JobRepositoryOptions {
  /**
   * How often `listDue` also lists every pending job (the first call always does): it finds jobs
   * stored before the due-time index existed, and any whose entry went missing. 10 minutes by default.
   */
  readonly sweepIntervalMs?: number;
  /**
   * An index entry that matches no job is removed only once older than this: a younger one may
   * belong to a write under way (entry first, then job). 5 minutes by default.
   */
  readonly staleEntryGraceMs?: number;
}

const byDueThenKey = (keyOf: (job: Job) => string) => (a: Job, b: Job) =>
  Date.parse(a.dueAt) - Date.parse(b.dueAt) || (keyOf(a) < keyOf(b) ? -1 : 1);

/**
 * Jobs one record per key (`job.<platform>.<community>.<kind>.<key>`): scheduling is an `add`, so
 * the same kind and key is never queued twice. Leases rest on `add` too, so that they hold across
 * processes on every backend: `job-lease.<job>.<incarnation>.<generation>`. A process takes
 * generation 1 when the job has no lease, and generation n+1 only once lease n was released or ran
 * out; of two processes adding the same generation, exactly one gets it. A lease that ran out
 * without being released belonged to a run that may have done its work: the next run is told so.
 *
 * A poll reads the due-time index (job-due-index.ts) up to now, then each job it names, so its
 * cost follows the jobs due, not the jobs pending: 10,000 check-ins planned for the coming weeks
 * cost an idle poll one empty range read. The index is written before the job and removed after
 * it, so a crash leaves an entry to ignore rather than a job no poll sees; the slow sweep (at the
 * first poll, then every `sweepIntervalMs`) lists every job as polls did before, and indexes any it
 * finds without an entry: after an upgrade, the first poll indexes the jobs stored before.
 * Why a range read on the store rather than buckets of prefix scans: SQLite and PostgreSQL already
 * list a prefix as a range of their primary key, so the range is one bound more in the same query,
 * with no bucket bookkeeping that several processes would have to keep consistent.
 */
export function createJobRepository(store: KeyValueStore, clock: Clock, options: JobRepositoryOptions = {}): JobStore {
  const sweepIntervalMs = options.sweepIntervalMs ?? 10 * 60_000;
  const staleEntryGraceMs = options.staleEntryGraceMs ?? 5 * 60_000;
  const dueIndex = createJobDueIndex(store);
  let lastSweep: number | undefined;
  const jobs = createRecordCollection(store, 'job', jobSchema, (job) => [job.community.platform, job.community.id, job.kind, job.key]);
  const leases = createRecordCollection(store, 'job-lease', leaseSchema, (lease) => [
    lease.community.platform,
    lease.community.id,
    lease.kind,
    lease.key,
    String(lease.incarnation),
    generationSegment(lease.generation),
  ]);
  let nudgeListener: (() => void) | undefined;

  const findJob = (community: CommunityRef, kind: string, key: string) => jobs.find(community.platform, community.id, kind, key);
  const leasesOf = (job: Job) => leases.list(job.community.platform, job.community.id, job.kind, job.key, String(incarnationOf(job)));
  const leaseKeyParts = (job: Job, generation: number) =>
    [job.community.platform, job.community.id, job.kind, job.key, String(incarnationOf(job)), generationSegment(generation)] as const;

  async function forgetLeases(job: Job): Promise<void> {
    for (const lease of await leasesOf(job)) await store.delete(leases.keyOf(lease));
  }

  /** The job as this lease's holder may still write it: the same incarnation, and no later lease taken over. */
  async function stillHeld(lease: JobLease): Promise<Job | undefined> {
    if ((await leases.find(...leaseKeyParts(lease.job, lease.generation + 1))) !== undefined) return undefined;
    const current = await findJob(lease.job.community, lease.job.kind, lease.job.key);
    return current !== undefined && sameIncarnation(current, lease.job) ? current : undefined;
  }

  /** Marks the lease released, and drops the ones before it: a claim only reads the latest, and a recurring job would pile them up. */
  async function release(lease: JobLease): Promise<void> {
    const held = await leases.find(...leaseKeyParts(lease.job, lease.generation));
    if (held !== undefined && held.instance === lease.instance) await leases.set({ ...held, released: true });
    for (const earlier of await leasesOf(lease.job)) {
      if (earlier.generation < lease.generation) await store.delete(leases.keyOf(earlier));
    }
  }

  /** Writes the job's next state, then lets the next claim through; nothing when it was cancelled or taken over meanwhile. */
  async function replace(lease: JobLease, next: (current: Job) => Job): Promise<boolean> {
    const current = await stillHeld(lease);
    if (current === undefined) return false;
    const replaced = next(current);
    await dueIndex.put(replaced, clock.now());
    await jobs.set(replaced);
    await release(lease);
    if (dueSegment(replaced.dueAt) !== dueSegment(current.dueAt)) await dueIndex.remove(current);
    return true;
  }

  /** The jobs the index says are due, each read from its own record; leftover entries are skipped, and removed once old. */
  async function dueFromIndex(now: Date, platforms: readonly Platform[]): Promise<Job[]> {
    const due: Job[] = [];
    for (const platform of platforms) {
      for (const entry of await dueIndex.dueBy(platform, now)) {
        const job = await findJob(entry.community, entry.kind, entry.key);
        if (job !== undefined && dueSegment(job.dueAt) === dueSegment(entry.dueAt)) due.push(job);
        else if (now.getTime() - Date.parse(entry.writtenAt) >= staleEntryGraceMs) await dueIndex.remove(entry);
      }
    }
    return due;
  }

  /**
   * Every pending job listed in full, as polls did before the index: the due ones are the answer,
   * and any job without its entry (stored before the index, or whose entry was lost) gets one, so
   * that it runs on time from then on.
   */
  async function sweep(now: Date, platform: Platform | undefined, platforms: readonly Platform[]): Promise<Job[]> {
    const all = platform === undefined ? await jobs.list() : await jobs.list(platform);
    const indexed = new Set<string>();
    for (const each of platforms) for (const entry of await dueIndex.list(each)) indexed.add(dueIndex.keyOf(entry));
    for (const job of all) if (!indexed.has(dueIndex.keyOf(job))) await dueIndex.put(job, clock.now());
    return all.filter((job) => Date.parse(job.dueAt) <= now.getTime());
  }

  return {
    async schedule(job) {
      const parsed = jobSchema.safeParse({
        schemaVersion: 1,
        community: job.community,
        kind: job.kind,
        key: job.key,
        dueAt: job.dueAt.toISOString(),
        payload: { ...job.payload },
        attempts: 0,
        createdAt: clock.now().toISOString(),
      });
      // Checked before the index entry is written, as the collection would check it before the job.
      if (!parsed.success) throw new Error(`refusing to store an invalid job record: ${z.prettifyError(parsed.error)}`);
      const record = parsed.data;
      await dueIndex.put(record, clock.now());
      if (await jobs.add(record)) return true;
      // Already queued: the entry just written is the queued job's own only when both are due at the same time.
      const queued = await findJob(job.community, job.kind, job.key);
      if (queued === undefined || dueSegment(queued.dueAt) !== dueSegment(record.dueAt)) await dueIndex.remove(record);
      return false;
    },
    async cancel(community, kind, key) {
      const job = await findJob(community, kind, key);
      if (job === undefined) return false;
      const removed = await jobs.remove(community.platform, community.id, kind, key);
      await forgetLeases(job);
      await dueIndex.remove(job);
      return removed;
    },
    find: findJob,
    nudge() {
      nudgeListener?.();
    },
    onNudge(listener) {
      nudgeListener = listener;
    },

    async listDue(now, platform) {
      const platforms = platform === undefined ? PLATFORMS : [platform];
      const sweepNow = lastSweep === undefined || now.getTime() - lastSweep >= sweepIntervalMs || now.getTime() < lastSweep;
      if (!sweepNow) return (await dueFromIndex(now, platforms)).sort(byDueThenKey(jobs.keyOf));
      const swept = await sweep(now, platform, platforms);
      lastSweep = now.getTime();
      return swept.sort(byDueThenKey(jobs.keyOf));
    },

    async claim(job, { instance, now, until }) {
      const chain = await leasesOf(job);
      const latest = chain.at(-1);
      const expired = latest !== undefined && !latest.released && Date.parse(latest.until) <= now.getTime();
      if (latest !== undefined && !latest.released && !expired) return undefined;
      const lease: LeaseRecord = {
        schemaVersion: 1,
        community: job.community,
        kind: job.kind,
        key: job.key,
        incarnation: incarnationOf(job),
        generation: (latest?.generation ?? 0) + 1,
        instance,
        until: until.toISOString(),
      };
      if (!(await leases.add(lease))) return undefined;
      // Read again under the lease: it may have been finished, cancelled, retried or moved since it was listed.
      const current = await findJob(job.community, job.kind, job.key);
      if (current === undefined || !sameIncarnation(current, job)) {
        await store.delete(leases.keyOf(lease));
        return undefined;
      }
      const held: JobLease = { job: current, generation: lease.generation, instance, mayHaveRun: expired };
      if (Date.parse(current.dueAt) > now.getTime()) {
        await release(held);
        return undefined;
      }
      return held;
    },

    async finish(lease) {
      const current = await stillHeld(lease);
      if (current === undefined) return false;
      // The job first: while its leases remain, no other process can claim it in between.
      await jobs.remove(current.community.platform, current.community.id, current.kind, current.key);
      await forgetLeases(current);
      await dueIndex.remove(current);
      return true;
    },

    fail: (lease, error, retryAt) =>
      replace(lease, (current) => ({
        ...current,
        attempts: current.attempts + 1,
        lastError: error.slice(0, MAX_ERROR_LENGTH),
        dueAt: retryAt.toISOString(),
      })),

    reschedule: (lease, dueAt, payload) =>
      replace(lease, (current) => {
        const { lastError: _, ...rest } = current;
        return { ...rest, attempts: 0, dueAt: dueAt.toISOString(), payload: { ...payload } };
      }),
  };
}
