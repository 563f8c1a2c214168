import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { Programme } from '../programme/programme-schema';
import type { Job, JobOutcome } from './job';

/** What a job's handler knows when it runs: no actor, the community's programme, the ports. */
export interface JobContext {
  readonly community: CommunityRef;
  readonly programme: Programme;
  readonly ports: CorePorts;
  /** This run's number, from 1. */
  readonly attempt: number;
  /**
   * An earlier run of this job was claimed and never finished (a process stopped mid-way): what
   * it sent may have arrived, so keyed deliveries pass `mayHaveBeenSent`.
   */
  readonly mayHaveRun: boolean;
}

/** A kind of job, written once as a core use case; the runner calls it for each due job of its kind. */
export interface JobHandler {
  readonly kind: string;
  /** Runs before giving up (default 4: the first run and three retries). */
  readonly maxAttempts?: number;
  /** Backoff before each retry, in ms; DEFAULT_BACKOFF_MS when absent. */
  readonly backoffMs?: readonly number[];
  run(ctx: JobContext, job: Job): Promise<JobOutcome>;
  /** The last allowed run failed: fall back (report → coordinators) instead of dropping the work. */
  exhausted?(ctx: JobContext, job: Job): Promise<void>;
}
