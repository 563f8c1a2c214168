import type { Locale } from './i18n/locale';
import { translate } from './i18n/translate';
import type { OpenSpaceResult, UndeliveredReason } from './ports';

type Failure = {
  readonly ok: false;
  readonly reason: UndeliveredReason | Extract<OpenSpaceResult, { ok: false }>['reason'];
  readonly detail?: string;
};

const KEYS: Record<
  Failure['reason'],
  'chat.problem.dmsClosed' | `chat.problem.${'unreachable' | 'missingPermission' | 'limitReached' | 'missingCategory'}`
> = {
  'dms-closed': 'chat.problem.dmsClosed',
  unreachable: 'chat.problem.unreachable',
  'missing-permission': 'chat.problem.missingPermission',
  'limit-reached': 'chat.problem.limitReached',
  'missing-category': 'chat.problem.missingCategory',
};

/**
 * What a coordinator reads when the platform refused a DM or a binôme space: what happened,
 * and what to grant, create or check (the adapter's `detail` names it).
 */
export function describeChatProblem(locale: Locale, failure: Failure): string {
  return translate(locale, KEYS[failure.reason], { detail: failure.detail ?? '—' });
}
