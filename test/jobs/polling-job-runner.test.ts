import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createCorePorts } from '../../src/app/app-ports';
import type { CommunityRef } from '../../src/core/identity';
import type { Job, JobOutcome, NewJob } from '../../src/core/jobs/job';
import type { JobContext, JobHandler } from '../../src/core/jobs/job-handler';
import { createPollingJobRunner, type JobRunner } from '../../src/jobs/polling-job-runner';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { createRecordingChat } from '../support/recording-chat';
import { createRecordingLog } from '../support/recording-log';

const NOW = '2026-03-02T10:00:00.000Z';
const LOCAL: CommunityRef = { platform: 'terminal', id: 'local' };
const programme = defaultProgramme();

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const MINUTE = 60_000;

const reportJob = (overrides: Partial<NewJob> = {}): NewJob => ({
  community: LOCAL,
  kind: 'report.deliver',
  key: 'report-1',
  payload: { reportId: 'report-1' },
  dueAt: new Date(NOW),
  ...overrides,
});

interface Run {
  readonly key: string;
  readonly attempt: number;
  readonly mayHaveRun: boolean;
  readonly at: string;
  readonly payload: Job['payload'];
}

/** A handler that answers what the test says, and remembers each run. */
function recordingHandler(answer: (ctx: JobContext, job: Job) => Promise<JobOutcome> | JobOutcome, extra: Partial<JobHandler> = {}) {
  const runs: Run[] = [];
  const exhausted: string[] = [];
  const handler: JobHandler = {
    kind: 'report.deliver',
    async run(ctx, job) {
      runs.push({
        key: job.key,
        attempt: ctx.attempt,
        mayHaveRun: ctx.mayHaveRun,
        at: ctx.ports.clock.now().toISOString(),
        payload: job.payload,
      });
      return answer(ctx, job);
    },
    async exhausted(_ctx, job) {
      exhausted.push(job.key);
    },
    ...extra,
  };
  return { handler, runs, exhausted };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const opened: KeyValueStore[] = [];
const runners: JobRunner[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
  for (const store of opened.splice(0)) await store.close();
});

interface BotOptions {
  readonly handlers: readonly JobHandler[];
  /** Another run of the bot on the same data (a restart, or a second process). */
  readonly store?: KeyValueStore;
  readonly clock?: ReturnType<typeof fixedClock>;
  readonly leaseMs?: number;
  readonly intervalMs?: number;
}

/** One run of the bot: its own ports (and instance id) over a store, and its job runner. */
async function startBot(options: BotOptions) {
  const store = options.store ?? (await createStore('memory://'));
  if (options.store === undefined) opened.push(store);
  const clock = options.clock ?? fixedClock(NOW);
  const stopping = new AbortController();
  const ports = createCorePorts(store, createRecordingChat(), clock, { stopping: stopping.signal });
  const log = createRecordingLog();
  const runner = createPollingJobRunner({
    jobs: ports.jobStore,
    handlers: options.handlers,
    ports,
    programmes: { programmeFor: () => programme },
    log,
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
  });
  runners.push(runner);
  return { store, clock, ports, log, runner, stopping, queue: ports.queue };
}

describe('the polling job runner', () => {
  it('runs nothing before a job is due, then runs it once when the clock reaches its time', async () => {
    const { handler, runs } = recordingHandler(() => ({ status: 'done' }));
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ dueAt: new Date(later(NOW, 5 * MINUTE)) }));

    expect(await bot.runner.runDue()).toBe(0);
    bot.clock.set(later(NOW, 5 * MINUTE - 1));
    expect(await bot.runner.runDue()).toBe(0);
    bot.clock.set(later(NOW, 5 * MINUTE));
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.runner.runDue()).toBe(0);

    expect(runs).toEqual([
      { key: 'report-1', attempt: 1, mayHaveRun: false, at: later(NOW, 5 * MINUTE), payload: { reportId: 'report-1' } },
    ]);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeUndefined();
  });

  it('gives the handler the job’s community and its programme', async () => {
    const seen: Pick<JobContext, 'community' | 'programme'>[] = [];
    const bot = await startBot({
      handlers: [
        {
          kind: 'report.deliver',
          async run({ community, programme }) {
            seen.push({ community, programme });
            return { status: 'done' };
          },
        },
      ],
    });
    await bot.queue.schedule(reportJob());
    await bot.runner.runDue();
    expect(seen).toEqual([{ community: LOCAL, programme }]);
  });

  it('retries a failing job after about 1, 5 and 30 minutes, then calls exhausted once and forgets the job', async () => {
    const { handler, runs, exhausted } = recordingHandler(() => ({ status: 'retry', error: 'DiscordAPIError: Missing Access' }));
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob());

    await bot.runner.runDue();
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toMatchObject({
      attempts: 1,
      lastError: 'DiscordAPIError: Missing Access',
      dueAt: later(NOW, MINUTE),
    });
    let at = NOW;
    for (const wait of [MINUTE, 5 * MINUTE, 30 * MINUTE]) {
      bot.clock.set(later(at, wait - 1));
      expect(await bot.runner.runDue()).toBe(0);
      at = later(at, wait);
      bot.clock.set(at);
      expect(await bot.runner.runDue()).toBe(1);
    }
    bot.clock.set(later(at, 24 * 60 * MINUTE));
    expect(await bot.runner.runDue()).toBe(0);

    expect(runs.map((run) => [run.attempt, run.at])).toEqual([
      [1, NOW],
      [2, later(NOW, MINUTE)],
      [3, later(NOW, 6 * MINUTE)],
      [4, later(NOW, 36 * MINUTE)],
    ]);
    expect(exhausted).toEqual(['report-1']);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeUndefined();
  });

  it('follows a handler’s own retry limit and backoff', async () => {
    const { handler, runs, exhausted } = recordingHandler(() => ({ status: 'retry', error: 'timeout' }), {
      maxAttempts: 2,
      backoffMs: [10 * MINUTE],
    });
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob());
    await bot.runner.runDue();
    bot.clock.set(later(NOW, 10 * MINUTE));
    await bot.runner.runDue();
    expect(runs.map((run) => run.attempt)).toEqual([1, 2]);
    expect(exhausted).toEqual(['report-1']);
  });

  it('treats a handler that throws like one that asks for a retry, and logs ids but never the payload', async () => {
    const { handler, runs } = recordingHandler(() => {
      throw new Error('gateway timeout');
    });
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ payload: { reportId: 'report-1', note: 'private-looking-value' } }));
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toMatchObject({ attempts: 1, lastError: 'Error: gateway timeout' });
    expect(runs).toHaveLength(1);

    const ran = bot.log.entries.find((entry) => entry.message === 'ran a job');
    expect(ran?.details).toMatchObject({
      kind: 'report.deliver',
      key: 'report-1',
      community: LOCAL,
      attempt: 1,
      outcome: 'retry',
      recorded: true,
    });
    expect(JSON.stringify(bot.log.entries)).not.toContain('private-looking-value');
  });

  it('runs a rescheduled job again at its new time, with its new payload, as a first attempt', async () => {
    const { handler, runs } = recordingHandler((ctx, job) =>
      job.payload.stage === 'reminder'
        ? { status: 'done' }
        : { status: 'reschedule', dueAt: new Date(ctx.ports.clock.now().getTime() + 60 * MINUTE), payload: { stage: 'reminder' } },
    );
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ payload: { stage: 'first' } }));
    await bot.runner.runDue();
    bot.clock.set(later(NOW, 59 * MINUTE));
    expect(await bot.runner.runDue()).toBe(0);
    bot.clock.set(later(NOW, 60 * MINUTE));
    expect(await bot.runner.runDue()).toBe(1);
    expect(runs.map((run) => [run.payload.stage, run.attempt])).toEqual([
      ['first', 1],
      ['reminder', 1],
    ]);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeUndefined();
  });

  it('leaves a job of a kind it has no handler for in the queue, and warns once', async () => {
    const bot = await startBot({ handlers: [] });
    await bot.queue.schedule(reportJob());
    expect(await bot.runner.runDue()).toBe(0);
    expect(await bot.runner.runDue()).toBe(0);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeDefined();
    expect(bot.log.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.details)).toEqual([
      { kind: 'report.deliver', key: 'report-1', community: LOCAL },
    ]);
  });

  it('runs only the jobs of the platform its chat talks to', async () => {
    const { handler, runs } = recordingHandler(() => ({ status: 'done' }));
    const bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ community: { platform: 'discord', id: '111' } }));
    expect(await bot.runner.runDue()).toBe(0);
    expect(runs).toEqual([]);
  });

  it('stops between two jobs once the bot is stopping, leaving the rest for the next run', async () => {
    let bot: Awaited<ReturnType<typeof startBot>> | undefined;
    const { handler, runs } = recordingHandler(() => {
      bot?.stopping.abort();
      return { status: 'done' };
    });
    bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ key: 'first' }));
    await bot.queue.schedule(reportJob({ key: 'second' }));
    expect(await bot.runner.runDue()).toBe(1);
    expect(runs.map((run) => run.key)).toEqual(['first']);
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'second')).toBeDefined();
  });

  it('takes a call to runDue made during a run after it: the second call runs what the first one scheduled', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let bot: Awaited<ReturnType<typeof startBot>> | undefined;
    const { handler, runs } = recordingHandler(async (_ctx, job) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      if (job.key === 'first') await bot?.queue.schedule(reportJob({ key: 'follow-up' }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return { status: 'done' };
    });
    bot = await startBot({ handlers: [handler] });
    await bot.queue.schedule(reportJob({ key: 'first' }));
    expect(await Promise.all([bot.runner.runDue(), bot.runner.runDue()])).toEqual([1, 1]);
    expect(runs.map((run) => run.key)).toEqual(['first', 'follow-up']);
    expect(mostAtOnce).toBe(1);
  });
});

describe('jobs across restarts and processes', () => {
  it('after a restart, the new run of the bot neither skips a job nor runs one again', async () => {
    const first = recordingHandler(() => ({ status: 'retry', error: 'timeout' }));
    const before = await startBot({ handlers: [first.handler] });
    await before.queue.schedule(reportJob({ key: 'failed-once' }));
    await before.queue.schedule(reportJob({ key: 'due-later', dueAt: new Date(later(NOW, 10 * MINUTE)) }));
    expect(await before.runner.runDue()).toBe(1);
    await before.runner.stop();

    const second = recordingHandler(() => ({ status: 'done' }));
    const restarted = await startBot({ handlers: [second.handler], store: before.store, clock: before.clock });
    expect(restarted.ports.instanceId).not.toBe(before.ports.instanceId);
    expect(await restarted.runner.runDue()).toBe(0);
    before.clock.set(later(NOW, 10 * MINUTE));
    expect(await restarted.runner.runDue()).toBe(2);
    expect(await restarted.runner.runDue()).toBe(0);

    expect(first.runs.map((run) => run.key)).toEqual(['failed-once']);
    expect(second.runs.map((run) => [run.key, run.attempt, run.mayHaveRun])).toEqual([
      ['failed-once', 2, false],
      ['due-later', 1, false],
    ]);
  });

  it('runs again, saying it may have run, a job whose process died mid-run, once its lease has run out', async () => {
    const stuck = deferred<JobOutcome>();
    const started = deferred<void>();
    const dying = recordingHandler(() => {
      started.resolve();
      return stuck.promise;
    });
    const died = await startBot({ handlers: [dying.handler], leaseMs: 2 * MINUTE });
    await died.queue.schedule(reportJob());
    const abandoned = died.runner.runDue();
    onTestFinished(() => stuck.resolve({ status: 'done' }));
    await started.promise;

    const survivor = recordingHandler(() => ({ status: 'done' }));
    const other = await startBot({ handlers: [survivor.handler], store: died.store, clock: died.clock, leaseMs: 2 * MINUTE });
    died.clock.set(later(NOW, 2 * MINUTE - 1));
    expect(await other.runner.runDue()).toBe(0);
    died.clock.set(later(NOW, 2 * MINUTE));
    expect(await other.runner.runDue()).toBe(1);
    expect(survivor.runs.map((run) => [run.attempt, run.mayHaveRun])).toEqual([[1, true]]);
    expect(await other.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeUndefined();

    // The first run ends after all: what it reports is not recorded over the run that took over.
    stuck.resolve({ status: 'retry', error: 'late' });
    await abandoned;
    expect(await other.queue.find(LOCAL, 'report.deliver', 'report-1')).toBeUndefined();
    expect(died.log.entries.find((entry) => entry.message === 'ran a job')?.details).toMatchObject({ outcome: 'retry', recorded: false });
  });

  it('runs a job once when two processes look for due jobs at the same time', async () => {
    const shared = recordingHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { status: 'done' };
    });
    const one = await startBot({ handlers: [shared.handler] });
    const two = await startBot({ handlers: [shared.handler], store: one.store, clock: one.clock });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await one.queue.schedule(reportJob({ key }));
    const [ranByOne, ranByTwo] = await Promise.all([one.runner.runDue(), two.runner.runDue()]);
    expect(ranByOne + ranByTwo).toBe(5);
    expect(shared.runs.map((run) => run.key).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shared.runs.every((run) => !run.mayHaveRun)).toBe(true);
  });
});

describe('the runner in the background', () => {
  it('looks for due jobs at start, then at each interval', async () => {
    const { handler, runs } = recordingHandler(() => ({ status: 'done' }));
    const bot = await startBot({ handlers: [handler], intervalMs: 10 });
    await bot.queue.schedule(reportJob({ key: 'before-start' }));
    bot.runner.start();
    await vi.waitFor(() => expect(runs.map((run) => run.key)).toEqual(['before-start']));
    await bot.queue.schedule(reportJob({ key: 'while-running' }));
    await vi.waitFor(() => expect(runs.map((run) => run.key)).toEqual(['before-start', 'while-running']));
  });

  it('runs a job at once when the queue is nudged, without waiting for the next poll', async () => {
    const { handler, runs } = recordingHandler(() => ({ status: 'done' }));
    const bot = await startBot({ handlers: [handler], intervalMs: 60 * MINUTE });
    bot.runner.start();
    await bot.queue.schedule(reportJob());
    bot.queue.nudge();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
  });

  it('stops polling when stopped, after the run under way has ended', async () => {
    const release = deferred<JobOutcome>();
    const started = deferred<void>();
    const { handler, runs } = recordingHandler(() => {
      started.resolve();
      return release.promise;
    });
    const bot = await startBot({ handlers: [handler], intervalMs: 10 });
    await bot.queue.schedule(reportJob({ key: 'under-way' }));
    bot.runner.start();
    await started.promise;
    let stopped = false;
    const stopping = bot.runner.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release.resolve({ status: 'done' });
    await stopping;
    expect(await bot.queue.find(LOCAL, 'report.deliver', 'under-way')).toBeUndefined();

    await bot.queue.schedule(reportJob({ key: 'after-stop' }));
    bot.queue.nudge();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs.map((run) => run.key)).toEqual(['under-way']);
  });
});
