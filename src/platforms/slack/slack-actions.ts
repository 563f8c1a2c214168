import type { App } from '@slack/bolt';
import { decodeButtonId } from '../../dispatch/button-id';
import type { Invocation } from '../../dispatch/dispatcher';
import { slackCommunity } from './slack-answer';
import type { SlackHandlerContext } from './slack-handler-context';
import { FIELD_ACTION_ID, formModal, readModalMetadata, readViewState } from './slack-modal';

/** Presses of the bot's buttons (ids `b1|…`): the action runs, or opens its form. */
function registerButtonPresses(app: App, context: SlackHandlerContext): void {
  const { dispatcher, answer, invoke, forms } = context;
  app.action(/^b1\|/, async ({ ack, body, action }) => {
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) {
      await ack();
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const target = answer.target(slackCommunity(teamId), body.user.id, body.channel?.id, body.response_url);
    const invocation: Invocation = { type: 'press', buttonId: action.action_id };
    const pressed = decodeButtonId(action.action_id);
    const command = pressed && dispatcher.commands.find((candidate) => candidate.id === pressed.commandId);
    const form = pressed && command?.actionForms?.[pressed.action]?.(dispatcher.programmeFor(target.community));
    await invoke.safely(target, async () => {
      const run = () => invoke.dispatch(target, body.user.name ?? body.user.id, invocation);
      if (form) return forms.open(target, form, body.trigger_id, () => ack(), run);
      await ack();
      await answer.deliver(target, await run(), false);
    });
  });
}

/** A choice that other fields depend on (the role) was changed in an open modal: show the fields it calls for. */
function registerFieldChanges(app: App, context: SlackHandlerContext): void {
  app.action(FIELD_ACTION_ID, async ({ ack, body }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.view) return;
    const metadata = readModalMetadata(body.view.private_metadata);
    const form = metadata && context.forms.formOf(slackCommunity(body.view.team_id), metadata.formId);
    if (!metadata || !form) return;
    const values = readViewState(form, body.view.state?.values);
    await context.client.views.update({ view_id: body.view.id, hash: body.view.hash, view: formModal(form, values, metadata) });
  });
}

export function registerSlackActions(app: App, context: SlackHandlerContext): void {
  registerButtonPresses(app, context);
  registerFieldChanges(app, context);
}
