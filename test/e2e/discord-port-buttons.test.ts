import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { decodeButtonId, SHARED_OWNER } from '../../src/dispatch/button-id';
import { readGuildStamp } from '../../src/platforms/discord/guild-stamp';
import { createStore } from '../../src/store/create-store';
import type { FakeInteraction, FakeMessage } from '../fakes/discord/types';
import { caseCommand, caseMessage } from '../platforms/button-command';
import { componentsOf, latestMessage } from '../scenarios/discord-driver';
import {
  type DiscordWorld,
  GENERAL_CHANNEL_ID,
  GUILD_ID,
  PEOPLE,
  REFERENT_ROLE_ID,
  startDiscordWorld,
  userIdOf,
} from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const start = (store?: Awaited<ReturnType<typeof createStore>>, fake?: DiscordWorld['fake']) =>
  startDiscordWorld({ commands: [caseCommand], ...(store ? { store } : {}), ...(fake ? { fake } : {}) });

/** The custom id of the button for this action on a message, whatever it carries around it. */
function buttonFor(message: FakeMessage, action: string): string {
  const found = componentsOf(message.components).find((component) => {
    const id = component.custom_id ?? '';
    return decodeButtonId(readGuildStamp(id)?.customId ?? id)?.action === action;
  });
  if (!found?.custom_id) throw new Error(`no ${action} button on "${message.content}"`);
  return found.custom_id;
}

async function dmTo(current: DiscordWorld, name: string): Promise<FakeMessage> {
  expect(await current.app.ports.chat.sendDirectMessage(community, userIdOf(name), caseMessage('D-1'))).toEqual({ ok: true });
  const message = current.fake.dmsTo(userIdOf(name)).at(-1);
  if (!message) throw new Error(`no DM to ${name}`);
  return message;
}

async function press(current: DiscordWorld, name: string, message: FakeMessage, action: string): Promise<FakeInteraction> {
  const pressed = await current.fake.pressButton({
    guildId: GUILD_ID,
    userId: userIdOf(name),
    message,
    customId: buttonFor(message, action),
  });
  await current.app.idle();
  return pressed;
}

const seen = (interaction: FakeInteraction) => latestMessage(interaction)?.content ?? '';

describe('buttons on a DM the bot sends by itself, on Discord', () => {
  it('arrive with the message, are its recipient’s, and carry the server within Discord’s 100 characters', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    expect(message.content).toBe('Dossier D-1');
    const ids = componentsOf(message.components).map((component) => component.custom_id ?? '');
    expect(componentsOf(message.components).map((component) => component.label)).toEqual(['Prendre', 'Noter', 'Répondre']);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(100);
      expect(readGuildStamp(id)?.guildId).toBe(GUILD_ID);
      expect(decodeButtonId(readGuildStamp(id)?.customId ?? '')).toMatchObject({ owner: userIdOf('ref'), args: ['D-1'] });
    }
  });

  it('run the action for the recipient when pressed in the DM, where Discord names no server, with their roles there', async () => {
    world = await start();
    const pressed = await press(world, 'ref', await dmTo(world, 'ref'), 'take');
    expect(pressed.dm).toBe(true);
    expect(seen(pressed)).toBe(`D-1 pris par <@${userIdOf('ref')}> (referent) dans ${GUILD_ID}`);
    const byCoordinator = await press(world, 'coord', await dmTo(world, 'coord'), 'take');
    expect(seen(byCoordinator)).toBe(`D-1 pris par <@${userIdOf('coord')}> (coordinator) dans ${GUILD_ID}`);
  });

  it('cannot be pressed by anyone else: Discord shows the DM to its recipient only, and a copy elsewhere is refused', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    await expect(
      world.fake.pressButton({ guildId: GUILD_ID, userId: userIdOf('zoe'), message, customId: buttonFor(message, 'take') }),
    ).rejects.toThrow(/cannot see the DM/);
    // The same buttons posted where zoe can see them (a copy by mistake): the button still names ref.
    const general = await world.app.client.channels.fetch(GENERAL_CHANNEL_ID);
    if (!general?.isSendable()) throw new Error('general is not sendable');
    await general.send({ content: message.content, components: message.components as never });
    const copy = world.fake.messagesIn(GENERAL_CHANNEL_ID).at(-1);
    if (!copy) throw new Error('no copy');
    expect(seen(await press(world, 'zoe', copy, 'take'))).toBe(translate('fr', 'button.notForYou'));
  });

  it('open the action’s form from the DM, and its submission reaches the command with the values and the server', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    const pressed = await press(world, 'ref', message, 'note');
    if (!pressed.modal) throw new Error(`no form, but: ${seen(pressed)}`);
    expect(readGuildStamp(pressed.modal.customId)?.guildId).toBe(GUILD_ID);
    await world.fake.submitModal({
      guildId: GUILD_ID,
      userId: userIdOf('ref'),
      modal: pressed.modal,
      values: { texte: 'Rappeler lundi' },
      message,
    });
    await world.app.idle();
    expect(world.fake.dmsTo(userIdOf('ref')).map((dm) => dm.content)).toEqual([
      `note de <@${userIdOf('ref')}> dans ${GUILD_ID} : Rappeler lundi`,
    ]);
  });

  it('answer a DM component that names no server the bot knows as a button no longer valid', async () => {
    world = await start();
    const user = await world.app.client.users.fetch(userIdOf('ref'));
    const row = { type: 1, components: [{ type: 2, custom_id: 'b1|mentorat.essai|take|x|D-1', label: 'Prendre', style: 2 }] };
    await user.send({ content: 'Ancien dossier', components: [row] as never });
    const old = world.fake.dmsTo(userIdOf('ref')).at(-1);
    if (!old) throw new Error('no DM');
    const pressed = await world.fake.pressButton({
      guildId: GUILD_ID,
      userId: userIdOf('ref'),
      message: old,
      customId: 'b1|mentorat.essai|take|x|D-1',
    });
    await world.app.idle();
    expect(seen(pressed)).toBe(translate('fr', 'button.unknown'));
  });

  it('keep a keyed DM once: found again after a restart, its buttons with it', async () => {
    const store = await createStore('memory://');
    world = await start(store);
    const keyed = { key: 'case:D-1:ref' };
    expect(await world.app.ports.chat.sendDirectMessage(community, userIdOf('ref'), caseMessage('D-1'), keyed)).toEqual({ ok: true });
    await world.stopBot();
    world = await start(store, world.fake);
    const again = await world.app.ports.chat.sendDirectMessage(community, userIdOf('ref'), caseMessage('D-1'), {
      ...keyed,
      mayHaveBeenSent: true,
    });
    expect(again).toEqual({ ok: true });
    const dms = world.fake.dmsTo(userIdOf('ref'));
    expect(dms).toHaveLength(1);
    expect(componentsOf(dms[0]?.components ?? [])).toHaveLength(3);
  });
});

describe('buttons on a post in a space, on Discord', () => {
  async function casePosted(current: DiscordWorld, ...names: string[]): Promise<FakeMessage> {
    const opened = await current.app.ports.chat.openPrivateSpace(community, {
      key: 'coordination',
      name: 'Coordination',
      memberIds: names.map(userIdOf),
    });
    if (!opened.ok) throw new Error(`not opened: ${opened.reason}`);
    expect(await current.app.ports.chat.postInSpace(community, opened.space.id, caseMessage('D-2'))).toEqual({ ok: true });
    const posted = current.fake.messagesIn(opened.space.id).at(-1);
    if (!posted) throw new Error('nothing posted');
    return posted;
  }

  it('can be pressed by any member when the command shares the action, each for themselves', async () => {
    world = await start();
    const posted = await casePosted(world, 'alice', 'coord');
    expect(decodeButtonId(buttonFor(posted, 'take'))?.owner).toBe(SHARED_OWNER);
    expect(seen(await press(world, 'alice', posted, 'take'))).toBe(`D-2 pris par <@${userIdOf('alice')}> (member) dans ${GUILD_ID}`);
    expect(seen(await press(world, 'coord', posted, 'take'))).toBe(`D-2 pris par <@${userIdOf('coord')}> (coordinator) dans ${GUILD_ID}`);
  });

  it('are refused to everyone when the command does not share the action', async () => {
    world = await start();
    const posted = await casePosted(world, 'alice', 'coord');
    expect(seen(await press(world, 'alice', posted, 'reply'))).toBe(translate('fr', 'button.notForYou'));
  });
});

describe('a private space open to a role, on Discord', () => {
  const seeing = (current: DiscordWorld, channelId: string) => PEOPLE.filter((name) => current.fake.canView(channelId, userIdOf(name)));

  it('lets that role’s members in, named by id or by name in any case and accents, and nobody else', async () => {
    world = await start();
    const chat = world.app.ports.chat;
    const byName = await chat.openPrivateSpace(community, {
      key: 'coord',
      name: 'Coordination',
      memberIds: [],
      memberRoles: ['COORDINATION Mentorat'],
    });
    const byId = await chat.openPrivateSpace(community, {
      key: 'ref',
      name: 'Référents',
      memberIds: [userIdOf('alice')],
      memberRoles: [REFERENT_ROLE_ID, 'Rôle disparu'],
    });
    if (!byName.ok || !byId.ok) throw new Error('not opened');
    expect(seeing(world, byName.space.id)).toEqual(['coord']);
    expect(seeing(world, byId.space.id)).toEqual(['alice', 'ref']);
    expect(world.fake.channel(byId.space.id)?.permissionOverwrites).toContainEqual({
      id: REFERENT_ROLE_ID,
      type: 0,
      allow: '68608',
      deny: '0',
    });
  });

  it('adds a role to the space when it is opened again naming it', async () => {
    world = await start();
    const chat = world.app.ports.chat;
    const first = await chat.openPrivateSpace(community, { key: 'coord', name: 'Coordination', memberIds: [userIdOf('alice')] });
    const again = await chat.openPrivateSpace(community, {
      key: 'coord',
      name: 'Coordination',
      memberIds: [userIdOf('alice')],
      memberRoles: ['référent mentorat'],
    });
    if (!first.ok || !again.ok) throw new Error('not opened');
    expect(again.space.id).toBe(first.space.id);
    expect(seeing(world, again.space.id)).toEqual(['alice', 'ref']);
  });

  it('is not opened when nobody would be in it: no member named and no role found', async () => {
    world = await start();
    expect(
      await world.app.ports.chat.openPrivateSpace(community, {
        key: 'x',
        name: 'Personne',
        memberIds: [],
        memberRoles: ['Rôle disparu', '@everyone'],
      }),
    ).toEqual({ ok: false, reason: 'unreachable', detail: 'Rôle disparu, @everyone' });
    expect(world.fake.channelsOf(GUILD_ID).filter((channel) => channel.type === 0)).toHaveLength(1);
  });
});
