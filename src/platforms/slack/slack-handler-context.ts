import type { WebClient } from '@slack/web-api';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import type { SlackAnswer } from './slack-answer';
import type { SlackDispatch } from './slack-dispatch';
import type { SlackFormOpener } from './slack-form-opener';

/** What every Slack listener (commands, buttons, modals) shares, built once by `registerSlackHandlers`. */
export interface SlackHandlerContext {
  readonly client: WebClient;
  readonly dispatcher: Dispatcher;
  readonly answer: SlackAnswer;
  readonly invoke: SlackDispatch;
  readonly forms: SlackFormOpener;
  readonly log: Log;
}
