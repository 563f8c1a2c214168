import { afterEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { decodeButtonId } from '../../src/dispatch/button-id';
import { readGuildStamp } from '../../src/platforms/discord/guild-stamp';
import type { FakeMessage } from '../fakes/discord/types';
import { componentsOf, discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { type DiscordWorld, GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };

/** dan and alice paired by hand with `ref` as référent; their first check-in says they met. */
async function metWorld(): Promise<DiscordWorld> {
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
  const [binome] = await current.app.ports.binomes.listByCommunity(community);
  if (!binome) throw new Error('no binôme');
  const at = new Date().toISOString();
  await current.app.ports.checkIns.add({
    schemaVersion: 1,
    community,
    binomeId: binome.id,
    round: 1,
    postedAt: at,
    answers: [{ by: userIdOf('alice'), answer: 'met', at }],
  });
  return current;
}

function buttonFor(message: FakeMessage, action: string): string {
  const found = componentsOf(message.components).find((component) => {
    const id = component.custom_id ?? '';
    return decodeButtonId(readGuildStamp(id)?.customId ?? id)?.action === action;
  });
  if (!found?.custom_id) throw new Error(`no ${action} button on "${message.content}"`);
  return found.custom_id;
}

describe('"not a good fit" on Discord', () => {
  it('reaches the référent by DM and the coordinators’ channel; only a coordinator’s press of "dissolve" ends the binôme', async () => {
    world = await metWorld();
    const dan = discordPerson(world, 'dan', 'fr');
    const asked = await dan.runCommand('mentorat.not-a-fit');
    expect(latestMessage(asked)?.content).toContain('Dire que votre binôme avec');
    const done = await dan.press('confirm');
    expect(latestMessage(done)?.content).toContain('C’est noté.');

    const [toReferent] = world.fake.dmsTo(userIdOf('ref'));
    expect(toReferent?.content).toContain('ne fonctionne pas');
    expect(world.fake.dmsTo(userIdOf('alice')).some((message) => message.content.includes('fonctionne pas'))).toBe(false);
    const channel = world.fake.channelsOf(GUILD_ID).find((candidate) => candidate.name.startsWith('coordination'));
    if (!channel) throw new Error('no coordination channel');
    const post = world.fake.messagesIn(channel.id).at(-1);
    if (!post) throw new Error('nothing posted for the coordinators');
    expect(post.content).toContain('Binôme à revoir');
    expect(world.fake.canView(channel.id, userIdOf('alice'))).toBe(false);

    // A server admin let the référent (no coordinator) into the channel by hand: they see the
    // button, and their press is refused, changing nothing.
    channel.permissionOverwrites.push({ id: userIdOf('ref'), type: 1, allow: String(1n << 10n), deny: '0' });
    expect(world.fake.canView(channel.id, userIdOf('ref'))).toBe(true);
    const byReferent = await world.fake.pressButton({
      guildId: GUILD_ID,
      userId: userIdOf('ref'),
      message: post,
      customId: buttonFor(post, 'fit-dissolve'),
    });
    await world.app.idle();
    expect(latestMessage(byReferent)?.content).toContain('réservée à la coordination');
    expect((await world.app.ports.binomes.listByCommunity(community)).map((binome) => binome.status)).toEqual(['confirmed']);

    const byCoordinator = await discordPerson(world, 'coord', 'fr').press('fit-dissolve');
    expect(latestMessage(byCoordinator)?.content).toContain('**Binôme dissous**');
    expect((await world.app.ports.binomes.listByCommunity(community)).map((binome) => binome.status)).toEqual(['dissolved']);
    expect(await world.app.ports.waitlist.list(community)).toMatchObject([
      { mentee: userIdOf('dan'), firstInLine: { because: 'not-a-fit' } },
    ]);
    expect(world.fake.dmsTo(userIdOf('dan')).some((message) => message.content.includes('en tête'))).toBe(true);
  });
});
