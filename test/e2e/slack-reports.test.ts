import { afterEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { slackPerson } from '../scenarios/slack-driver';
import {
  COORDINATORS_GROUP_ID,
  DEFAULT_SLACK_ACCESS,
  SLACK_PEOPLE,
  type SlackWorld,
  slackUserIdOf,
  startSlackWorld,
} from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';

/** Coordinators named in config (coord) and by user group (erin is in it); dan and alice paired by hand with ref. */
async function pairedWorld(): Promise<SlackWorld> {
  const access = { ...DEFAULT_SLACK_ACCESS, coordinators: { roles: [COORDINATORS_GROUP_ID], users: [slackUserIdOf('coord')] } };
  const current = await startSlackWorld({ access });
  await slackPerson(current, 'alice', 'fr').runCommand('mentorat.enrol', {}, { ...MENTOR_FORM, capacity: '1' });
  await slackPerson(current, 'dan', 'fr').runCommand('mentorat.enrol', {}, MENTEE_FORM);
  await slackPerson(current, 'coord', 'fr').runCommand('admin.binome', {
    action: 'create',
    mentee: `<@${slackUserIdOf('dan')}>`,
    mentor: `<@${slackUserIdOf('alice')}>`,
    referent: `<@${slackUserIdOf('ref')}>`,
  });
  const community: CommunityRef = { platform: 'slack', id: current.fake.teamId };
  expect((await current.bot.ports.binomes.listByCommunity(community)).map((binome) => binome.referent)).toEqual([slackUserIdOf('ref')]);
  return current;
}

async function fileAsDan(current: SlackWorld): Promise<void> {
  await slackPerson(current, 'dan', 'fr').runCommand('mentorat.report', {}, { category: 'relation', description: TEXT, contact: 'oui' });
  await current.bot.jobs.runDue();
  await current.settle();
  await current.bot.jobs.runDue();
  await current.settle();
}

describe('a report on Slack', () => {
  it('reaches its référent by DM and nobody else', async () => {
    world = await pairedWorld();
    await fileAsDan(world);
    expect(world.fake.dmsTo(slackUserIdOf('ref')).some((message) => message.text.includes(TEXT))).toBe(true);
    for (const name of SLACK_PEOPLE.filter((person) => person !== 'ref')) {
      expect(
        world.fake.dmsTo(slackUserIdOf(name)).some((message) => message.text.includes(TEXT)),
        name,
      ).toBe(false);
    }
  });

  it('with the référent’s DMs disabled, goes to a private coordination channel holding the config coordinators and the user group', async () => {
    world = await pairedWorld();
    world.fake.refuseUser(slackUserIdOf('ref'), 'messages_tab_disabled');
    await fileAsDan(world);
    const channel = world.fake.channels.find((candidate) => candidate.name.startsWith('coordination'));
    if (!channel) throw new Error('no coordination channel');
    expect(channel.isPrivate).toBe(true);
    expect(channel.members.filter((member) => member !== world?.fake.botUserId).sort()).toEqual(
      [slackUserIdOf('coord'), slackUserIdOf('erin')].sort(),
    );
    expect(world.fake.messagesIn(channel.id).some((message) => message.text.includes(TEXT))).toBe(true);
  });
});
