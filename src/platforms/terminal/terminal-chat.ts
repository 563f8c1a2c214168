import type { CommunityRef } from '../../core/identity';
import type { Dispatcher } from '../../dispatch/dispatcher';
import { readTextCommand, unknownKeysRefusal } from '../text-command';
import { readTypedOptions } from '../typed-options';
import type { LineSource } from './line-source';
import { createTerminalDelivery } from './terminal-delivery';
import type { TerminalFiles } from './terminal-files';
import type { TerminalSession } from './terminal-session';
import { createSessionCommands, HELP_COMMAND_ID } from './terminal-session-commands';
import type { Transcript } from './transcript';

export interface TerminalChatOptions {
  readonly dispatcher: Dispatcher;
  readonly community: CommunityRef;
  readonly session: TerminalSession;
  readonly lines: LineSource;
  readonly transcript: Transcript;
  /** Where binary files (a chart) are saved, since a terminal cannot show them. */
  readonly files?: TerminalFiles;
  /** The overview a bare `/mentorat` shows. */
  readonly defaultCommandId: string;
  /**
   * Runs before each prompt (after the welcome, then after each line): the terminal runs its due
   * jobs here rather than in the background, so that what they print lands between two lines.
   */
  readonly beforeEachPrompt?: () => Promise<void>;
  /**
   * Moves the clock forward (`/wait`), in a demo only. What became due then runs in
   * `beforeEachPrompt`, so it prints right after the `/wait` line, before the next prompt.
   */
  readonly advanceClock?: (ms: number) => Date;
}

/** Runs the terminal chat until the end of input or `/quit`. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { dispatcher, community, session, lines } = options;
  const programme = dispatcher.programmeFor(community);
  const delivery = createTerminalDelivery(options);
  const terminal = createSessionCommands({
    dispatcher,
    community,
    session,
    delivery,
    ...(options.advanceClock ? { advanceClock: options.advanceClock } : {}),
  });

  async function runCommand(line: string): Promise<void> {
    const typed = readTextCommand(line, dispatcher.commands, programme, options.defaultCommandId);
    if (typed.kind === 'unknown') return delivery.tell('command.unknown');
    if (typed.kind === 'group-help') return delivery.send({ type: 'command', commandId: HELP_COMMAND_ID, options: {} });
    if (typed.unknownKeys.length > 0) {
      const text = unknownKeysRefusal(typed.command, programme, typed.unknownKeys, delivery.localeOf(session.current));
      return delivery.say(text);
    }
    // The terminal knows people by name: `@dan` and `dan` are the same person.
    const read = readTypedOptions(typed.command, typed.options, { person: (name) => name.trim().replace(/^@/, '') });
    await delivery.send({ type: 'command', commandId: typed.command.id, options: read }, () => typed.fields);
  }

  delivery.tell('terminal.welcome', { user: session.current });
  for (;;) {
    await options.beforeEachPrompt?.();
    const line = await lines.read(`${session.current}> `, '/quit');
    if (line === undefined) return;
    const text = line.trim();
    if (text === '') continue;
    if (!text.startsWith('/')) {
      delivery.tell('terminal.notACommand');
      continue;
    }
    const [first = '', rest = ''] = text.slice(1).split(/\s+(.*)/s);
    switch (first.toLowerCase()) {
      case 'quit':
      case 'exit':
        delivery.tell('terminal.bye');
        return;
      case 'as':
        terminal.switchUser(rest);
        break;
      case 'lang':
        terminal.switchLanguage(rest);
        break;
      case 'help':
      case 'aide':
        await terminal.help(rest);
        break;
      case 'press':
        await terminal.press(rest);
        break;
      case 'wait':
        terminal.wait(rest);
        break;
      case 'cancel':
        break;
      default:
        await runCommand(text);
    }
  }
}
