import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCorePorts } from '../../../src/app/app-ports';
import { translate } from '../../../src/core/i18n/translate';
import { createDispatcher } from '../../../src/dispatch/dispatcher';
import { systemClock } from '../../../src/infra/clock';
import { createLineSource } from '../../../src/platforms/terminal/line-source';
import { sessionButtons } from '../../../src/platforms/terminal/session-buttons';
import { runTerminalChat } from '../../../src/platforms/terminal/terminal-chat';
import { createTerminalPlatform } from '../../../src/platforms/terminal/terminal-platform';
import { createTerminalSession } from '../../../src/platforms/terminal/terminal-session';
import { createTranscript } from '../../../src/platforms/terminal/transcript';
import { openMemoryStore } from '../../../src/store/memory-store';
import { defaultProgramme } from '../../support/programme';
import { createRecordingLog } from '../../support/recording-log';
import { caseCommand } from '../button-command';

const COMMUNITY = { platform: 'terminal', id: 'local' } as const;
const PEOPLE = ['alice', 'bob', 'ref', 'zoe'];

/** The terminal chat as `npm start` wires it (session buttons included), on these typed lines; returns what it printed. */
async function chat(...typed: string[]): Promise<string> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const store = openMemoryStore();
  const transcript = createTranscript(output, false);
  const session = createTerminalSession('alice', []);
  const programme = defaultProgramme();
  const platform = createTerminalPlatform(
    transcript,
    async (_community, userId) => PEOPLE.includes(userId),
    store,
    sessionButtons(session, 'fr'),
  );
  const dispatcher = createDispatcher({
    commands: [caseCommand],
    programmes: { programmeFor: () => programme },
    ports: createCorePorts(store, platform, systemClock),
    log: createRecordingLog(),
  });
  await runTerminalChat({
    dispatcher,
    community: COMMUNITY,
    session,
    lines: createLineSource(Readable.from([`${typed.join('\n')}\n`]), output, false),
    transcript,
    defaultCommandId: caseCommand.id,
  });
  await store.close();
  return printed;
}

describe('buttons on a message the terminal bot sends by itself', () => {
  it('are shown under a DM with the /press hint, and pressed by its recipient after /as', async () => {
    const printed = await chat('/mentorat essai personne:ref', '/as ref', '/press take');
    expect(printed).toContain('[DM to ref]\n  Dossier D-1\n  (boutons : [take] Prendre · [note] Noter · [reply] Répondre');
    expect(printed).toContain('[ephemeral to ref]\n  D-1 pris par @ref (referent) dans local');
  });

  it('are not anyone else’s: another person has no such button to press', async () => {
    const printed = await chat('/mentorat essai personne:ref', '/press take', '/as zoe', '/press take');
    expect(printed).toContain(translate('fr', 'terminal.noButtons', { user: 'alice' }));
    expect(printed).toContain(translate('fr', 'terminal.noButtons', { user: 'zoe' }));
    expect(printed).not.toContain('pris par');
  });

  it('open the action’s form, whose answers reach the command', async () => {
    const printed = await chat('/mentorat essai personne:ref', '/as ref', '/press note', 'Rappeler lundi');
    expect(printed).toContain('note de @ref dans local : Rappeler lundi');
  });

  it('in a space, are pressable by every member when the action is shared, and refused when it is not', async () => {
    const printed = await chat('/mentorat essai membres:alice,bob', '/as bob', '/press take', '/press reply', '/as alice', '/press take');
    expect(printed).toContain('[#coordination (private: alice, bob)]\n  Dossier D-2\n  (boutons : [take] Prendre');
    expect(printed).toContain('[ephemeral to bob]\n  D-2 pris par @bob (member) dans local');
    expect(printed).toContain(`[ephemeral to bob]\n  ${translate('fr', 'button.notForYou')}`);
    expect(printed).toContain('[ephemeral to alice]\n  D-2 pris par @alice (member) dans local');
  });
});
