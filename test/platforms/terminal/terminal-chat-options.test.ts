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
  return (await chat(...typed)).invocations;
}

async function chat(...typed: string[]): Promise<{ invocations: Invocation[]; screen: string }> {
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
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  await runTerminalChat({
    dispatcher,
    community: { platform: 'terminal', id: 'local' },
    session: createTerminalSession('coord', []),
    lines: createLineSource(Readable.from([`${typed.join('\n')}\n`]), output, false),
    transcript: createTranscript(output, false),
    defaultCommandId: personCommand.id,
  });
  return { invocations, screen };
}

describe('a person typed in the terminal', () => {
  it('is their name, with or without @, while other options stay as typed', async () => {
    expect(await invocationsOf('/mentorat-admin qui personne:@dan note:@bob', '/mentorat-admin qui dan')).toEqual([
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan', note: '@bob' } },
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan' } },
    ]);
  });
});

describe('a line with a key the command does not know', () => {
  it('is refused whole, naming every unknown key wherever it stands, and nothing runs', async () => {
    const { invocations, screen } = await chat('/mentorat-admin qui personne:dan extra:1 note:ok autre:2');
    expect(invocations).toEqual([]);
    expect(screen).toContain(
      'Rien n’a été fait : extra:, autre: ne correspond à aucune option de cette commande (possibles : personne, note).',
    );
  });

  it('runs when the colon only belongs to prose, a link or a quoted text', async () => {
    expect(await invocationsOf('/mentorat-admin qui personne:dan note:voir: ceci https://example.org/x "wiki:Accueil"')).toEqual([
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan', note: 'voir: ceci https://example.org/x "wiki:Accueil"' } },
    ]);
    expect(await invocationsOf('/mentorat-admin qui person:dan note:"wiki:Accueil"')).toEqual([
      { type: 'command', commandId: 'admin.who', options: { personne: 'dan', note: 'wiki:Accueil' } },
    ]);
  });
});
