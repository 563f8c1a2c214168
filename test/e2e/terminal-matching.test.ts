import { describe, expect, it } from 'vitest';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';

const inline = (form: Readonly<Record<string, string>>) =>
  Object.entries(form)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

describe('matching in the terminal chat', () => {
  it('does not pair a remote-only mentoré with an in-person-only mentor, and tells the coordinator why', async () => {
    const { stdout, exitCode } = await runTerminalChat(
      [
        '/as alice',
        `/mentorat inscription ${inline({ ...MENTOR_FORM, format: 'in-person', region: 'hauts-de-france' })}`,
        '/as dan',
        `/mentorat inscription ${inline({ ...MENTEE_FORM, format: 'remote', region: 'hauts-de-france' })}`,
        '/as coord',
        '/mentorat-admin apparier',
        '',
      ].join('\n'),
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Proposition de binômes : 0 mentoré·e apparié·e sur 1');
    expect(stdout).not.toContain('Dan Leroy ↔ Alice Martin');
    expect(stdout).toContain(
      '- Dan Leroy : aucun moyen de se rencontrer (ni à distance, ni en présentiel dans la même région) avec 1 mentor',
    );
    expect(stdout).toContain("Aucune paire n'est possible pour l'instant : il n'y a rien à confirmer.");
  });
});
