import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { ButtonStyle } from '../../core/reply';
import type { DeliveredMessage } from '../../dispatch/dispatcher';
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

/** A section holds 3,000 characters; escaping can make a 2,000-character message longer than that. */
const SECTION_LIMIT = 3000;

/** Cuts at line ends where possible, so that no section breaks a line in two. */
export function sectionTexts(text: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= SECTION_LIMIT) {
      current = candidate;
      continue;
    }
    if (current !== '') sections.push(current);
    let rest = line;
    while (rest.length > SECTION_LIMIT) {
      sections.push(rest.slice(0, SECTION_LIMIT));
      rest = rest.slice(SECTION_LIMIT);
    }
    current = rest;
  }
  if (current !== '' || sections.length === 0) sections.push(current);
  return sections;
}

/** A message as Slack shows it: the text in mrkdwn, its buttons under it. Files go separately (by DM). */
export function slackMessage(message: DeliveredMessage): SlackMessage {
  const text = markupToMrkdwn(message.text);
  const blocks: KnownBlock[] = sectionTexts(text).map((section) => ({ type: 'section', text: { type: 'mrkdwn', text: section } }));
  if (message.buttons.length > 0) {
    const actions: ActionsBlock = { type: 'actions', elements: message.buttons.map((item) => button(item.id, item.label, item.style)) };
    blocks.push(actions);
  }
  return { text, blocks };
}
