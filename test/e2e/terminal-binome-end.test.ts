import { describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { plain } from '../scenarios/scenario';
import { parseTranscript, runTerminalChat } from '../scenarios/terminal-driver';

const inline = (form: Readonly<Record<string, string>>) =>
  Object.entries(form)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

describe('a binôme that ends, in the terminal chat', () => {
  it('when the mentoré withdraws, their space shows the end notice to the two who stay, never to them, never why', async () => {
    const { stdout, exitCode } = await runTerminalChat(
      [
        '/as alice',
        `/mentorat inscription ${inline({ ...MENTOR_FORM, capacity: '1' })}`,
        '/as dan',
        `/mentorat inscription ${inline(MENTEE_FORM)}`,
        '/as coord',
        '/mentorat-admin apparier',
        '/mentorat-admin valider',
        '/mentorat-admin annoncer',
        '/as dan',
        '/mentorat quitter',
        '/press confirm',
        '',
      ].join('\n'),
    );
    expect(exitCode).toBe(0);
    // What followed the last line typed (the confirmation): the last prompt's deliveries.
    const afterConfirm =
      parseTranscript(stdout)
        .filter((segment) => segment.length > 0)
        .at(-1) ?? [];
    const inSpace = afterConfirm.filter((delivery) => delivery.via === 'space');
    const notice = plain(translate('fr', 'binome.ended.spaceNotice'));
    expect(inSpace.map((delivery) => delivery.to).sort()).toEqual(['alice', 'ref']);
    for (const delivery of inSpace) {
      expect(plain(delivery.text)).toContain(notice);
      expect(plain(delivery.text)).not.toMatch(/quitt|retir|effac/i);
    }
    // The reason goes privately to those who stay; Dan gets only the answer to his confirmation.
    expect(afterConfirm.filter((delivery) => delivery.to === 'dan').map((delivery) => delivery.via)).toEqual(['ephemeral']);
    expect(
      afterConfirm
        .filter((delivery) => delivery.via === 'dm')
        .map((delivery) => delivery.to)
        .sort(),
    ).toEqual(['alice', 'ref']);
    // Printed once, in a space labelled without Dan.
    expect(stdout.match(new RegExp(notice.slice(0, 20), 'g'))).toHaveLength(1);
    expect(stdout).toMatch(/\[#\S+ \(private: alice, ref\)\]/);
  });
});
