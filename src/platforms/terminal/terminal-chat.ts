import { decodeButtonId } from '../../button-id';
import type { ActorFacts } from '../../core/access';
import type { Command } from '../../core/command';
import { describeFieldError } from '../../core/forms/field-error';
import { commandHelp, commandListHelp, findCommandByName } from '../../core/help';
import { type Locale, resolveLocale } from '../../core/i18n/locale';
import { type MessageKey, type MessageParams, translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import type { Responder } from '../../core/ports';
import type { DeliveredMessage, Delivery, Dispatcher, Invocation } from '../../dispatch';
import { parseInlineValues, splitCommandLine } from './command-line';
import { promptForm } from './form-prompter';
import type { LineSource } from './line-source';
import type { TerminalSession } from './terminal-session';
import { labels, type Transcript } from './transcript';

export interface TerminalChatOptions {
  readonly dispatcher: Dispatcher;
  readonly community: CommunityRef;
  readonly session: TerminalSession;
  readonly lines: LineSource;
  readonly transcript: Transcript;
  /** The overview a bare `/mentorat` shows. */
  readonly defaultCommandId: string;
}

const USER_NAME = /^[\p{L}\p{N}._-]{1,32}$/u;

/** Runs the terminal chat until the end of input or `/quit`. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { dispatcher, community, session, lines, transcript } = options;
  const programme = dispatcher.programmeFor(community);

  const facts = (): ActorFacts => ({ userId: session.current, displayName: session.current, platformRoles: [], isAdministrator: false });
  const localeOf = (user: string): Locale => session.locales.get(user) ?? programme.defaultLocale;
  const tell = (key: MessageKey, params: MessageParams = {}) =>
    transcript.block(labels.ephemeral(session.current), translate(localeOf(session.current), key, params));
  const responder = (user: string): Responder => ({
    followUp: async (message) => transcript.block(labels.ephemeral(user), message.text),
  });

  function showMessage(user: string, message: DeliveredMessage) {
    const locale = localeOf(user);
    const buttons = message.buttons.map((button) => `[${decodeButtonId(button.id)?.action ?? button.id}] ${button.label}`);
    const hint = buttons.length > 0 ? `\n${translate(locale, 'terminal.pressHint', { buttons: buttons.join(' · ') })}` : '';
    transcript.block(labels.ephemeral(user), `${message.text}${hint}`);
    for (const file of message.attachments) transcript.file(labels.file(file.name, user), file.content.trimEnd());
    if (message.buttons.length > 0) session.buttons.set(user, message.buttons);
  }

  /** `inlineText` holds the `key:value` pairs typed with the command, for the form it may open. */
  interface Typed {
    readonly text: string;
    readonly optionKeys: readonly string[];
  }
  const nothingTyped: Typed = { text: '', optionKeys: [] };

  async function send(invocation: Invocation, typed: Typed = nothingTyped): Promise<void> {
    const user = session.current;
    const result = await dispatcher.dispatch({
      community,
      actor: facts(),
      locale: session.locales.get(user),
      invocation,
      responder: responder(user),
    });
    await deliver(user, result.delivery, typed);
  }

  async function deliver(user: string, delivery: Delivery, typed: Typed): Promise<void> {
    switch (delivery.kind) {
      case 'messages':
        for (const message of delivery.messages) showMessage(user, message);
        return;
      case 'form-rejected': {
        const locale = localeOf(user);
        const errors = delivery.errors.map((error) => `- ${describeFieldError(delivery.form, error, locale)}`);
        const [first, ...others] = delivery.messages;
        if (first) showMessage(user, { ...first, text: [first.text, ...errors].join('\n') });
        for (const message of others) showMessage(user, message);
        return;
      }
      case 'form': {
        const fieldKeys = delivery.form.fields.map((field) => field.key);
        const { values } = parseInlineValues(typed.text, [...fieldKeys, ...typed.optionKeys]);
        const inline = Object.fromEntries(Object.entries(values).filter(([key]) => fieldKeys.includes(key)));
        const outcome = await promptForm(
          { form: delivery.form, initial: delivery.initial, inline, user, locale: localeOf(user) },
          lines,
          transcript,
        );
        if (outcome.submitted) await send({ type: 'submit', formId: delivery.form.id, values: outcome.values });
      }
    }
  }

  function knownKeys(command: Command): string[] {
    return [...command.options.map((option) => option.key), ...(command.form?.(programme).fields.map((field) => field.key) ?? [])];
  }

  async function runCommand(line: string): Promise<void> {
    const { words, rest } = splitCommandLine(line);
    const [group, name] = words;
    const locale = localeOf(session.current);
    if (group === 'mentorat-admin' && !name) {
      tell('help.title');
      return help([]);
    }
    const command = name
      ? findCommandByName(dispatcher.commands, words)
      : dispatcher.commands.find((candidate) => candidate.id === options.defaultCommandId);
    if (!command) {
      transcript.block(labels.ephemeral(session.current), `${translate(locale, 'command.unknown')}`);
      return;
    }
    const inline = parseInlineValues(rest, knownKeys(command));
    if (inline.unknownKeys.length > 0) tell('terminal.form.unknownFields', { keys: inline.unknownKeys.join(', ') });
    const optionKeys = command.options.map((option) => option.key);
    const optionValues = Object.fromEntries(Object.entries(inline.values).filter(([key]) => optionKeys.includes(key)));
    const firstOption = optionKeys[0];
    if (inline.leading && firstOption && optionValues[firstOption] === undefined) optionValues[firstOption] = inline.leading;
    await send({ type: 'command', commandId: command.id, options: optionValues }, { text: rest, optionKeys });
  }

  function help(words: readonly string[]): void {
    const locale = localeOf(session.current);
    const roles = dispatcher.rolesOf(community, facts());
    if (words.length === 0) {
      transcript.block(
        labels.ephemeral(session.current),
        `${commandListHelp(dispatcher.commands, roles, locale)}\n\n${translate(locale, 'terminal.commands')}`,
      );
      return;
    }
    const command = findCommandByName(dispatcher.commands, words);
    if (!command) {
      tell('help.unknownCommand', { name: words.join(' ') });
      return;
    }
    transcript.block(labels.ephemeral(session.current), commandHelp(command, programme, locale));
  }

  function switchUser(name: string | undefined): void {
    if (!name || !USER_NAME.test(name)) {
      tell('terminal.asUsage');
      return;
    }
    session.current = name;
    session.users.add(name);
    const locale = localeOf(name);
    const roles = [...dispatcher.rolesOf(community, facts())].map((role) =>
      translate(locale, role === 'coordinator' ? 'role.coordinator' : 'role.referent'),
    );
    tell('terminal.nowActingAs', {
      user: name,
      roles: roles.length > 0 ? translate(locale, 'terminal.roles', { roles: roles.join(', ') }) : '',
    });
  }

  function switchLanguage(tag: string | undefined): void {
    if (!tag || !['fr', 'en'].includes(tag.toLowerCase())) {
      tell('terminal.unknownLanguage');
      return;
    }
    session.locales.set(session.current, resolveLocale(tag, programme.defaultLocale));
    tell('terminal.languageSet');
  }

  async function press(rest: string): Promise<void> {
    const user = session.current;
    const buttons = session.buttons.get(user) ?? [];
    if (buttons.length === 0) {
      tell('terminal.noButtons', { user });
      return;
    }
    const { words, rest: inlineText } = splitCommandLine(rest);
    const wanted = words[0]?.toLowerCase() ?? '';
    const button =
      buttons.find((candidate) => decodeButtonId(candidate.id)?.action === wanted) ??
      buttons[Number(wanted) - 1] ??
      buttons.find((candidate) => candidate.label.toLowerCase() === rest.trim().toLowerCase());
    if (!button) {
      const names = buttons.map((candidate) => decodeButtonId(candidate.id)?.action ?? candidate.id).join(', ');
      tell('terminal.unknownButton', { buttons: names });
      return;
    }
    await send({ type: 'press', buttonId: button.id }, { text: inlineText, optionKeys: [] });
  }

  tell('terminal.welcome', { user: session.current });
  for (;;) {
    const line = await lines.read(`${session.current}> `);
    if (line === undefined) return;
    const text = line.trim();
    if (text === '') continue;
    if (!text.startsWith('/')) {
      tell('terminal.notACommand');
      continue;
    }
    const { words } = splitCommandLine(text);
    const [first = '', second] = words;
    const rest = text.replace(/^\/\S+\s*/, '');
    switch (first.toLowerCase()) {
      case 'quit':
      case 'exit':
        tell('terminal.bye');
        return;
      case 'as':
        switchUser(second);
        break;
      case 'lang':
        switchLanguage(second);
        break;
      case 'help':
      case 'aide':
        help(rest.split(/\s+/).filter(Boolean));
        break;
      case 'press':
        await press(rest);
        break;
      case 'cancel':
        break;
      default:
        await runCommand(text);
    }
  }
}
