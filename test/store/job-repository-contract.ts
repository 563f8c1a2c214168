import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptRecordError } from '../../src/core/errors';
import type { CommunityRef } from '../../src/core/identity';
import type { NewJob } from '../../src/core/jobs/job';
import { createJobRepository, type JobStore } from '../../src/store/job-repository';
import { keyOf } from '../../src/store/key-segments';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from '../support/fixed-clock';
import { collect } from './store-contract';

const NOW = '2026-03-01T10:00:00.000Z';
const LATER = '2026-03-01T10:05:00.000Z';
const GUILD: CommunityRef = { platform: 'discord', id: '111' };
const OTHER_GUILD: CommunityRef = { platform: 'discord', id: '222' };
const WORKSPACE: CommunityRef = { platform: 'slack', id: 'T01' };

const at = (iso: string) => new Date(iso);
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

const job = (overrides: Partial<NewJob> = {}): NewJob => ({
  community: GUILD,
  kind: 'report.deliver',
  key: 'report-1',
  payload: { reportId: 'report-1' },
  dueAt: at(NOW),
  ...overrides,
});

/** The job queue and its leases, on one backend. */
export function describeJobRepository(name: string, open: () => Promise<KeyValueStore>): void {
  describe(`the job repository on ${name}`, () => {
    let store: KeyValueStore;
    let clock: ReturnType<typeof fixedClock>;
    let jobs: JobStore;
    beforeEach(async () => {
      store = await open();
      clock = fixedClock(NOW);
      jobs = createJobRepository(store, clock);
    });
    afterEach(async () => {
      await store.close();
    });

    const keysUnder = async (prefix: string) => (await collect(store.scan(prefix))).map(([key]) => key);
    const claim =
      (instance: string, nowIso = NOW, leaseMinutes = 10) =>
      async (pending: Awaited<ReturnType<JobStore['listDue']>>[number]) =>
        jobs.claim(pending, { instance, now: at(nowIso), until: minutesAfter(nowIso, leaseMinutes) });
    const dueNow = async (nowIso = NOW) => {
      const [first] = await jobs.listDue(at(nowIso));
      if (first === undefined) throw new Error(`no job is due at ${nowIso}`);
      return first;
    };

    describe('scheduling', () => {
      it('keeps one job when the same kind and key is scheduled twice, with the first due time and payload', async () => {
        expect(await jobs.schedule(job())).toBe(true);
        expect(await jobs.schedule(job({ dueAt: at(LATER), payload: { reportId: 'other' } }))).toBe(false);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toEqual({
          schemaVersion: 1,
          community: GUILD,
          kind: 'report.deliver',
          key: 'report-1',
          dueAt: NOW,
          payload: { reportId: 'report-1' },
          attempts: 0,
          createdAt: NOW,
        });
        expect(await keysUnder('job.')).toHaveLength(1);
      });

      it('tells apart the same key of another kind or in another community', async () => {
        expect(await jobs.schedule(job())).toBe(true);
        expect(await jobs.schedule(job({ kind: 'report.deadline' }))).toBe(true);
        expect(await jobs.schedule(job({ community: OTHER_GUILD }))).toBe(true);
        expect(await keysUnder('job.')).toHaveLength(3);
      });

      it('forgets a cancelled job, and says when there was none to cancel', async () => {
        await jobs.schedule(job());
        expect(await jobs.cancel(GUILD, 'report.deliver', 'report-1')).toBe(true);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toBeUndefined();
        expect(await jobs.cancel(GUILD, 'report.deliver', 'report-1')).toBe(false);
        expect(await jobs.schedule(job())).toBe(true);
      });

      it('refuses to store a job whose kind is not a lowercase name', async () => {
        await expect(jobs.schedule(job({ kind: 'Report Deliver' }))).rejects.toThrow(/invalid job/);
        expect(await keysUnder('job.')).toEqual([]);
      });

      it('refuses a job stored under another job’s key as corrupt', async () => {
        await jobs.schedule(job());
        const stored = await jobs.find(GUILD, 'report.deliver', 'report-1');
        await store.set(keyOf('job', 'discord', '111', 'report.deliver', 'report-9'), stored);
        await expect(jobs.find(GUILD, 'report.deliver', 'report-9')).rejects.toBeInstanceOf(CorruptRecordError);
        await expect(jobs.listDue(at(NOW))).rejects.toBeInstanceOf(CorruptRecordError);
      });

      it('calls the runner’s listener on nudge, and does nothing without one', () => {
        let nudges = 0;
        jobs.nudge();
        jobs.onNudge(() => {
          nudges += 1;
        });
        jobs.nudge();
        jobs.onNudge(undefined);
        jobs.nudge();
        expect(nudges).toBe(1);
      });
    });

    describe('due jobs', () => {
      it('lists the jobs due by now in every community, earliest first, and not those due later', async () => {
        await jobs.schedule(job({ key: 'late', dueAt: at(LATER) }));
        await jobs.schedule(job({ key: 'second', community: OTHER_GUILD, dueAt: minutesAfter(NOW, -1) }));
        await jobs.schedule(job({ key: 'first', dueAt: minutesAfter(NOW, -2) }));
        await jobs.schedule(job({ key: 'on-slack', community: WORKSPACE }));
        expect((await jobs.listDue(at(NOW))).map((due) => due.key)).toEqual(['first', 'second', 'on-slack']);
        expect((await jobs.listDue(at(NOW), 'discord')).map((due) => due.key)).toEqual(['first', 'second']);
        expect((await jobs.listDue(at(LATER), 'discord')).map((due) => due.key)).toEqual(['first', 'second', 'late']);
      });
    });

    describe('the due-time index', () => {
      const dueKeys = () => keysUnder('job-due.');
      const dueKeyOf = (community: CommunityRef, dueIso: string, key = 'report-1') =>
        keyOf('job-due', community.platform, String(Date.parse(dueIso)).padStart(16, '0'), community.id, 'report.deliver', key);
      /** A job record as a release without the index wrote it: no entry beside it. */
      const storedWithoutEntry = (key: string, dueIso: string) =>
        store.set(keyOf('job', GUILD.platform, GUILD.id, 'report.deliver', key), {
          schemaVersion: 1,
          community: GUILD,
          kind: 'report.deliver',
          key,
          dueAt: dueIso,
          payload: { reportId: key },
          attempts: 0,
          createdAt: NOW,
        });

      it('keeps one entry per pending job, at its due time: moved by a retry or a reschedule, gone once it is finished or cancelled', async () => {
        await jobs.schedule(job());
        await jobs.schedule(job({ key: 'cancelled', dueAt: at(LATER) }));
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, NOW), dueKeyOf(GUILD, LATER, 'cancelled')]);
        await jobs.cancel(GUILD, 'report.deliver', 'cancelled');
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, NOW)]);

        const first = await claim('process-a')(await dueNow());
        if (first === undefined) throw new Error('the claim should succeed');
        await jobs.fail(first, 'timeout', at(LATER));
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, LATER)]);
        const retry = await claim('process-a', LATER)(await dueNow(LATER));
        if (retry === undefined) throw new Error('the retry should be claimed');
        const nextHour = minutesAfter(LATER, 60).toISOString();
        await jobs.reschedule(retry, at(nextHour), {});
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, nextHour)]);
        const last = await claim('process-a', nextHour)(await dueNow(nextHour));
        if (last === undefined) throw new Error('the rescheduled job should be claimed');
        await jobs.finish(last);
        expect(await dueKeys()).toEqual([]);
      });

      it('keeps the queued job’s entry when the same kind and key is scheduled again, at the same or another time', async () => {
        await jobs.schedule(job());
        expect(await jobs.schedule(job({ dueAt: at(LATER) }))).toBe(false);
        expect(await jobs.schedule(job())).toBe(false);
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, NOW)]);
        expect((await jobs.listDue(at(NOW))).map((due) => due.key)).toEqual(['report-1']);
      });

      it('finds jobs stored before the index existed at the first poll, and indexes them all, so the later ones run on time', async () => {
        const halfHourAgo = minutesAfter(NOW, -30).toISOString();
        await storedWithoutEntry('old-due', halfHourAgo);
        await storedWithoutEntry('old-later', LATER);
        expect((await jobs.listDue(at(NOW))).map((due) => due.key)).toEqual(['old-due']);
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, halfHourAgo, 'old-due'), dueKeyOf(GUILD, LATER, 'old-later')]);
        // 5 minutes on, before the next sweep: the index alone finds both.
        expect((await jobs.listDue(at(LATER))).map((due) => due.key)).toEqual(['old-due', 'old-later']);
      });

      it('reads only the index between sweeps: a job whose entry went missing runs at the next sweep, 10 minutes on', async () => {
        expect(await jobs.listDue(at(NOW))).toEqual([]);
        await storedWithoutEntry('lost-entry', NOW);
        expect(await jobs.listDue(minutesAfter(NOW, 1))).toEqual([]);
        expect((await jobs.listDue(minutesAfter(NOW, 10))).map((due) => due.key)).toEqual(['lost-entry']);
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, NOW, 'lost-entry')]);
      });

      it('ignores an entry whose job is gone or due at another time, and removes it once it is 5 minutes old (a young one may be a write under way)', async () => {
        await jobs.listDue(at(NOW));
        const hourLater = minutesAfter(NOW, 60).toISOString();
        await jobs.schedule(job({ key: 'moved', dueAt: at(hourLater) }));
        const leftover = (key: string) => ({
          schemaVersion: 1,
          community: GUILD,
          kind: 'report.deliver',
          key,
          dueAt: NOW,
          writtenAt: NOW,
        });
        // As a crash between the entry and the job would leave them: an entry for a job never written, one at a former due time.
        await store.set(dueKeyOf(GUILD, NOW, 'never-written'), leftover('never-written'));
        await store.set(dueKeyOf(GUILD, NOW, 'moved'), leftover('moved'));
        expect(await jobs.listDue(at(NOW))).toEqual([]);
        expect(await jobs.listDue(minutesAfter(NOW, 4))).toEqual([]);
        expect(await dueKeys()).toHaveLength(3);
        expect(await jobs.listDue(minutesAfter(NOW, 5))).toEqual([]);
        expect(await dueKeys()).toEqual([dueKeyOf(GUILD, hourLater, 'moved')]);
        expect((await jobs.listDue(at(hourLater))).map((due) => due.key)).toEqual(['moved']);
      });

      it('runs a job whose entry was written but whose record is not yet, once the record is there', async () => {
        await jobs.listDue(at(NOW));
        await store.set(dueKeyOf(GUILD, NOW), {
          schemaVersion: 1,
          community: GUILD,
          kind: 'report.deliver',
          key: 'report-1',
          dueAt: NOW,
          writtenAt: NOW,
        });
        expect(await jobs.listDue(at(NOW))).toEqual([]);
        expect(await jobs.schedule(job())).toBe(true);
        expect((await jobs.listDue(minutesAfter(NOW, 1))).map((due) => due.key)).toEqual(['report-1']);
      });
    });

    describe('leases', () => {
      it('gives a job to exactly one of two processes claiming it at once', async () => {
        await jobs.schedule(job());
        const pending = await dueNow();
        const leases = await Promise.all([claim('process-a')(pending), claim('process-b')(pending)]);
        const winners = leases.filter((lease) => lease !== undefined);
        expect(winners).toHaveLength(1);
        expect(winners[0]?.mayHaveRun).toBe(false);
      });

      it('does not give a job again while its lease runs', async () => {
        await jobs.schedule(job());
        const pending = await dueNow();
        expect(await claim('process-a')(pending)).toBeDefined();
        expect(await claim('process-b', minutesAfter(NOW, 9).toISOString())(pending)).toBeUndefined();
        expect(await claim('process-a', minutesAfter(NOW, 9).toISOString())(pending)).toBeUndefined();
      });

      it('hands a job whose lease ran out to another process, saying it may have run; the first holder can no longer settle it', async () => {
        await jobs.schedule(job());
        const pending = await dueNow();
        const stale = await claim('process-a')(pending);
        const takeover = await claim('process-b', minutesAfter(NOW, 10).toISOString())(pending);
        expect(takeover).toMatchObject({ generation: 2, instance: 'process-b', mayHaveRun: true });
        if (stale === undefined || takeover === undefined) throw new Error('both claims should have succeeded');
        expect(await jobs.finish(stale)).toBe(false);
        expect(await jobs.fail(stale, 'late', at(LATER))).toBe(false);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toMatchObject({ attempts: 0, dueAt: NOW });
        expect(await jobs.finish(takeover)).toBe(true);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toBeUndefined();
      });

      it('does not give a job that another process finished after it was listed', async () => {
        await jobs.schedule(job());
        const listed = await dueNow();
        const lease = await claim('process-a')(listed);
        if (lease === undefined) throw new Error('the first claim should succeed');
        await jobs.finish(lease);
        expect(await claim('process-b')(listed)).toBeUndefined();
        expect(await keysUnder('job-lease.')).toEqual([]);
      });

      it('does not give the job scheduled again to a claim of the one that was listed and cancelled', async () => {
        await jobs.schedule(job());
        const listed = await dueNow();
        await jobs.cancel(GUILD, 'report.deliver', 'report-1');
        clock.set(LATER);
        await jobs.schedule(job({ payload: { reportId: 'again' } }));
        expect(await claim('process-a')(listed)).toBeUndefined();
        const again = await claim('process-b')(await dueNow());
        expect(again).toMatchObject({ generation: 1, mayHaveRun: false, job: { payload: { reportId: 'again' } } });
      });
    });

    describe('settling a run', () => {
      it('forgets a finished job and its leases', async () => {
        await jobs.schedule(job());
        const lease = await claim('process-a')(await dueNow());
        if (lease === undefined) throw new Error('the claim should succeed');
        expect(await jobs.finish(lease)).toBe(true);
        expect(await keysUnder('job.')).toEqual([]);
        expect(await keysUnder('job-lease.')).toEqual([]);
      });

      it('counts a failed run, keeps its error and waits for the retry time; the retry is a fresh run', async () => {
        await jobs.schedule(job());
        const lease = await claim('process-a')(await dueNow());
        if (lease === undefined) throw new Error('the claim should succeed');
        expect(await jobs.fail(lease, 'DiscordAPIError: Missing Access', minutesAfter(NOW, 1))).toBe(true);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toMatchObject({
          attempts: 1,
          lastError: 'DiscordAPIError: Missing Access',
          dueAt: minutesAfter(NOW, 1).toISOString(),
        });
        expect(await jobs.listDue(at(NOW))).toEqual([]);
        const retryAt = minutesAfter(NOW, 1).toISOString();
        const retry = await claim('process-b', retryAt)(await dueNow(retryAt));
        expect(retry).toMatchObject({ generation: 2, mayHaveRun: false, job: { attempts: 1 } });
      });

      it('keeps only the first 300 characters of an error', async () => {
        await jobs.schedule(job());
        const lease = await claim('process-a')(await dueNow());
        if (lease === undefined) throw new Error('the claim should succeed');
        await jobs.fail(lease, 'x'.repeat(1000), at(LATER));
        expect((await jobs.find(GUILD, 'report.deliver', 'report-1'))?.lastError).toHaveLength(300);
      });

      it('reschedules a job as a fresh one: new due time and payload, no attempts, no error, and no pile of old leases', async () => {
        await jobs.schedule(job());
        const first = await claim('process-a')(await dueNow());
        if (first === undefined) throw new Error('the claim should succeed');
        await jobs.fail(first, 'timeout', at(NOW));
        for (let hour = 1; hour <= 3; hour += 1) {
          const nowIso = minutesAfter(NOW, 60 * (hour - 1)).toISOString();
          const lease = await claim('process-a', nowIso)(await dueNow(nowIso));
          if (lease === undefined) throw new Error(`the claim of hour ${hour} should succeed`);
          expect(lease.mayHaveRun).toBe(false);
          expect(await jobs.reschedule(lease, minutesAfter(NOW, 60 * hour), { stage: String(hour) })).toBe(true);
        }
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toEqual({
          schemaVersion: 1,
          community: GUILD,
          kind: 'report.deliver',
          key: 'report-1',
          dueAt: minutesAfter(NOW, 180).toISOString(),
          payload: { stage: '3' },
          attempts: 0,
          createdAt: NOW,
        });
        expect(await keysUnder('job-lease.')).toHaveLength(1);
      });

      it('does not bring back a job cancelled while it ran', async () => {
        await jobs.schedule(job());
        const lease = await claim('process-a')(await dueNow());
        if (lease === undefined) throw new Error('the claim should succeed');
        await jobs.cancel(GUILD, 'report.deliver', 'report-1');
        expect(await jobs.fail(lease, 'timeout', at(LATER))).toBe(false);
        expect(await jobs.reschedule(lease, at(LATER), {})).toBe(false);
        expect(await jobs.finish(lease)).toBe(false);
        expect(await keysUnder('job.')).toEqual([]);
        expect(await keysUnder('job-lease.')).toEqual([]);
      });

      it('leaves alone the job scheduled again after the one it ran was cancelled', async () => {
        await jobs.schedule(job());
        const lease = await claim('process-a')(await dueNow());
        if (lease === undefined) throw new Error('the claim should succeed');
        await jobs.cancel(GUILD, 'report.deliver', 'report-1');
        clock.set(LATER);
        await jobs.schedule(job({ dueAt: at(LATER), payload: { reportId: 'again' } }));
        expect(await jobs.finish(lease)).toBe(false);
        expect(await jobs.reschedule(lease, minutesAfter(LATER, 60), {})).toBe(false);
        expect(await jobs.find(GUILD, 'report.deliver', 'report-1')).toMatchObject({ dueAt: LATER, payload: { reportId: 'again' } });
        const again = await claim('process-b', LATER)(await dueNow(LATER));
        expect(again).toMatchObject({ generation: 1, mayHaveRun: false });
      });
    });
  });
}
