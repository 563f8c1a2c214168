import type { ActorFacts } from '../../core/access';
import type { Locale } from '../../core/i18n/locale';
import type { CommunityRef } from '../../core/identity';
import type { Responder } from '../../core/ports';
import type { InteractionAnswer } from './interaction-answer';

/** Everything known about one interaction once it is read: where, who, which language, how to answer. */
export interface InteractionScope {
  readonly community: CommunityRef;
  readonly actor: ActorFacts;
  /** The language of texts the adapter writes itself (the person's, else the community's). */
  readonly locale: Locale;
  /** The person's Discord language when it is one of ours, for the dispatcher. */
  readonly platformLocale: Locale | undefined;
  readonly answer: InteractionAnswer;
  readonly responder: Responder;
}
