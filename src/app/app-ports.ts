import { randomUUID } from 'node:crypto';
import type { CorePorts } from '../core/context';
import { createExclusiveRuns } from '../core/exclusive-runs';
import type { ChatPlatform, Clock } from '../core/ports';
import { createReportDataHolder } from '../core/reports/report-personal-data';
import { createLazyChartRenderer } from '../infra/chart/lazy-chart-renderer';
import { createAnnouncementLogRepository } from '../store/announcement-log-repository';
import { createBinomeRepository } from '../store/binome-repository';
import { createCycleRepository } from '../store/cycle-repository';
import { createEnrolmentRepository } from '../store/enrolment-repository';
import { createFeedbackRepository } from '../store/feedback-repository';
import { createCheckInRepository, createFitConcernRepository, createPauseRepository } from '../store/follow-up-repository';
import { createFormDraftRepository, type FormDraftRepository } from '../store/form-draft-repository';
import { createJobRepository, type JobStore } from '../store/job-repository';
import type { KeyValueStore } from '../store/key-value-store';
import { createMatchingRepository } from '../store/matching-repository';
import { createReferentRepository } from '../store/referent-repository';
import { createReportRepository } from '../store/report-repository';
import { createWaitlistRepository } from '../store/waitlist-repository';

/** The core's ports, and what adapters keep beside them (drafts of forms shown in steps, the job runner's side of the queue). */
export interface AppPorts extends CorePorts {
  readonly formDrafts: FormDraftRepository;
  /** The same jobs as `queue`, with what the runner needs to claim and settle them. */
  readonly jobStore: JobStore;
}

export interface CorePortsOptions {
  /** Aborted when the bot stops, so that long jobs stop between two steps. */
  readonly stopping?: AbortSignal;
}

/** Everything but the chat: the repositories, queue and clock over one store, built once per process and shared by its platforms. */
export type StorePorts = Omit<AppPorts, 'chat' | 'stopping'>;

/** The repositories every platform gives the core, over one store. */
export function createStorePorts(store: KeyValueStore, clock: Clock): StorePorts {
  const enrolments = createEnrolmentRepository(store);
  const formDrafts = createFormDraftRepository(store, clock);
  const referents = createReferentRepository(store);
  const binomes = createBinomeRepository(store);
  const matching = createMatchingRepository(store);
  const waitlist = createWaitlistRepository(store);
  const announcements = createAnnouncementLogRepository(store, binomes);
  const jobStore = createJobRepository(store, clock);
  const reports = createReportRepository(store);
  const cycles = createCycleRepository(store);
  const checkIns = createCheckInRepository(store);
  const pauses = createPauseRepository(store);
  const fitConcerns = createFitConcernRepository(store);
  const feedback = createFeedbackRepository(store);
  // Report erasure tells a handler why an open report closed: it plans jobs, hence the core's holder.
  const reportData = createReportDataHolder({ reports, queue: jobStore, clock, binomes });
  return {
    enrolments,
    formDrafts,
    referents,
    binomes,
    matching,
    waitlist,
    announcements,
    reports,
    cycles,
    checkIns,
    pauses,
    fitConcerns,
    feedback,
    // The announcement log finds a person's binômes to forget their spaces: it is erased before them.
    personalData: [
      enrolments,
      formDrafts,
      announcements,
      binomes,
      waitlist,
      referents,
      matching,
      reportData,
      checkIns,
      pauses,
      fitConcerns,
      feedback,
    ],
    // One renderer per process, loaded at its first chart and shared by the platforms.
    charts: createLazyChartRenderer(),
    clock,
    instanceId: randomUUID(),
    jobs: createExclusiveRuns(),
    queue: jobStore,
    jobStore,
  };
}

/** One platform's ports: the shared repositories, with that platform's chat. */
export function withChat(shared: StorePorts, chat: ChatPlatform, stopping: AbortSignal): AppPorts {
  return { ...shared, chat, stopping };
}

/** The ports of one platform over a store of its own (tests, benches); the bot builds them in src/app/compose.ts. */
export function createCorePorts(store: KeyValueStore, chat: ChatPlatform, clock: Clock, options: CorePortsOptions = {}): AppPorts {
  return withChat(createStorePorts(store, clock), chat, options.stopping ?? new AbortController().signal);
}
