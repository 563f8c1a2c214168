import type { CorePorts } from '../core/context';
import type { Job, JobOutcome } from '../core/jobs/job';
import { backoffFor } from '../core/jobs/job';
import type { JobContext, JobHandler } from '../core/jobs/job-handler';
import type { ProgrammeDirectory } from '../dispatch/dispatcher';
import type { Log } from '../infra/log';
import type { JobLease, JobStore } from '../store/job-repository';

/** Runs due jobs; the adapter behind the JobQueue port. */
export interface JobRunner {
  /** Runs every job due now (by the ports' clock), once; resolves with how many ran. Calls are taken one after the other. */
  runDue(): Promise<number>;
  /** Looks for due jobs now, then every `intervalMs` and whenever the queue is nudged. */
  start(): void;
  /** Stops looking, and waits for the run under way (which stops between two jobs once `ports.stopping` is aborted). */
  stop(): Promise<void>;
}

export interface PollingJobRunnerOptions {
  readonly jobs: JobStore;
  readonly handlers: readonly JobHandler[];
  readonly ports: CorePorts;
  readonly programmes: ProgrammeDirectory;
  readonly log: Log;
  /** Between two looks at the store; 5 s by default. */
  readonly intervalMs?: number;
  /**
   * How long a run holds its job before another process may take it over, believing this one
   * died; 10 minutes by default, so it must exceed the longest run of any handler.
   */
  readonly leaseMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 4;

/** What the log may say of a job: ids, never its payload. */
const describe = (job: Job) => ({ kind: job.kind, key: job.key, community: job.community });

const messageOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Polls the store for due jobs of the platform its ports talk to (a Discord job needs Discord's
 * chat), claims each with a lease and runs its handler. Time comes only from `ports.clock`.
 */
export function createPollingJobRunner(options: PollingJobRunnerOptions): JobRunner {
  const { jobs, ports, programmes, log } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const handlers = new Map<string, JobHandler>();
  for (const handler of options.handlers) {
    if (handlers.has(handler.kind)) throw new Error(`two job handlers for the kind ${handler.kind}`);
    handlers.set(handler.kind, handler);
  }
  // Warned once per process: the job is left for a version of the bot that knows its kind.
  const unknownWarned = new Set<string>();
  const now = () => ports.clock.now();
  let tail: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;

  /** Records how the run ended; `recorded` is false when the job was cancelled, or taken over by another run, meanwhile. */
  async function settle(
    handler: JobHandler,
    ctx: JobContext,
    lease: JobLease,
    outcome: JobOutcome,
  ): Promise<{ outcome: string; recorded: boolean }> {
    switch (outcome.status) {
      case 'done':
        return { outcome: 'done', recorded: await jobs.finish(lease) };
      case 'reschedule':
        return { outcome: 'rescheduled', recorded: await jobs.reschedule(lease, outcome.dueAt, outcome.payload) };
      case 'retry': {
        if (ctx.attempt >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
          try {
            await handler.exhausted?.(ctx, lease.job);
          } catch (error) {
            // Its fallback failed too: the job is dropped rather than retried for ever, and an operator is told.
            log.error({ ...describe(lease.job), attempt: ctx.attempt, err: error }, 'a job gave up, and its fallback failed');
          }
          return { outcome: 'exhausted', recorded: await jobs.finish(lease) };
        }
        const retryAt = new Date(now().getTime() + backoffFor(ctx.attempt, handler.backoffMs));
        return { outcome: 'retry', recorded: await jobs.fail(lease, outcome.error, retryAt) };
      }
    }
  }

  async function runOne(job: Job): Promise<boolean> {
    const handler = handlers.get(job.kind);
    if (handler === undefined) {
      if (!unknownWarned.has(job.kind)) log.warn(describe(job), 'a due job has a kind this bot has no handler for: left in the queue');
      unknownWarned.add(job.kind);
      return false;
    }
    const claimedAt = now();
    const lease = await jobs.claim(job, { instance: ports.instanceId, now: claimedAt, until: new Date(claimedAt.getTime() + leaseMs) });
    if (lease === undefined) return false;
    const ctx: JobContext = {
      community: lease.job.community,
      programme: programmes.programmeFor(lease.job.community),
      ports,
      attempt: lease.job.attempts + 1,
      mayHaveRun: lease.mayHaveRun,
    };
    let outcome: JobOutcome;
    try {
      outcome = await handler.run(ctx, lease.job);
    } catch (error) {
      log.warn({ ...describe(lease.job), attempt: ctx.attempt, err: error }, 'a job failed');
      outcome = { status: 'retry', error: messageOf(error) };
    }
    const settled = await settle(handler, ctx, lease, outcome);
    // A retry's error is a platform's message (the job schema keeps it as such), never a person's text.
    const error = outcome.status === 'retry' ? { error: outcome.error } : {};
    log.info({ ...describe(lease.job), attempt: ctx.attempt, mayHaveRun: ctx.mayHaveRun, ...settled, ...error }, 'ran a job');
    return true;
  }

  async function runOnce(): Promise<number> {
    let ran = 0;
    for (const job of await jobs.listDue(now(), ports.chat.platform)) {
      if (ports.stopping.aborted) break;
      try {
        if (await runOne(job)) ran += 1;
      } catch (error) {
        // The store failed around the run: its lease runs out, and the job is run again (told it may have run).
        log.error({ ...describe(job), err: error }, 'could not claim or settle a job');
      }
    }
    return ran;
  }

  function enqueue(run: () => Promise<number>): Promise<number> {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  }

  // A poll already waiting for its turn covers any nudge that comes meanwhile.
  let pollWaiting = false;

  function poll(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!polling || pollWaiting) return;
    pollWaiting = true;
    enqueue(() => {
      pollWaiting = false;
      return polling ? runOnce() : Promise.resolve(0);
    })
      .catch((error: unknown) => log.warn({ err: error }, 'could not look for due jobs'))
      .finally(() => {
        if (!polling || pollWaiting || timer !== undefined) return;
        timer = setTimeout(poll, intervalMs);
        timer.unref();
      });
  }

  return {
    runDue: () => enqueue(runOnce),
    start() {
      if (polling) return;
      polling = true;
      jobs.onNudge(poll);
      poll();
    },
    async stop() {
      polling = false;
      jobs.onNudge(undefined);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await tail;
    },
  };
}
