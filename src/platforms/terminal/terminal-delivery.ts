import type { ActorFacts } from '../../core/access';
import { fieldErrorLines } from '../../core/forms/field-error';
import type { FormSpec } from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import { type MessageKey, type ParamsArgument, translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import { attachmentText } from '../../core/reply';
import type { DeliveredMessage, Delivery, Dispatcher, Invocation } from '../../dispatch/dispatcher';
import { promptForm } from './form-prompter';
import type { LineSource } from './line-source';
import { pressHint } from './press-hint';
import { createTerminalFiles, isBinary, type TerminalFiles } from './terminal-files';
import { draftKey, type TerminalSession } from './terminal-session';
import { labels, type Transcript } from './transcript';

/** What was typed with a command or a press for the fields of the form it may open (`key:value` pairs). */
export type Typed = (form: FormSpec) => Readonly<Record<string, string>>;

const NOTHING_TYPED: Typed = () => ({});

export interface TerminalDeliveryOptions {
  readonly dispatcher: Dispatcher;
  readonly community: CommunityRef;
  readonly session: TerminalSession;
  readonly lines: LineSource;
  readonly transcript: Transcript;
  /** Where binary files (a chart) are saved, since a terminal cannot show them (default: data/exports). */
  readonly files?: TerminalFiles;
}

export interface TerminalDelivery {
  localeOf(user: string): Locale;
  facts(): ActorFacts;
  /** A terminal message to the person typing, in their language. */
  tell<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): void;
  /** A text already in the person's language, to the person typing. */
  say(text: string): void;
  /** The terminal itself speaking (time passing in a demo), in the language of the person typing: a line addressed to nobody. */
  narrate<K extends MessageKey>(key: K, ...params: ParamsArgument<K>): void;
  /** Dispatches for the person typing and prints what they get, asking a form if one opens. */
  send(invocation: Invocation, typed?: Typed): Promise<void>;
}

/** Turns the dispatcher's answers into labelled transcript blocks, and forms into questions. */
export function createTerminalDelivery(options: TerminalDeliveryOptions): TerminalDelivery {
  const { dispatcher, community, session, lines, transcript } = options;
  const files = options.files ?? createTerminalFiles();
  const programme = dispatcher.programmeFor(community);
  const localeOf = (user: string): Locale => session.locales.get(user) ?? programme.defaultLocale;
  const facts = (): ActorFacts => ({ userId: session.current, displayName: session.current, platformRoles: [], isAdministrator: false });

  function showMessage(user: string, message: DeliveredMessage): void {
    transcript.block(labels.ephemeral(user), `${message.text}${pressHint(message.buttons, localeOf(user))}`);
    for (const file of message.attachments) {
      const shown = isBinary(file) ? files.save(file, localeOf(user)) : attachmentText(file).trimEnd();
      transcript.file(labels.file(file.name, user), shown);
    }
    if (message.buttons.length > 0) session.buttons.set(user, message.buttons);
  }

  async function deliver(user: string, delivery: Delivery, typed: Typed): Promise<void> {
    switch (delivery.kind) {
      case 'messages':
        // A replaced message takes its buttons with it, as on Discord and Slack.
        if (delivery.replacesOriginal) session.buttons.delete(user);
        for (const message of delivery.messages) showMessage(user, message);
        return;
      case 'form-rejected': {
        session.drafts.set(draftKey(user, delivery.form.id), delivery.values);
        const errors = fieldErrorLines(delivery.form, delivery.errors, localeOf(user));
        const kept = translate(localeOf(user), 'terminal.form.draftKept');
        const [first, ...others] = delivery.messages;
        if (first) showMessage(user, { ...first, text: [first.text, ...errors, kept].join('\n') });
        for (const message of others) showMessage(user, message);
        return;
      }
      case 'form': {
        const fieldKeys = delivery.form.fields.map((field) => field.key);
        const inline = Object.fromEntries(Object.entries(typed(delivery.form)).filter(([key]) => fieldKeys.includes(key)));
        // A refused form's answers come back only in the form asked field by field, where each is
        // shown and confirmed; a one-line form stores what its line gives, nothing from before.
        const draft = Object.keys(inline).length === 0 ? session.drafts.get(draftKey(user, delivery.form.id)) : undefined;
        const initial = { ...delivery.initial, ...draft };
        const request = { form: delivery.form, initial, inline, user, locale: localeOf(user) };
        const outcome = await promptForm(request, lines, transcript);
        if (outcome.submitted) await send({ type: 'submit', formId: delivery.form.id, values: outcome.values });
      }
    }
  }

  async function send(invocation: Invocation, typed: Typed = NOTHING_TYPED): Promise<void> {
    const user = session.current;
    const result = await dispatcher.dispatch({
      community,
      actor: facts(),
      locale: session.locales.get(user),
      invocation,
      responder: { followUp: async (message) => transcript.block(labels.ephemeral(user), message.text) },
    });
    if (invocation.type === 'submit' && result.delivery.kind !== 'form-rejected') session.drafts.delete(draftKey(user, invocation.formId));
    await deliver(user, result.delivery, typed);
  }

  return {
    localeOf,
    facts,
    tell: (key, ...params) => transcript.block(labels.ephemeral(session.current), translate(localeOf(session.current), key, ...params)),
    say: (text) => transcript.block(labels.ephemeral(session.current), text),
    narrate: (key, ...params) => transcript.line(translate(localeOf(session.current), key, ...params)),
    send,
  };
}
