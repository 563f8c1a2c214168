import type { AckFn, App, ViewResponseAction } from '@slack/bolt';
import { activeFields } from '../../core/forms/conditions';
import { describeFieldProblem } from '../../core/forms/field-error';
import type { FormSpec } from '../../core/forms/form-types';
import { translate } from '../../core/i18n/translate';
import type { DispatchResult } from '../../dispatch/dispatcher';
import { type AnswerTarget, slackCommunity } from './slack-answer';
import type { SlackHandlerContext } from './slack-handler-context';
import { type ModalMetadata, messageModal, readModalMetadata, readViewState } from './slack-modal';

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

/** A submission's acknowledgement: empty (the modal closes), an update, or errors under fields. */
type Ack = AckFn<ViewResponseAction>;

/**
 * Slack waits 3 seconds for the answer to a submission: the modal says "one moment", and the
 * outcome follows in the modal and in the conversation.
 */
async function settleLate(
  context: SlackHandlerContext,
  ack: Ack,
  viewId: string,
  target: AnswerTarget,
  form: FormSpec,
  metadata: ModalMetadata,
  dispatching: Promise<DispatchResult>,
): Promise<void> {
  const { locale } = metadata;
  await ack({ response_action: 'update', view: messageModal(form.title[locale], translate(locale, 'slack.form.loading'), locale) });
  const late = await dispatching;
  const summary = late.delivery.kind === 'form' ? '' : late.delivery.messages.map((message) => message.text).join('\n\n');
  await context.client.views
    .update({ view_id: viewId, view: messageModal(form.title[late.locale], summary, late.locale) })
    .catch((error: unknown) => context.log.warn({ err: error }, 'could not show the outcome in the modal'));
  await context.answer.showOutcome(target, form, late);
}

/** The answer within the 3 seconds: the modal closes, or shows each problem under its field. */
async function settleInTime(
  context: SlackHandlerContext,
  ack: Ack,
  target: AnswerTarget,
  form: FormSpec,
  values: Parameters<typeof activeFields>[1],
  result: DispatchResult,
): Promise<void> {
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
  await context.answer.showOutcome(target, form, result);
}

/** Submitted modals of every command's form. */
export function registerSlackSubmissions(app: App, context: SlackHandlerContext, acknowledgeAfterMs: number): void {
  app.view(/^mentorat(-admin)?\./, async ({ ack, body, view }) => {
    const metadata = readModalMetadata(view.private_metadata);
    const community = slackCommunity(body.team?.id ?? view.team_id);
    const form = metadata && context.forms.formOf(community, metadata.formId);
    const target = context.answer.target(community, body.user.id, metadata?.channelId, metadata?.responseUrl, metadata?.responseUrlSince);
    if (!metadata || !form) {
      await ack();
      return;
    }
    // Bolt's type also covers view_closed, which no modal of ours asks for (notify_on_close is never set).
    const acknowledge = ack as Ack;
    await context.invoke.safely(target, async () => {
      const values = readViewState(form, view.state.values);
      const dispatching = context.invoke.dispatch(target, body.user.name, { type: 'submit', formId: form.id, values });
      const result = await withinMs(dispatching, acknowledgeAfterMs);
      if (result) await settleInTime(context, acknowledge, target, form, values, result);
      else await settleLate(context, acknowledge, view.id, target, form, metadata, dispatching);
    });
  });
}
