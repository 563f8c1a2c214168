import type { App } from '@slack/bolt';
import type { Invocation } from '../../dispatch/dispatcher';
import { readTextCommand, unknownKeysRefusal } from '../text-command';
import { readTypedOptions } from '../typed-options';
import { slackCommunity } from './slack-answer';
import type { SlackHandlerContext } from './slack-handler-context';
import { slackPerson, slackTypedText } from './slack-typed-text';

const HELP_COMMAND_ID = 'mentorat.help';

/** `/mentorat …` and `/mentorat-admin …`: Slack has no subcommands, so the text names the command and its options. */
export function registerSlackCommands(app: App, context: SlackHandlerContext, defaultCommandId: string): void {
  const { dispatcher, answer, invoke, forms } = context;
  app.command(/^\/mentorat(-admin)?$/, async ({ command, ack }) => {
    const target = answer.target(slackCommunity(command.team_id), command.user_id, command.channel_id, command.response_url);
    const programme = dispatcher.programmeFor(target.community);
    const typed = readTextCommand(`${command.command} ${command.text}`, dispatcher.commands, programme, defaultCommandId);
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
    await invoke.safely(target, async () => {
      if (typed.kind === 'command' && typed.unknownKeys.length > 0) {
        // The whole line is refused: a key the command does not know is a typo, never a value.
        await ack();
        const locale = (await invoke.localeOf(target, command.user_name)) ?? programme.defaultLocale;
        const text = unknownKeysRefusal(typed.command, programme, typed.unknownKeys, locale);
        return answer.deliver(
          target,
          { locale, delivery: { kind: 'messages', messages: [{ text, buttons: [], attachments: [] }] } },
          false,
        );
      }
      const run = () => invoke.dispatch(target, command.user_name, invocation);
      if (form) return forms.open(target, form, command.trigger_id, () => ack(), run);
      await ack();
      await answer.deliver(target, await run(), false);
    });
  });
}
