import { describe, expect, it } from 'vitest';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';

const inline = (form: Readonly<Record<string, string>>) =>
  Object.entries(form)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

describe('a pause in the terminal chat', () => {
  it('keeps a paused mentoré out of the proposal, listed apart, until they resume', async () => {
    const { stdout, stderr, exitCode } = await runTerminalChat(
      [
        '/as alice',
        `/mentorat inscription ${inline(MENTOR_FORM)}`,
        '/as dan',
        `/mentorat inscription ${inline(MENTEE_FORM)}`,
        '/mentorat pause semaines:60',
        '/mentorat pause semaines:2',
        '/mentorat pause',
        '/as coord',
        '/mentorat-admin apparier',
        '/mentorat-admin epingler mentore:dan mentor:alice',
        '/as dan',
        '/mentorat reprendre',
        '/mentorat reprendre',
        '/as coord',
        '/mentorat-admin apparier',
        '/mentorat-admin valider',
        '/mentorat-admin binomes',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const [beforeResume = '', afterResume = ''] = stdout.split('Bon retour !');
    expect(beforeResume).toContain('« 60 » n’est pas un nombre de semaines possible : de 1 à 52');
    expect(beforeResume).toMatch(/Vous êtes en pause jusqu’au \d{1,2} \S+ \d{4}\./);
    expect(beforeResume).toMatch(
      /Vous êtes déjà en pause \(jusqu’au \d{1,2} \S+ \d{4}\)\. `?\/mentorat reprendre`? pour revenir plus tôt\./,
    );
    expect(beforeResume).toContain('En pause, laissé·es de côté (1)');
    expect(beforeResume).toMatch(/Dan Leroy \(@dan\) : en pause jusqu’au/);
    expect(beforeResume).not.toContain('Dan Leroy ↔ Alice Martin');
    expect(beforeResume).toMatch(/Dan Leroy \(@dan\) est en pause \(jusqu’au [^)]+\) : impossible de l’épingler/);
    expect(afterResume).toContain("Vous n'êtes pas en pause : il n'y a rien à reprendre.");
    expect(afterResume).toContain('Dan Leroy ↔ Alice Martin');
    expect(afterResume).not.toContain('En pause, laissé·es de côté');
    expect(afterResume).toMatch(/Binômes du cycle \S+ : 1 binôme, dont 1 en cours \(0 à risque\)/);
    expect(afterResume).toContain('Dan Leroy (@dan) ↔ Alice Martin (@alice)');
    expect(afterResume).toContain('Liste d’attente : personne.');
    expect(afterResume).toContain('binome_id,cycle,mentee_id,mentee,mentor_id,mentor,referent_id,referent,state');
    expect(afterResume).toContain('position,mentee_id,mentee,first_in_line,since,paused,reasons');
  });
});
