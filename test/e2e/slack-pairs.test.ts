import { afterEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { slackPerson } from '../scenarios/slack-driver';
import { parseCsv } from '../support/csv';
import { type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('breaks and the pairs list on Slack', () => {
  it('tells the référent of a break and of its end, and gives coordinators the pairs list with both CSV files', async () => {
    world = await startSlackWorld();
    await slackPerson(world, 'alice', 'fr').runCommand('mentorat.enrol', {}, { ...MENTOR_FORM, capacity: '1' });
    await slackPerson(world, 'dan', 'fr').runCommand('mentorat.enrol', {}, MENTEE_FORM);
    const coord = slackPerson(world, 'coord', 'fr');
    await coord.runCommand('admin.binome', {
      action: 'create',
      mentee: `<@${slackUserIdOf('dan')}>`,
      mentor: `<@${slackUserIdOf('alice')}>`,
      referent: `<@${slackUserIdOf('ref')}>`,
    });
    const dan = slackPerson(world, 'dan', 'fr');
    await dan.runCommand('mentorat.pause', { weeks: '2' });
    await dan.runCommand('mentorat.resume');
    await world.settle();
    const toReferent = world.fake.dmsTo(slackUserIdOf('ref')).map((message) => message.text);
    expect(toReferent.some((text) => text.includes('se met en pause'))).toBe(true);
    expect(toReferent.some((text) => text.includes('reprend le programme'))).toBe(true);
    expect(world.fake.dmsTo(slackUserIdOf('alice')).some((message) => message.text.includes('pause'))).toBe(false);

    await coord.runCommand('admin.pairs');
    await world.settle();
    const files = world.fake.uploads.filter((upload) => upload.filename.endsWith('.csv'));
    expect(files.map((file) => file.filename)).toEqual(['binomes.csv', 'attente.csv']);
    const community: CommunityRef = { platform: 'slack', id: world.fake.teamId };
    const [binome] = await world.bot.ports.binomes.listByCommunity(community);
    expect(parseCsv(files[0]?.content ?? '')).toMatchObject([
      { binome_id: binome?.id, mentee_id: slackUserIdOf('dan'), mentor_id: slackUserIdOf('alice'), state: 'active', health: 'on-track' },
    ]);
    expect(parseCsv(files[1]?.content ?? '')).toEqual([]);
  });
});
