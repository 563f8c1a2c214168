import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import type { FakeInteraction } from '../fakes/discord/types';
import { componentsOf, discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { type DiscordWorld, GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';
import { fixedClock } from '../support/fixed-clock';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const START = '2026-12-01T09:00:00.000Z';
const WEEK = 7 * 24 * 60 * 60 * 1000;
const contentOf = (interaction: FakeInteraction) => latestMessage(interaction)?.content ?? '';

/** Alice (mentor) and Dan (mentoré) enrol, a coordinator makes `ref` their référent, confirms and announces. */
async function announcedPair(current: DiscordWorld) {
  for (const [name, form] of [
    ['alice', { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' }],
    ['dan', MENTEE_FORM],
  ] as const) {
    const person = discordPerson(current, name, 'fr');
    await person.fillForm(await person.runCommand('mentorat.enrol'), form);
  }
  const coord = discordPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.referents', { action: 'add', person: userIdOf('ref') });
  await coord.runCommand('admin.propose');
  await coord.runCommand('admin.confirm');
  await coord.runCommand('admin.announce');
  const [binome] = await current.app.ports.binomes.listByCommunity(community);
  if (!binome) throw new Error('no binôme');
  return binome;
}

describe('check-ins on Discord', () => {
  it('posts round 1 in the binôme’s channel two weeks on; a member’s “we met” is stored, the référent’s press is refused', async () => {
    const clock = fixedClock(START);
    world = await startDiscordWorld({ clock });
    const binome = await announcedPair(world);
    const channel = world.fake.channelsOf(GUILD_ID).find((candidate) => (candidate.topic ?? '').includes(`binome-${binome.id}`));
    if (!channel) throw new Error('no binôme channel');
    const before = world.fake.messagesIn(channel.id).length;
    clock.set(new Date(Date.parse(START) + 2 * WEEK - 60_000).toISOString());
    await world.app.jobs.runDue();
    expect(world.fake.messagesIn(channel.id)).toHaveLength(before);
    clock.set(new Date(Date.parse(START) + 2 * WEEK).toISOString());
    await world.app.jobs.runDue();
    const posts = world.fake.messagesIn(channel.id).slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toContain(translate('fr', 'checkIn.post.title', { round: 1 }).replaceAll('**', ''));
    expect(componentsOf(posts[0]?.components ?? []).map((component) => component.label)).toEqual([
      translate('fr', 'checkIn.button.met'),
      translate('fr', 'checkIn.button.notYet'),
      translate('fr', 'checkIn.button.help'),
    ]);

    const dmsBefore = { dan: world.fake.dmsTo(userIdOf('dan')).length, alice: world.fake.dmsTo(userIdOf('alice')).length };
    const refused = await discordPerson(world, 'ref', 'fr').press('met');
    expect(contentOf(refused)).toBe(translate('fr', 'checkIn.notAMember'));
    expect(latestMessage(refused)?.ephemeral).toBe(true);
    expect((await world.app.ports.checkIns.find(community, binome.id, 1))?.answers).toEqual([]);

    const pressed = await discordPerson(world, 'dan', 'fr').press('met');
    expect(contentOf(pressed)).toBe(translate('fr', 'checkIn.answered.met', { round: 1 }));
    expect(latestMessage(pressed)?.ephemeral).toBe(true);
    const stored = await world.app.ports.checkIns.find(community, binome.id, 1);
    expect(stored?.answers.map((answer) => [answer.by, answer.answer, answer.at])).toEqual([
      [userIdOf('dan'), 'met', new Date(Date.parse(START) + 2 * WEEK).toISOString()],
    ]);
    // Nothing new in the channel or in anyone's DMs: the answer is acknowledged to Dan alone.
    expect(world.fake.messagesIn(channel.id).slice(before)).toHaveLength(1);
    expect(world.fake.dmsTo(userIdOf('dan'))).toHaveLength(dmsBefore.dan);
    expect(world.fake.dmsTo(userIdOf('alice'))).toHaveLength(dmsBefore.alice);
  });

  it('opens the report form as a modal when a member presses “I need help”', async () => {
    const clock = fixedClock(START);
    world = await startDiscordWorld({ clock });
    const binome = await announcedPair(world);
    clock.set(new Date(Date.parse(START) + 2 * WEEK).toISOString());
    await world.app.jobs.runDue();
    const pressed = await discordPerson(world, 'alice', 'fr').press('help');
    expect(pressed.modal?.title).toContain(translate('fr', 'report.form.title'));
    expect((await world.app.ports.checkIns.find(community, binome.id, 1))?.answers.map((answer) => answer.answer)).toEqual(['help']);
  });
});
