import { resolveLocale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import { literal } from '../../core/reply';
import type { Dispatcher } from '../../dispatch/dispatcher';
import { parseDuration } from '../../infra/duration';
import { parseInlineValues, splitCommandLine } from '../text-command-line';
import { buttonName } from './press-hint';
import type { TerminalDelivery } from './terminal-delivery';
import type { TerminalSession } from './terminal-session';

const USER_NAME = /^[\p{L}\p{N}._-]{1,32}$/u;

export interface SessionCommandsOptions {
  readonly dispatcher: Dispatcher;
  readonly community: CommunityRef;
  readonly session: TerminalSession;
  readonly delivery: TerminalDelivery;
  /** Moves the demo clock forward and says where it is now; absent unless the bot runs on a demo clock (MENTORAT_NOW). */
  readonly advanceClock?: (ms: number) => Date;
}

/** The commands only a terminal has: playing another person, another language, pressing a button, letting time pass in a demo. */
export function createSessionCommands({ dispatcher, community, session, delivery, advanceClock }: SessionCommandsOptions) {
  const { tell } = delivery;

  function switchUser(rest: string): void {
    const name = rest.trim();
    if (!USER_NAME.test(name)) {
      tell('terminal.asUsage');
      return;
    }
    session.current = name;
    session.users.add(name);
    const locale = delivery.localeOf(name);
    const roles = [...dispatcher.rolesOf(community, delivery.facts())].map((role) =>
      translate(locale, role === 'coordinator' ? 'role.coordinator' : 'role.referent'),
    );
    tell('terminal.nowActingAs', {
      user: name,
      roles: roles.length > 0 ? translate(locale, 'terminal.roles', { roles: roles.join(', ') }) : '',
    });
  }

  function switchLanguage(rest: string): void {
    const tag = rest.trim().toLowerCase();
    if (tag !== 'fr' && tag !== 'en') {
      tell('terminal.unknownLanguage');
      return;
    }
    session.locales.set(session.current, resolveLocale(tag, dispatcher.programmeFor(community).defaultLocale));
    tell('terminal.languageSet');
  }

  /** A button by its name, its number or its label, among those last shown to the person typing. */
  async function press(rest: string): Promise<void> {
    const user = session.current;
    const buttons = session.buttons.get(user) ?? [];
    if (buttons.length === 0) {
      tell('terminal.noButtons', { user });
      return;
    }
    const { words, rest: typed } = splitCommandLine(rest);
    const wanted = words[0]?.toLowerCase() ?? '';
    const button =
      buttons.find((candidate) => buttonName(candidate.id) === wanted) ??
      buttons[Number(wanted) - 1] ??
      buttons.find((candidate) => candidate.label.toLowerCase() === rest.trim().toLowerCase());
    if (!button) {
      tell('terminal.unknownButton', { buttons: buttons.map((candidate) => buttonName(candidate.id)).join(', ') });
      return;
    }
    await delivery.send(
      { type: 'press', buttonId: button.id },
      (form) =>
        parseInlineValues(
          typed,
          form.fields.map((field) => field.key),
        ).values,
    );
  }

  /**
   * Time passes at once (a demo, a scenario): the clock jumps forward; what became due runs
   * before the next prompt, so it prints under this line. Not on a real clock: the dates the bot
   * keeps would stop meaning anything.
   */
  function wait(rest: string): void {
    if (!advanceClock) {
      tell('terminal.wait.notInDemo');
      return;
    }
    const typed = rest.trim();
    const ms = parseDuration(typed);
    if (ms === undefined) {
      tell('terminal.wait.usage');
      return;
    }
    const now = advanceClock(ms);
    delivery.narrate('terminal.wait.done', { duration: literal(typed), now: now.toISOString().slice(0, 16).replace('T', ' ') });
  }

  async function help(rest: string): Promise<void> {
    const command = rest.trim();
    await delivery.send({ type: 'command', commandId: HELP_COMMAND_ID, options: command ? { command } : {} });
    if (!command) tell('terminal.commands');
  }

  return { switchUser, switchLanguage, press, wait, help };
}

export const HELP_COMMAND_ID = 'mentorat.help';
