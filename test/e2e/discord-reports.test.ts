import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { discordPerson } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { type DiscordWorld, GUILD_ID, PEOPLE, startDiscordWorld, userIdOf } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';

/** dan and alice enrolled, paired by hand with `ref` as their référent (no announcement needed to report). */
async function pairedWorld(): Promise<DiscordWorld> {
  const current = await startDiscordWorld();
  const alice = discordPerson(current, 'alice', 'fr');
  await alice.fillForm(await alice.runCommand('mentorat.enrol'), { ...MENTOR_FORM, capacity: '1' });
  const dan = discordPerson(current, 'dan', 'fr');
  await dan.fillForm(await dan.runCommand('mentorat.enrol'), MENTEE_FORM);
  await discordPerson(current, 'coord', 'fr').runCommand('admin.binome', {
    action: 'create',
    mentee: userIdOf('dan'),
    mentor: userIdOf('alice'),
    referent: userIdOf('ref'),
  });
  expect((await current.app.ports.binomes.listByCommunity(community)).map((binome) => binome.referent)).toEqual([userIdOf('ref')]);
  return current;
}

async function fileAsDan(current: DiscordWorld): Promise<void> {
  const dan = discordPerson(current, 'dan', 'fr');
  await dan.fillForm(await dan.runCommand('mentorat.report'), { category: 'relation', description: TEXT, contact: 'oui' });
  await current.app.jobs.runDue();
  await current.app.idle();
}

describe('a report on Discord', () => {
  it('reaches its référent by DM, with the five buttons, and nobody else', async () => {
    world = await pairedWorld();
    await fileAsDan(world);
    const [dm] = world.fake.dmsTo(userIdOf('ref'));
    expect(dm?.content).toContain(TEXT);
    expect(JSON.stringify(dm?.components)).toMatch(/take[\s\S]*reply[\s\S]*note[\s\S]*resolve[\s\S]*escalate/);
    expect(world.fake.dmsTo(userIdOf('alice'))).toEqual([]);
    for (const name of PEOPLE.filter((person) => person !== 'ref')) {
      expect(world.fake.dmsTo(userIdOf(name)).some((message) => message.content.includes(TEXT))).toBe(false);
    }
  });

  it('with the référent’s DMs closed (50007), goes to a coordination channel only the coordinators’ role and the bot can see', async () => {
    world = await pairedWorld();
    world.fake.closeDms(userIdOf('ref'));
    await fileAsDan(world);
    await world.app.jobs.runDue();
    await world.app.idle();
    const channel = world.fake.channelsOf(GUILD_ID).find((candidate) => candidate.name.startsWith('coordination'));
    if (!channel) throw new Error('no coordination channel');
    const [post] = world.fake.messagesIn(channel.id);
    expect(post?.content).toContain(translate('fr', 'report.handling.escalated.unreachable', { reference: 'SIG-0001' }).split('**')[1]);
    expect(post?.content).toContain(TEXT);
    const fake = world.fake;
    expect(PEOPLE.filter((name) => fake.canView(channel.id, userIdOf(name)))).toEqual(['coord']);
  });
});
