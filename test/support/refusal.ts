import { UserError } from '../../src/core/errors';
import type { Locale } from '../../src/core/i18n/locale';
import { translateUnchecked } from '../../src/core/i18n/translate';

/** The message a person reads when a use case refuses (a UserError), in their language; fails when nothing was refused. */
export async function refusal(action: () => unknown, locale: Locale = 'en'): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof UserError) return translateUnchecked(locale, error.messageKey, error.params);
    throw error;
  }
  throw new Error('expected a refusal, but the action succeeded');
}
