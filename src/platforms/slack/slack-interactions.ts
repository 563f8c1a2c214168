import type { App } from '@slack/bolt';
import type { ChatPlatform, Clock } from '../../core/ports';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import { registerSlackActions } from './slack-actions';
import { createSlackAnswer } from './slack-answer';
import { registerSlackCommands } from './slack-commands';
import { createSlackDispatch } from './slack-dispatch';
import { createSlackFormOpener } from './slack-form-opener';
import type { SlackHandlerContext } from './slack-handler-context';
import type { SlackPeople } from './slack-people';
import { registerSlackSubmissions } from './slack-submissions';

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

/**
 * Registers the slash commands, buttons and modals of every command in `commands/` on a Bolt app.
 * Returns `idle`, which resolves once every request received so far has been answered.
 */
export function registerSlackHandlers(app: App, options: SlackHandlerOptions): { idle(): Promise<void> } {
  const { dispatcher, people, log } = options;
  const inFlight = new Set<Promise<void>>();
  // Every request goes through here first: the work under way is counted, so that stopping (and tests) can wait for it.
  app.use(async ({ next }) => {
    const running: Promise<void> = next().finally(() => inFlight.delete(running));
    inFlight.add(running);
    await running;
  });

  const client = app.client;
  const answer = createSlackAnswer({ client, people, chat: options.chat, programmes: dispatcher, log, clock: options.clock });
  const context: SlackHandlerContext = {
    client,
    dispatcher,
    answer,
    invoke: createSlackDispatch({ dispatcher, people, answer, log }),
    forms: createSlackFormOpener({ client, dispatcher, people, answer }),
    log,
  };
  registerSlackCommands(app, context, options.defaultCommandId);
  registerSlackActions(app, context);
  registerSlackSubmissions(app, context, options.acknowledgeAfterMs);

  return {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
