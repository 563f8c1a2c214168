import type { App } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { decodeButtonId } from '../../button-id';
import type { ActorFacts } from '../../core/access';
import { describeChatProblem } from '../../core/chat-problems';
import { activeFields } from '../../core/forms/conditions';
import { describeFieldProblem, fieldErrorLines } from '../../core/forms/field-error';
import type { FormSpec } from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import type { ChatPlatform, Clock } from '../../core/ports';
import { type DeliveredMessage, type Dispatcher, type DispatchResult, errorReference, type Invocation } from '../../dispatch';
import type { Log } from '../../log';
import { formById } from '../command-forms';
import { readTextCommand, unknownKeysRefusal } from '../text-command';
import { readTypedOptions } from '../typed-options';
import { createResponseUrlBudget } from './response-url-budget';
import { slackMessage } from './slack-message';
import { FIELD_ACTION_ID, formModal, type ModalMetadata, messageModal, readModalMetadata, readViewState } from './slack-modal';
import type { SlackPeople } from './slack-people';
import { slackPerson, slackTypedText } from './slack-typed-text';

const HELP_COMMAND_ID = 'mentorat.help';

/** The promise's value if it settles within `ms`, else undefined (it keeps running). */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export interface SlackHandlerOptions {
  readonly dispatcher: Dispatcher;
  /** For files: Slack cannot attach one to a message only its reader sees, so they go by DM. */
  readonly chat: ChatPlatform;
  readonly people: SlackPeople;
  readonly log: Log;
  readonly defaultCommandId: string;
  /** A form submission still running after this long is acknowledged first (Slack allows 3 s). */
  readonly acknowledgeAfterMs: number;
  /** Ages the response_urls (Slack takes posts for 30 minutes). */
  readonly clock: Clock;
}

/** Where a private answer goes: the interaction's `response_url`, else an ephemeral message in the channel. */
interface AnswerTarget {
  readonly community: CommunityRef;
  readonly userId: string;
  readonly channelId?: string;
  readonly responseUrl?: string;
}

function slackCommunity(teamId: string): CommunityRef {
  return { platform: 'slack', id: teamId };
}

/**
 * Registers the slash commands, buttons and modals of every command in `commands/` on a Bolt app.
 * Returns `idle`, which resolves once every request received so far has been answered.
 */
export function registerSlackHandlers(app: App, options: SlackHandlerOptions): { idle(): Promise<void> } {
  const { dispatcher, people, log } = options;
  const inFlight = new Set<Promise<void>>();
  const responseUrls = createResponseUrlBudget(options.clock);

  /** Where to answer this interaction; its response_url is counted from now (or from when the modal's command came). */
  function targetOf(
    community: CommunityRef,
    userId: string,
    channelId: string | undefined,
    responseUrl: string | undefined,
    since?: number,
  ): AnswerTarget {
    if (responseUrl) responseUrls.receive(responseUrl, since);
    return { community, userId, ...(channelId ? { channelId } : {}), ...(responseUrl ? { responseUrl } : {}) };
  }
  // Every request goes through here first: the work under way is counted, so that stopping (and tests) can wait for it.
  app.use(async ({ next }) => {
    const running: Promise<void> = next().finally(() => inFlight.delete(running));
    inFlight.add(running);
    await running;
  });

  async function actorOf(
    community: CommunityRef,
    userId: string,
    userName: string,
  ): Promise<{ actor: ActorFacts; locale: Locale | undefined }> {
    const person = await people.lookUp(userId);
    const access = dispatcher.programmeFor(community).access;
    const groups = await people.groupsOf(userId, [...access.coordinators.roles, ...access.referents.roles]);
    return {
      actor: { userId, displayName: person.displayName ?? userName, platformRoles: groups, isAdministrator: false },
      locale: person.locale,
    };
  }

  async function dispatch(target: AnswerTarget, userName: string, invocation: Invocation): Promise<DispatchResult> {
    const { actor, locale } = await actorOf(target.community, target.userId, userName);
    return dispatcher.dispatch({
      community: target.community,
      actor,
      locale,
      invocation,
      responder: {
        // Progress of long work: one that cannot be delivered in any way is logged, and the work goes on.
        followUp: (message) =>
          answer(target, { text: message.text, buttons: [], attachments: message.attachments ?? [] }, false).catch((error: unknown) =>
            log.warn({ err: error, community: target.community, userId: target.userId }, 'a follow-up could not be delivered'),
          ),
      },
    });
  }

  /**
   * A private answer: through the interaction's response_url while Slack takes posts there (5 uses,
   * 30 minutes, counted), else as an ephemeral message in the channel (the bot must be in it), else
   * by DM, so that nothing is lost.
   */
  async function post(
    client: WebClient,
    target: AnswerTarget,
    message: { text: string; blocks: unknown[] },
    replace: boolean,
  ): Promise<void> {
    if (target.responseUrl && responseUrls.take(target.responseUrl)) {
      try {
        const response = await fetch(target.responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: replace, text: message.text, blocks: message.blocks }),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return;
        responseUrls.spend(target.responseUrl);
        log.warn({ status: response.status }, 'a response_url refused the answer; trying an ephemeral message');
      } catch (error) {
        log.warn({ err: error }, 'a response_url could not be reached; trying an ephemeral message');
      }
    }
    if (target.channelId) {
      try {
        await client.chat.postEphemeral({
          channel: target.channelId,
          user: target.userId,
          text: message.text,
          blocks: message.blocks as never,
        });
        return;
      } catch (error) {
        log.warn({ err: error }, 'an ephemeral message was refused; sending the answer by DM');
      }
    }
    const conversation = await client.conversations.open({ users: target.userId });
    const channel = conversation.channel?.id;
    if (!channel) throw new Error('an answer could not be delivered in any way');
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
  }

  const client: WebClient = app.client;

  /** Shows a message privately; its files are sent by DM, and the message says so. */
  async function answer(target: AnswerTarget, message: DeliveredMessage, replace: boolean, locale?: Locale): Promise<void> {
    const language = locale ?? (await people.lookUp(target.userId)).locale ?? dispatcher.programmeFor(target.community).defaultLocale;
    const notes: string[] = [];
    for (const file of message.attachments) {
      const sent = await options.chat.sendDirectMessage(target.community, target.userId, { text: file.name, attachments: [file] });
      notes.push(
        sent.ok
          ? translate(language, 'slack.fileSentByDm', { name: file.name })
          : translate(language, 'slack.fileNotSent', { name: file.name, problem: describeChatProblem(language, sent) }),
      );
    }
    const text = [message.text, ...notes].join('\n\n');
    await post(client, target, slackMessage({ ...message, text }), replace);
  }

  async function deliver(target: AnswerTarget, result: DispatchResult, replace: boolean): Promise<void> {
    const { delivery } = result;
    if (delivery.kind === 'form') return;
    const messages = delivery.messages;
    for (const [index, message] of messages.entries()) {
      await answer(
        target,
        message,
        (replace || (delivery.kind === 'messages' && (delivery.replacesOriginal ?? false))) && index === 0,
        result.locale,
      );
    }
  }

  function formOf(community: CommunityRef, formId: string): FormSpec | undefined {
    return formById(dispatcher.commands, dispatcher.programmeFor(community), formId);
  }

  /** After the modal opened (empty, at once), fills it in, or replaces it with the refusal. */
  async function settleModal(viewId: string, form: FormSpec, metadata: ModalMetadata, result: DispatchResult): Promise<void> {
    const { delivery } = result;
    const settled = { ...metadata, locale: result.locale };
    let view: ModalView;
    if (delivery.kind === 'form') view = formModal(delivery.form, delivery.initial, settled);
    else view = messageModal(form.title[result.locale], delivery.messages.map((message) => message.text).join('\n\n'), result.locale);
    await client.views.update({ view_id: viewId, view });
  }

  /**
   * The trigger lives 3 seconds: Slack is answered, then a modal opens at once, before anything
   * is asked of Slack or the store, saying "one moment" (no submit button yet); it becomes the
   * form, filled in, once the command has run, or the refusal if the person may not use it.
   */
  async function openForm(
    target: AnswerTarget,
    form: FormSpec,
    triggerId: string,
    acknowledge: () => Promise<void>,
    then: () => Promise<DispatchResult>,
  ): Promise<void> {
    await acknowledge();
    const locale = people.knownLocale(target.userId) ?? dispatcher.programmeFor(target.community).defaultLocale;
    const since = target.responseUrl ? responseUrls.receivedAt(target.responseUrl) : undefined;
    const metadata: ModalMetadata = {
      formId: form.id,
      locale,
      ...(target.channelId ? { channelId: target.channelId } : {}),
      ...(target.responseUrl ? { responseUrl: target.responseUrl } : {}),
      ...(since !== undefined ? { responseUrlSince: since } : {}),
    };
    const opened = await client.views.open({
      trigger_id: triggerId,
      view: messageModal(form.title[locale], translate(locale, 'slack.form.loading'), locale),
    });
    const viewId = opened.view?.id;
    const result = await then();
    if (viewId) await settleModal(viewId, form, metadata, result);
  }

  async function safely(target: AnswerTarget | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const reference = errorReference();
      log.error({ err: error, reference, community: target?.community, userId: target?.userId }, 'slack interaction failed');
      if (!target) return;
      const locale = people.knownLocale(target.userId) ?? dispatcher.programmeFor(target.community).defaultLocale;
      await post(
        client,
        target,
        slackMessage({ text: translate(locale, 'error.unexpected', { reference }), buttons: [], attachments: [] }),
        false,
      ).catch((failure: unknown) => log.warn({ err: failure, reference }, 'could not tell the person about a failure'));
    }
  }

  app.command(/^\/mentorat(-admin)?$/, async ({ command, ack }) => {
    const target = targetOf(slackCommunity(command.team_id), command.user_id, command.channel_id, command.response_url);
    const programme = dispatcher.programmeFor(target.community);
    const typed = readTextCommand(`${command.command} ${command.text}`, dispatcher.commands, programme, options.defaultCommandId);
    // An unknown word gets the help, never silence.
    const invocation: Invocation =
      typed.kind === 'command'
        ? {
            type: 'command',
            commandId: typed.command.id,
            options: readTypedOptions(typed.command, typed.options, { person: slackPerson, text: slackTypedText }),
          }
        : { type: 'command', commandId: HELP_COMMAND_ID, options: {} };
    const form = typed.kind === 'command' ? typed.command.form?.(programme) : undefined;
    await safely(target, async () => {
      if (typed.kind === 'command' && typed.unknownKeys.length > 0) {
        await ack();
        const { locale = programme.defaultLocale } = await actorOf(target.community, target.userId, command.user_name);
        const text = unknownKeysRefusal(typed.command, programme, typed.unknownKeys, locale);
        await deliver(target, { locale, delivery: { kind: 'messages', messages: [{ text, buttons: [], attachments: [] }] } }, false);
        return;
      }
      if (form) {
        await openForm(
          target,
          form,
          command.trigger_id,
          () => ack(),
          () => dispatch(target, command.user_name, invocation),
        );
        return;
      }
      await ack();
      await deliver(target, await dispatch(target, command.user_name, invocation), false);
    });
  });

  app.action(/^b1\|/, async ({ ack, body, action }) => {
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) {
      await ack();
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const target = targetOf(slackCommunity(teamId), body.user.id, body.channel?.id, body.response_url);
    const invocation: Invocation = { type: 'press', buttonId: action.action_id };
    const pressed = decodeButtonId(action.action_id);
    const command = pressed && dispatcher.commands.find((candidate) => candidate.id === pressed.commandId);
    const form = pressed && command?.actionForms?.[pressed.action]?.(dispatcher.programmeFor(target.community));
    await safely(target, async () => {
      if (form) {
        await openForm(
          target,
          form,
          body.trigger_id,
          () => ack(),
          () => dispatch(target, body.user.name ?? body.user.id, invocation),
        );
        return;
      }
      await ack();
      await deliver(target, await dispatch(target, body.user.name ?? body.user.id, invocation), false);
    });
  });

  // A choice that other fields depend on (the role) was changed: show the fields it calls for.
  app.action(FIELD_ACTION_ID, async ({ ack, body }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.view) return;
    const metadata = readModalMetadata(body.view.private_metadata);
    const form = metadata && formOf(slackCommunity(body.view.team_id), metadata.formId);
    if (!metadata || !form) return;
    const values = readViewState(form, body.view.state?.values);
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: formModal(form, values, metadata) });
  });

  app.view(/^mentorat(-admin)?\./, async ({ ack, body, view }) => {
    const metadata = readModalMetadata(view.private_metadata);
    const community = slackCommunity(body.team?.id ?? view.team_id);
    const form = metadata && formOf(community, metadata.formId);
    const target = targetOf(community, body.user.id, metadata?.channelId, metadata?.responseUrl, metadata?.responseUrlSince);
    if (!metadata || !form) {
      await ack();
      return;
    }
    await safely(target, async () => {
      const values = readViewState(form, view.state.values);
      const dispatching = dispatch(target, body.user.name, { type: 'submit', formId: form.id, values });
      const result = await withinMs(dispatching, options.acknowledgeAfterMs);
      if (!result) {
        // Slack waits 3 seconds for this answer: the modal says "one moment", the outcome follows in the conversation.
        const { locale } = metadata;
        await ack({ response_action: 'update', view: messageModal(form.title[locale], translate(locale, 'slack.form.loading'), locale) });
        const late = await dispatching;
        const summary = late.delivery.kind === 'form' ? '' : late.delivery.messages.map((message) => message.text).join('\n\n');
        await client.views
          .update({ view_id: view.id, view: messageModal(form.title[late.locale], summary, late.locale) })
          .catch((error: unknown) => log.warn({ err: error }, 'could not show the outcome in the modal'));
        await showOutcome(target, form, late);
        return;
      }
      const { delivery } = result;
      const shownField = activeFields(form.fields, values)[0];
      if (result.failed && delivery.kind === 'messages' && shownField) {
        // Nothing was saved: the modal stays open with what was typed, saying why, to submit again.
        await ack({ response_action: 'errors', errors: { [shownField.key]: delivery.messages.map((message) => message.text).join(' ') } });
        return;
      }
      if (delivery.kind === 'form-rejected') {
        // Each problem shows under its field; the summary stays in the conversation once the modal is closed.
        const errors = Object.fromEntries(delivery.errors.map((error) => [error.field, describeFieldProblem(error, result.locale)]));
        await ack({ response_action: 'errors', errors });
      } else {
        await ack();
      }
      await showOutcome(target, form, result);
    });
  });

  /** What a submitted form led to, in the conversation: the answer, or the refusal with each problem. */
  async function showOutcome(target: AnswerTarget, form: FormSpec, result: DispatchResult): Promise<void> {
    const { delivery } = result;
    if (delivery.kind !== 'form-rejected') return deliver(target, result, false);
    const [first, ...others] = delivery.messages;
    const lines = fieldErrorLines(form, delivery.errors, result.locale);
    if (first) await answer(target, { ...first, text: [first.text, ...lines].join('\n') }, false, result.locale);
    for (const message of others) await answer(target, message, false, result.locale);
  }

  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
