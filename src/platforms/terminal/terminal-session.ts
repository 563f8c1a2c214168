import type { Locale } from '../../core/i18n/locale';
import type { DeliveredButton } from '../../dispatch';

/** Who is typing now, and what the terminal remembers per person (language, buttons on screen). */
export interface TerminalSession {
  current: string;
  readonly locales: Map<string, Locale>;
  readonly buttons: Map<string, readonly DeliveredButton[]>;
  readonly users: Set<string>;
}

export function createTerminalSession(initialUser: string, knownUsers: readonly string[]): TerminalSession {
  return {
    current: initialUser,
    locales: new Map(),
    buttons: new Map(),
    users: new Set([initialUser, ...knownUsers]),
  };
}
