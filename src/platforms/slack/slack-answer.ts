import type { WebClient } from '@slack/web-api';
import { describeChatProblem } from '../../core/chat-problems';
import { fieldErrorLines } from '../../core/forms/field-error';
import type { FormSpec } from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import type { ChatPlatform, Clock } from '../../core/ports';
import type { DeliveredMessage, Dispatcher, DispatchResult } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import { createResponseUrlBudget } from './response-url-budget';
import { slackMessage } from './slack-message';
import type { SlackPeople } from './slack-people';

/** Where a private answer goes: the interaction's `response_url`, else an ephemeral message in the channel. */
export interface AnswerTarget {
  readonly community: CommunityRef;
  readonly userId: string;
  readonly channelId?: string;
  readonly responseUrl?: string;
}

export function slackCommunity(teamId: string): CommunityRef {
  return { platform: 'slack', id: teamId };
}

export interface SlackAnswerOptions {
  readonly client: WebClient;
  readonly people: SlackPeople;
  /** For files: Slack cannot attach one to a message only its reader sees, so they go by DM. */
  readonly chat: ChatPlatform;
  readonly programmes: Pick<Dispatcher, 'programmeFor'>;
  readonly log: Log;
  /** Ages the response_urls (Slack takes posts for 30 minutes). */
  readonly clock: Clock;
}

/** Every private answer to a Slack interaction, whatever its kind (as Discord's InteractionAnswer). */
export interface SlackAnswer {
  /** Where to answer this interaction; its response_url is counted from now (or from when the modal's command came). */
  target(
    community: CommunityRef,
    userId: string,
    channelId: string | undefined,
    responseUrl: string | undefined,
    since?: number,
  ): AnswerTarget;
  /** When this response_url came, for a modal to carry it over. */
  receivedAt(responseUrl: string): number | undefined;
  /** The message as it is, by the first way that works. */
  post(target: AnswerTarget, message: { text: string; blocks: unknown[] }, replace: boolean): Promise<void>;
  /** Shows a message privately; its files are sent by DM, and the message says so. */
  answer(target: AnswerTarget, message: DeliveredMessage, replace: boolean, locale?: Locale): Promise<void>;
  /** Every message of a dispatch result (a form opens elsewhere). */
  deliver(target: AnswerTarget, result: DispatchResult, replace: boolean): Promise<void>;
  /** What a submitted form led to, in the conversation: the answer, or the refusal with each problem. */
  showOutcome(target: AnswerTarget, form: FormSpec, result: DispatchResult): Promise<void>;
}

export function createSlackAnswer(options: SlackAnswerOptions): SlackAnswer {
  const { client, people, programmes, log } = options;
  const responseUrls = createResponseUrlBudget(options.clock);

  function target(
    community: CommunityRef,
    userId: string,
    channelId: string | undefined,
    responseUrl: string | undefined,
    since?: number,
  ): AnswerTarget {
    if (responseUrl) responseUrls.receive(responseUrl, since);
    return { community, userId, ...(channelId ? { channelId } : {}), ...(responseUrl ? { responseUrl } : {}) };
  }

  /** Through the response_url while Slack takes posts there (5 uses, 30 minutes, counted); false when it did not take this one. */
  async function postToResponseUrl(responseUrl: string, message: { text: string; blocks: unknown[] }, replace: boolean): Promise<boolean> {
    if (!responseUrls.take(responseUrl)) return false;
    try {
      const response = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: replace, text: message.text, blocks: message.blocks }),
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return true;
      responseUrls.spend(responseUrl);
      log.warn({ status: response.status }, 'a response_url refused the answer; trying an ephemeral message');
    } catch (error) {
      log.warn({ err: error }, 'a response_url could not be reached; trying an ephemeral message');
    }
    return false;
  }

  /**
   * A private answer: through the interaction's response_url, else as an ephemeral message in the
   * channel (the bot must be in it), else by DM, so that nothing is lost.
   */
  async function post(to: AnswerTarget, message: { text: string; blocks: unknown[] }, replace: boolean): Promise<void> {
    if (to.responseUrl && (await postToResponseUrl(to.responseUrl, message, replace))) return;
    if (to.channelId) {
      try {
        await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, text: message.text, blocks: message.blocks as never });
        return;
      } catch (error) {
        log.warn({ err: error }, 'an ephemeral message was refused; sending the answer by DM');
      }
    }
    const conversation = await client.conversations.open({ users: to.userId });
    const channel = conversation.channel?.id;
    if (!channel) throw new Error('an answer could not be delivered in any way');
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never });
  }

  async function answer(to: AnswerTarget, message: DeliveredMessage, replace: boolean, locale?: Locale): Promise<void> {
    const language = locale ?? (await people.lookUp(to.userId)).locale ?? programmes.programmeFor(to.community).defaultLocale;
    const notes: string[] = [];
    for (const file of message.attachments) {
      const sent = await options.chat.sendDirectMessage(to.community, to.userId, { text: file.name, attachments: [file] });
      notes.push(
        sent.ok
          ? translate(language, 'slack.fileSentByDm', { name: file.name })
          : translate(language, 'slack.fileNotSent', { name: file.name, problem: describeChatProblem(language, sent) }),
      );
    }
    const text = [message.text, ...notes].join('\n\n');
    await post(to, slackMessage({ ...message, text }), replace);
  }

  async function deliver(to: AnswerTarget, result: DispatchResult, replace: boolean): Promise<void> {
    const { delivery } = result;
    if (delivery.kind === 'form') return;
    const replacesOriginal = replace || (delivery.kind === 'messages' && (delivery.replacesOriginal ?? false));
    for (const [index, message] of delivery.messages.entries()) {
      await answer(to, message, replacesOriginal && index === 0, result.locale);
    }
  }

  async function showOutcome(to: AnswerTarget, form: FormSpec, result: DispatchResult): Promise<void> {
    const { delivery } = result;
    if (delivery.kind !== 'form-rejected') return deliver(to, result, false);
    const [first, ...others] = delivery.messages;
    const lines = fieldErrorLines(form, delivery.errors, result.locale);
    if (first) await answer(to, { ...first, text: [first.text, ...lines].join('\n') }, false, result.locale);
    for (const message of others) await answer(to, message, false, result.locale);
  }

  return { target, receivedAt: (responseUrl) => responseUrls.receivedAt(responseUrl), post, answer, deliver, showOutcome };
}
