import { describeChatProblem } from '../chat-problems';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { literal } from '../reply';
import type { StepFailure } from './announcement-log';

/** A failed announcement step as a coordinator reads it: the platform's refusal, or an unexpected error. */
export function describeStepFailure(locale: Locale, failure: StepFailure): string {
  if (failure.reason === 'error') return translate(locale, 'announce.problem.error', { detail: literal(failure.detail ?? '—') });
  return describeChatProblem(locale, { ok: false, reason: failure.reason, ...(failure.detail ? { detail: failure.detail } : {}) });
}
