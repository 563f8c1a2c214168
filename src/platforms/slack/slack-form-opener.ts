import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { FormSpec } from '../../core/forms/form-types';
import { translate } from '../../core/i18n/translate';
import type { CommunityRef } from '../../core/identity';
import type { Dispatcher, DispatchResult } from '../../dispatch/dispatcher';
import { formById } from '../command-forms';
import type { AnswerTarget, SlackAnswer } from './slack-answer';
import { formModal, type ModalMetadata, messageModal } from './slack-modal';
import type { SlackPeople } from './slack-people';

export interface SlackFormOpenerOptions {
  readonly client: WebClient;
  readonly dispatcher: Dispatcher;
  readonly people: SlackPeople;
  readonly answer: SlackAnswer;
}

/** Forms as Slack modals: found by id, opened within the trigger's 3 seconds, then filled in. */
export interface SlackFormOpener {
  formOf(community: CommunityRef, formId: string): FormSpec | undefined;
  /**
   * The trigger lives 3 seconds: Slack is answered, then a modal opens at once, before anything
   * is asked of Slack or the store, saying "one moment" (no submit button yet); it becomes the
   * form, filled in, once the command has run (`then`), or the refusal if the person may not use it.
   */
  open(
    target: AnswerTarget,
    form: FormSpec,
    triggerId: string,
    acknowledge: () => Promise<void>,
    then: () => Promise<DispatchResult>,
  ): Promise<void>;
}

export function createSlackFormOpener(options: SlackFormOpenerOptions): SlackFormOpener {
  const { client, dispatcher, people, answer } = options;

  /** After the modal opened (empty, at once), fills it in, or replaces it with the refusal. */
  async function settle(viewId: string, form: FormSpec, metadata: ModalMetadata, result: DispatchResult): Promise<void> {
    const { delivery } = result;
    const settled = { ...metadata, locale: result.locale };
    let view: ModalView;
    if (delivery.kind === 'form') view = formModal(delivery.form, delivery.initial, settled);
    else view = messageModal(form.title[result.locale], delivery.messages.map((message) => message.text).join('\n\n'), result.locale);
    await client.views.update({ view_id: viewId, view });
  }

  async function open(
    target: AnswerTarget,
    form: FormSpec,
    triggerId: string,
    acknowledge: () => Promise<void>,
    then: () => Promise<DispatchResult>,
  ): Promise<void> {
    await acknowledge();
    const locale = people.knownLocale(target.userId) ?? dispatcher.programmeFor(target.community).defaultLocale;
    const since = target.responseUrl ? answer.receivedAt(target.responseUrl) : undefined;
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
    if (viewId) await settle(viewId, form, metadata, result);
  }

  return {
    formOf: (community, formId) => formById(dispatcher.commands, dispatcher.programmeFor(community), formId),
    open,
  };
}
