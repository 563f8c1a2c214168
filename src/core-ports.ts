import type { CorePorts } from './core/context';
import type { ChatPlatform, Clock } from './core/ports';
import { createEnrolmentRepository } from './store/enrolment-repository';
import type { KeyValueStore } from './store/key-value-store';

/** The ports every platform gives the core: the same repositories over the same store. */
export function createCorePorts(store: KeyValueStore, chat: ChatPlatform, clock: Clock): CorePorts {
  const enrolments = createEnrolmentRepository(store);
  return { enrolments, personalData: [enrolments], chat, clock };
}
