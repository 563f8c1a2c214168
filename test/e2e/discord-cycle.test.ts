import { afterEach, describe, expect, it } from 'vitest';
import { academicYearName } from '../../src/core/cycles/cycle';
import { translate } from '../../src/core/i18n/translate';
import { componentsOf, discordPerson, latestMessage } from '../scenarios/discord-driver';
import { type DiscordWorld, startDiscordWorld } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('the cycle command on Discord', () => {
  it('asks with a confirmation button only the coordinator sees, closes enrolment when pressed, and the refusal reaches a newcomer', async () => {
    world = await startDiscordWorld();
    const name = academicYearName(new Date());
    const coord = discordPerson(world, 'coord', 'en');
    const asked = latestMessage(await coord.runCommand('admin.cycle', { action: 'close-enrolment' }));
    expect(asked?.ephemeral).toBe(true);
    expect(asked?.content).toContain(`Close enrolment for the cycle **${name}**`);
    const labels = componentsOf(asked?.components ?? []).map((component) => component.label);
    expect(labels).toEqual([translate('en', 'cycle.button.close-enrolment'), translate('en', 'common.cancel')]);

    const pressed = await coord.press('confirm');
    expect(latestMessage(pressed)?.content).toBe(translate('en', 'cycle.done.close-enrolment', { name }));
    expect(latestMessage(pressed)?.components).toEqual([]);
    expect(latestMessage(await coord.runCommand('admin.cycle'))?.content).toContain(`**Cycle ${name}**: enrolment closed`);

    const zoe = discordPerson(world, 'zoe', 'fr');
    const refused = latestMessage(await zoe.runCommand('mentorat.enrol'));
    expect(refused?.content).toBe(translate('fr', 'cycle.enrolmentRefused.enrolmentClosed', { name }));
  });
});
