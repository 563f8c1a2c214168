import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Dispatcher, Invocation } from '../../../src/dispatch/dispatcher';
import { createLineSource } from '../../../src/platforms/terminal/line-source';
import { runTerminalChat } from '../../../src/platforms/terminal/terminal-chat';
import { createTerminalSession } from '../../../src/platforms/terminal/terminal-session';
import { createTranscript } from '../../../src/platforms/terminal/transcript';
import { defaultProgramme } from '../../support/programme';
import { personCommand } from '../person-command';

/** Runs the terminal chat on these lines, with a dispatcher that only records what it is asked. */
async function invocationsOf(...typed: string[]): Promise<Invocation[]> {
  const invocations: Invocation[] = [];
  const dispatcher: Dispatcher = {
    commands: [personCommand],
    programmeFor: () => defaultProgramme(),
    rolesOf: () => new Set(),
    async dispatch(request) {
      invocations.push(request.invocation);
      return { locale: 'fr', delivery: { kind: 'messages', messages: [] } };
    },
  };
  const output = new PassThrough();
  output.resume();
  await runTerminalChat({
    dispatcher,
    community: { platform: 'terminal', id: 'local' },
    session: createTerminalSession('coord', []),
    lines: createLineSource(Readable.from([`${typed.join('\n')}\n`]), output, false),
    transcript: createTranscript(output, false),
    defaultCommandId: personCommand.id,
  });
  return invocations;
}

describe('a person typed in the terminal', () => {
  it('is their name, with or without @, while other options stay as typed', async () => {
    expect(await invocationsOf('/mentorat-admin qui personne:@dan note:@bob', '/mentorat-admin qui dan')).toEqual([
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan', note: '@bob' } },
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan' } },
    ]);
  });
});
