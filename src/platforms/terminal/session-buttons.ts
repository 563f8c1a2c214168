import type { Locale } from '../../core/i18n/locale';
import type { DeliveredButton } from '../../dispatch/dispatcher';
import type { TerminalSession } from './terminal-session';

/**
 * How the terminal's chat platform reaches the session: buttons on a message the bot sent by itself
 * (a DM, a post in a space) become pressable with `/press` by whoever received it, after `/as`.
 */
export interface TerminalButtons {
  /** These people's buttons on screen are now these (as an answer with buttons replaces them). */
  offer(userIds: readonly string[], buttons: readonly DeliveredButton[]): void;
  /** A person's language, or without one the community's: a space's hint is for all its members. */
  localeOf(userId?: string): Locale;
}

export function sessionButtons(session: TerminalSession, defaultLocale: Locale): TerminalButtons {
  return {
    offer(userIds, buttons) {
      if (buttons.length === 0) return;
      for (const user of userIds) session.buttons.set(user, buttons);
    },
    localeOf: (userId) => (userId === undefined ? undefined : session.locales.get(userId)) ?? defaultLocale,
  };
}
