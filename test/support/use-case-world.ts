import type { AccessRole } from '../../src/core/access';
import type { CorePorts, UseCaseContext } from '../../src/core/context';
import type { Locale } from '../../src/core/i18n/locale';
import { type CommunityRef, participantIdOf } from '../../src/core/identity';
import type { Programme } from '../../src/core/programme/programme-schema';
import { createStore } from '../../src/store/create-store';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from './fixed-clock';
import { defaultProgramme } from './programme';
import { createRecordingChat, createRecordingResponder } from './recording-chat';

export const TERMINAL: CommunityRef = { platform: 'terminal', id: 'local' };

export interface ActingAs {
  readonly userId?: string;
  readonly community?: CommunityRef;
  readonly locale?: Locale;
  readonly displayName?: string;
  readonly roles?: readonly AccessRole[];
}

/** Real in-memory store, fixed clock, recording chat and responder: what a use case test needs. */
export async function createUseCaseWorld(options: { now?: string; programme?: Programme } = {}) {
  const store: KeyValueStore = await createStore('memory://');
  const enrolments = createEnrolmentRepository(store);
  const clock = fixedClock(options.now ?? '2026-03-02T10:00:00.000Z');
  const chat = createRecordingChat();
  const responder = createRecordingResponder();
  const programme = options.programme ?? defaultProgramme();
  const ports: CorePorts = { enrolments, personalData: [enrolments], chat, clock };

  function as(acting: ActingAs = {}): UseCaseContext {
    const community = acting.community ?? TERMINAL;
    const userId = acting.userId ?? 'alice';
    return {
      actor: { id: participantIdOf(community, userId), displayName: acting.displayName ?? userId, roles: new Set(acting.roles ?? []) },
      community,
      programme,
      locale: acting.locale ?? 'fr',
      ports,
      responder,
    };
  }

  return { store, enrolments, clock, chat, responder, programme, ports, as, close: () => store.close() };
}

export type UseCaseWorld = Awaited<ReturnType<typeof createUseCaseWorld>>;
