import type { AccessRole } from './access';
import type { Locale } from './i18n/locale';
import type { CommunityRef, ParticipantId } from './identity';
import type { ChatPlatform, Clock, EnrolmentRepository, PersonalDataHolder, Responder } from './ports';
import type { Programme } from './programme/programme-schema';

export interface Actor {
  readonly id: ParticipantId;
  readonly displayName: string;
  readonly roles: ReadonlySet<AccessRole>;
}

/** The ports a running bot gives every use case. */
export interface CorePorts {
  readonly enrolments: EnrolmentRepository;
  /** Every holder of personal data, for export and erasure. */
  readonly personalData: readonly PersonalDataHolder[];
  readonly chat: ChatPlatform;
  readonly clock: Clock;
}

/** Everything one use case run knows: who acts, where, in which language, with which ports. */
export interface UseCaseContext {
  readonly actor: Actor;
  readonly community: CommunityRef;
  readonly programme: Programme;
  readonly locale: Locale;
  readonly ports: CorePorts;
  readonly responder: Responder;
}
