import { randomUUID } from 'node:crypto';
import type { CorePorts } from './core/context';
import { createExclusiveRuns } from './core/exclusive-runs';
import type { ChatPlatform, Clock } from './core/ports';
import { createAnnouncementLogRepository } from './store/announcement-log-repository';
import { createBinomeRepository } from './store/binome-repository';
import { createEnrolmentRepository } from './store/enrolment-repository';
import { createFormDraftRepository, type FormDraftRepository } from './store/form-draft-repository';
import type { KeyValueStore } from './store/key-value-store';
import { createMatchingRepository } from './store/matching-repository';
import { createReferentRepository } from './store/referent-repository';
import { createWaitlistRepository } from './store/waitlist-repository';

/** The core's ports, and what adapters keep beside them (drafts of forms shown in steps). */
export interface AppPorts extends CorePorts {
  readonly formDrafts: FormDraftRepository;
}

export interface CorePortsOptions {
  /** Aborted when the bot stops, so that long jobs stop between two steps. */
  readonly stopping?: AbortSignal;
}

/** The ports every platform gives the core: the same repositories over the same store. */
export function createCorePorts(store: KeyValueStore, chat: ChatPlatform, clock: Clock, options: CorePortsOptions = {}): AppPorts {
  const enrolments = createEnrolmentRepository(store);
  const formDrafts = createFormDraftRepository(store, clock);
  const referents = createReferentRepository(store);
  const binomes = createBinomeRepository(store);
  const matching = createMatchingRepository(store);
  const waitlist = createWaitlistRepository(store);
  const announcements = createAnnouncementLogRepository(store, binomes);
  return {
    enrolments,
    formDrafts,
    referents,
    binomes,
    matching,
    waitlist,
    announcements,
    // The announcement log finds a person's binômes to forget their spaces: it is erased before them.
    personalData: [enrolments, formDrafts, announcements, binomes, waitlist, referents, matching],
    chat,
    clock,
    instanceId: randomUUID(),
    jobs: createExclusiveRuns(),
    stopping: options.stopping ?? new AbortController().signal,
  };
}
