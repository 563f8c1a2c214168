import type { FormValues } from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import type { DeliveredButton } from '../../dispatch/dispatcher';

/**
 * Who is typing now, and what the terminal remembers per person: language, buttons on screen,
 * and the answers of a refused form, offered again when that form reopens.
 */
export interface TerminalSession {
  current: string;
  readonly locales: Map<string, Locale>;
  readonly buttons: Map<string, readonly DeliveredButton[]>;
  readonly users: Set<string>;
  readonly drafts: Map<string, FormValues>;
}

export function draftKey(user: string, formId: string): string {
  return `${user}\u0000${formId}`;
}

export function createTerminalSession(initialUser: string, knownUsers: readonly string[]): TerminalSession {
  return {
    current: initialUser,
    locales: new Map(),
    buttons: new Map(),
    drafts: new Map(),
    users: new Set([initialUser, ...knownUsers]),
  };
}
