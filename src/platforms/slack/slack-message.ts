import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { ButtonStyle } from '../../core/reply';
import type { DeliveredMessage } from '../../dispatch';
import { markupToMrkdwn } from './slack-markup';

export interface SlackMessage {
  /** Also the notification text, and what a client without blocks shows. */
  readonly text: string;
  readonly blocks: KnownBlock[];
}

function button(id: string, label: string, style: ButtonStyle): Button {
  return {
    type: 'button',
    action_id: id,
    value: id,
    text: { type: 'plain_text', text: label.length <= 75 ? label : `${label.slice(0, 74)}…` },
    ...(style === 'secondary' ? {} : { style }),
  };
}

/** A message as Slack shows it: the text in mrkdwn, its buttons under it. Files go separately (by DM). */
export function slackMessage(message: DeliveredMessage): SlackMessage {
  const text = markupToMrkdwn(message.text);
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (message.buttons.length > 0) {
    const actions: ActionsBlock = { type: 'actions', elements: message.buttons.map((item) => button(item.id, item.label, item.style)) };
    blocks.push(actions);
  }
  return { text, blocks };
}
