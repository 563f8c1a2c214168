import { afterEach, describe, expect, it } from 'vitest';
import { academicYearName } from '../../src/core/cycles/cycle';
import { slackPerson } from '../scenarios/slack-driver';
import { type SlackWorld, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The latest private answer, as posted to a response_url. */
const lastAnswer = (current: SlackWorld) => (current.fake.responseUrlPosts.at(-1)?.body as { text?: string } | undefined)?.text ?? '';

describe('the cycle command on Slack', () => {
  it('closes the cycle when the coordinator presses the confirmation, then refuses a matching round', async () => {
    world = await startSlackWorld();
    const name = academicYearName(new Date());
    const coord = slackPerson(world, 'coord', 'fr');
    await coord.runCommand('admin.cycle', { action: 'close' });
    expect(lastAnswer(world)).toContain(`Clore le cycle *${name}* ?`);
    await coord.press('confirm');
    expect(lastAnswer(world)).toContain(`Le cycle *${name}* est clos. Il n’avait aucun binôme en cours.`);
    await coord.runCommand('admin.propose');
    expect(lastAnswer(world)).toContain(`Le cycle ${name} est clos : plus aucun binôme ne s’y forme.`);
  });
});
