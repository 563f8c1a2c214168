import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { composeBot } from '../../src/app/compose';
import { loadProgrammes } from '../../src/config/load-programmes';
import { forbiddenCharacter } from '../../src/core/forms/plain-text';
import { participantIdOf } from '../../src/core/identity';
import { systemClock } from '../../src/infra/clock';
import { TERMINAL_COMMUNITY } from '../../src/platforms/terminal/terminal-app';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { openMemoryStore } from '../../src/store/memory-store';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { CONFIG_DIR } from '../support/programme';
import { createRecordingLog } from '../support/recording-log';

/**
 * The whole terminal chat in this process (the composition `npm start` runs, on a memory store),
 * fed a script as piped input: what it prints is what a person at the terminal reads.
 */
async function terminal(lines: readonly string[], store: KeyValueStore = openMemoryStore()): Promise<string> {
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const bot = await composeBot({ store, programmes: loadProgrammes(CONFIG_DIR), clock: systemClock, log: createRecordingLog() });
  await bot.runTerminal({ input: Readable.from([`${lines.join('\n')}\n`]), output, interactive: false, initialUser: 'alice' });
  await bot.stop();
  return screen;
}

const oneLine = (values: Readonly<Record<string, string>>) =>
  `/mentorat inscription ${Object.entries(values)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ')}`;

describe('a refused one-line form', () => {
  it('leaves nothing in a later, different one-line enrolment: excluded:Directeur Dupont is not stored', async () => {
    const refused = oneLine({ ...MENTEE_FORM, excluded: 'Directeur Dupont', consentData: 'non' });
    const { excluded: _excluded, ...withoutExcluded } = MENTEE_FORM;
    const screen = await terminal(['/as dan', refused, oneLine({ ...withoutExcluded, name: 'Dan Martin' }), '/mentorat profil']);
    expect(screen).toContain('Inscription non enregistrée : corrigez ces points');
    expect(screen).toContain('Merci, votre inscription comme mentoré·e est enregistrée !');
    expect(screen).toContain('- Nom et prénom : Dan Martin');
    expect(screen).not.toContain('- Personnes à ne pas vous proposer : Directeur Dupont');
    expect(screen.split('/mentorat profil')[1]).not.toContain('Directeur Dupont');
  });

  it('offers its answers again in the form asked field by field, each shown before it is kept', async () => {
    const refused = oneLine({ ...MENTOR_FORM, name: 'A' });
    const keepAllBut = (changes: Record<number, string>) => Array.from({ length: 14 }, (_, index) => changes[index] ?? '');
    const screen = await terminal([refused, '/mentorat inscription', ...keepAllBut({ 1: 'Alice Martin' }), '/mentorat profil']);
    expect(screen).toContain('retapez la commande seule, sans valeurs');
    expect(screen).toContain('    actuel : Institut Pasteur\n  affiliation> ');
    expect(screen).toContain('- Nom et prénom : Alice Martin\n  - Laboratoire, entreprise ou structure : Institut Pasteur');
  });
});

describe('a person whose name is not in Latin letters', () => {
  it('withdraws: /as محمد_عبدالله, /mentorat quitter, then the confirm button', async () => {
    const screen = await terminal([
      '/as محمد_عبدالله',
      oneLine({ ...MENTOR_FORM, name: 'محمد عبدالله' }),
      '/mentorat quitter',
      '/press confirm',
      '/mentorat profil',
    ]);
    expect(screen).not.toContain('ERR-');
    expect(screen).toContain('Voulez-vous vraiment vous retirer du programme ?');
    expect(screen).toContain('Vous vous êtes retiré·e du programme. Merci pour votre participation !');
    expect(screen).toContain('Statut : retiré');
  });
});

describe('control characters in what people type', () => {
  it.each([
    ['ESC', 'Dan \u001b[2J Leroy', 'U+001B'],
    ['NUL', 'Dan\u0000Leroy', 'U+0000'],
    ['a bidi override', 'Dan \u202eyoreL', 'U+202E'],
    ['a bidi isolate', 'Dan \u2067Leroy\u2069', 'U+2067'],
  ])('are refused in a name (%s), the field named, nothing stored', async (_what, name, character) => {
    const screen = await terminal(['/as dan', oneLine({ ...MENTEE_FORM, name }), '/mentorat profil']);
    expect(screen).toContain(
      `- « Nom et prénom » (name) : contient un caractère de contrôle invisible (${character}), refusé ici : retirez-le.`,
    );
    expect(screen).toContain("Vous n'êtes pas inscrit·e au programme.");
    expect(forbiddenCharacter(screen, { multiline: true })).toBeUndefined();
  });

  it('are shown as visible signs when already stored: a coordinator’s inscrits never replays them', async () => {
    const store = openMemoryStore();
    await terminal(['/as dan', oneLine(MENTEE_FORM)], store);
    const enrolments = createEnrolmentRepository(store);
    const dan = await enrolments.find(participantIdOf(TERMINAL_COMMUNITY, 'dan'));
    if (!dan) throw new Error('dan is not enrolled');
    const hostile = 'Dan\u001b[2J\u001b]0;pwned\u0007 \u202eyoreL\u0000';
    await enrolments.save(JSON.parse(JSON.stringify(dan).replaceAll('"Dan Leroy"', JSON.stringify(hostile))));
    const screen = await terminal(['/as coord', '/mentorat-admin inscrits'], store);
    expect(screen).toContain('Dan␛[2J␛]0;pwned␇ \\u{202E}yoreL␀');
    expect(forbiddenCharacter(screen, { multiline: true })).toBeUndefined();
  });
});
