import { announcementResumeJob } from '../core/binomes/announce-job';
import { spaceArchiveJob } from '../core/binomes/space-archive-job';
import type { CorePorts } from '../core/context';
import { closeCycleJob } from '../core/cycles/close-cycle-job';
import { cycleRetentionJob } from '../core/cycles/cycle-retention-job';
import { weeklyDigestJob } from '../core/digest/digest-job';
import { feedbackAskJob } from '../core/feedback/feedback-job';
import { checkInRoundJob } from '../core/follow-up/check-in-jobs';
import { pauseEndJob } from '../core/follow-up/pause-end-job';
import type { JobHandler } from '../core/jobs/job-handler';
import { reportJobHandlers } from '../core/reports/report-job-handlers';
import type { ProgrammeDirectory } from '../dispatch/dispatcher';
import type { Log } from '../infra/log';
import type { JobStore } from '../store/job-repository';
import { createPollingJobRunner, type JobRunner } from './polling-job-runner';

/**
 * Every kind of job the bot runs, on every platform: handlers are core use cases (src/core),
 * listed here once. A new kind is one more entry.
 */
export const jobHandlers: readonly JobHandler[] = [
  announcementResumeJob,
  spaceArchiveJob,
  checkInRoundJob,
  ...reportJobHandlers,
  feedbackAskJob,
  weeklyDigestJob,
  pauseEndJob,
  closeCycleJob,
  cycleRetentionJob,
];

export interface JobRunnerOptions {
  readonly programmes: ProgrammeDirectory;
  readonly log: Log;
  /** Kinds only one platform schedules, over data only its adapter keeps (Discord's form drafts). */
  readonly platformHandlers?: readonly JobHandler[];
  readonly intervalMs?: number;
  readonly leaseMs?: number;
}

/** The core's ports, with the queue's runner side (AppPorts, built by src/app/compose.ts). */
export type RunnerPorts = CorePorts & { readonly jobStore: JobStore };

/** The runner of one app: its ports' jobs, with every handler. */
export function createJobRunner(ports: RunnerPorts, options: JobRunnerOptions): JobRunner {
  return createPollingJobRunner({
    jobs: ports.jobStore,
    handlers: [...jobHandlers, ...(options.platformHandlers ?? [])],
    ports,
    programmes: options.programmes,
    log: options.log,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
  });
}
