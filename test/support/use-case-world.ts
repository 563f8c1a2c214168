import { createCorePorts } from '../../src/app/app-ports';
import type { AccessRole } from '../../src/core/access';
import type { UseCaseContext } from '../../src/core/context';
import type { Locale } from '../../src/core/i18n/locale';
import { type CommunityRef, participantIdOf } from '../../src/core/identity';
import type { ChartRenderer, ChatPlatform } from '../../src/core/ports';
import type { Programme } from '../../src/core/programme/programme-schema';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { fixedClock } from './fixed-clock';
import { defaultProgramme } from './programme';
import { type ChatEvent, createRecordingChat, createRecordingResponder } from './recording-chat';

export const TERMINAL: CommunityRef = { platform: 'terminal', id: 'local' };

export interface ActingAs {
  readonly userId?: string;
  readonly community?: CommunityRef;
  readonly locale?: Locale;
  readonly displayName?: string;
  readonly roles?: readonly AccessRole[];
}

/** Real in-memory store, fixed clock, recording chat and responder: what a use case test needs. */
export interface UseCaseWorldOptions {
  readonly now?: string;
  readonly programme?: Programme;
  /** Another run of the bot on the same data: a restart. */
  readonly store?: KeyValueStore;
  readonly chat?: ChatPlatform & { readonly events: ChatEvent[] };
  /** The chart renderer; by default the real one (vega and resvg, loaded at the first chart). */
  readonly charts?: ChartRenderer;
}

export async function createUseCaseWorld(options: UseCaseWorldOptions = {}) {
  const store: KeyValueStore = options.store ?? (await createStore('memory://'));
  const clock = fixedClock(options.now ?? '2026-03-02T10:00:00.000Z');
  const chat = options.chat ?? createRecordingChat();
  const responder = createRecordingResponder();
  const programme = options.programme ?? defaultProgramme();
  const stopping = new AbortController();
  const built = createCorePorts(store, chat, clock, { stopping: stopping.signal });
  const ports = options.charts ? { ...built, charts: options.charts } : built;
  const { enrolments } = ports;

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

  return { store, enrolments, clock, chat, responder, programme, ports, as, stop: () => stopping.abort(), close: () => store.close() };
}

export type UseCaseWorld = Awaited<ReturnType<typeof createUseCaseWorld>>;
