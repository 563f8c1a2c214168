import { describe, expect, it } from 'vitest';
import { academicYearName } from '../../src/core/cycles/cycle';
import { translate } from '../../src/core/i18n/translate';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';

const inline = (form: Readonly<Record<string, string>>) =>
  Object.entries(form)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

/** The terminal prints a message's lines indented under its header. */
const shown = (text: string) => text.replaceAll('**', '').split('\n')[0] ?? '';

describe('cycles in the terminal chat', () => {
  it('closes enrolment, refuses a newcomer but not an update, closes the cycle, refuses matching, then opens the next one', async () => {
    const name = academicYearName(new Date());
    const { stdout, exitCode } = await runTerminalChat(
      [
        '/as alice',
        `/mentorat inscription ${inline(MENTOR_FORM)}`,
        '/as dan',
        `/mentorat inscription ${inline(MENTEE_FORM)}`,
        '/as coord',
        '/mentorat-admin cycle',
        '/mentorat-admin cycle action:close-enrolment',
        '/press confirm',
        '/as zoe',
        '/lang en',
        `/mentorat enrol ${inline({ ...MENTEE_FORM, name: 'Zoé Marchand' })}`,
        '/as dan',
        `/mentorat inscription ${inline({ ...MENTEE_FORM, name: 'Dan Leroy-Petit' })}`,
        '/as coord',
        '/mentorat-admin cycle action:close',
        '/press confirm',
        '/mentorat-admin apparier',
        '/mentorat-admin cycle action:open-next nom:pilote-2',
        '/press confirm',
        '/as zoe',
        `/mentorat enrol ${inline({ ...MENTEE_FORM, name: 'Zoé Marchand' })}`,
        '',
      ].join('\n'),
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain(shown(translate('fr', 'cycle.show.title', { name, state: translate('fr', 'cycle.state.enrolment-open') })));
    expect(stdout).toContain('2 inscrit·es · 0 binôme en cours · 0 mentoré·e en attente');
    expect(stdout).toContain(`Clore les inscriptions du cycle ${name}`);
    expect(stdout).toContain(`Les inscriptions du cycle ${name} sont closes.`);
    expect(stdout).toContain(translate('en', 'cycle.enrolmentRefused.enrolmentClosed', { name }));
    expect(stdout).toContain(translate('fr', 'enrol.updated').replaceAll('**', ''));
    expect(stdout).toContain(`Le cycle ${name} est clos. Il n’avait aucun binôme en cours. Aucun formulaire de retour à envoyer.`);
    expect(stdout).toContain(translate('fr', 'cycle.matchingRefused', { name }).replaceAll('`', ''));
    expect(stdout).toContain('Le cycle pilote-2 est ouvert : les inscriptions sont possibles dès maintenant.');
    expect(stdout).toContain(translate('en', 'enrol.saved.mentee').replaceAll('**', ''));
  });
});
