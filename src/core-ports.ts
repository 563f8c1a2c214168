import type { CorePorts } from './core/context';
import type { ChatPlatform, Clock } from './core/ports';
import { createEnrolmentRepository } from './store/enrolment-repository';
import { createFormDraftRepository, type FormDraftRepository } from './store/form-draft-repository';
import type { KeyValueStore } from './store/key-value-store';

/** The core's ports, and what adapters keep beside them (drafts of forms shown in steps). */
export interface AppPorts extends CorePorts {
  readonly formDrafts: FormDraftRepository;
}

/** The ports every platform gives the core: the same repositories over the same store. */
export function createCorePorts(store: KeyValueStore, chat: ChatPlatform, clock: Clock): AppPorts {
  const enrolments = createEnrolmentRepository(store);
  const formDrafts = createFormDraftRepository(store, clock);
  return { enrolments, formDrafts, personalData: [enrolments, formDrafts], chat, clock };
}
