import { afterEach, describe, expect, it } from 'vitest';
import type { CommunityRef } from '../../src/core/identity';
import { mention, spaceMention } from '../../src/core/reply';
import { nonceOf } from '../../src/platforms/discord/discord-delivery';
import { createStore } from '../../src/store/create-store';
import { type DiscordWorld, GUILD_ID, guildSeed, PEOPLE, SPACES_CATEGORY_ID, startDiscordWorld, userIdOf } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const pair = (key: string, ...names: string[]) => ({ key, name: `Binôme ${names.join(' & ')}`, memberIds: names.map(userIdOf) });

describe('the chat-platform port on Discord', () => {
  it('sends a DM, and reports closed DMs and unknown people as typed results, never as errors', async () => {
    world = await startDiscordWorld();
    const chat = world.app.ports.chat;
    expect(await chat.sendDirectMessage(community, userIdOf('alice'), { text: 'Bonjour **Alice**' })).toEqual({ ok: true });
    expect(world.fake.dmsTo(userIdOf('alice')).map((message) => message.content)).toEqual(['Bonjour **Alice**']);
    world.fake.closeDms(userIdOf('bob'));
    expect(await chat.sendDirectMessage(community, userIdOf('bob'), { text: 'Bonjour' })).toEqual({ ok: false, reason: 'dms-closed' });
    expect(await chat.sendDirectMessage(community, '899999999999999999', { text: 'Bonjour' })).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('attaches files to a DM', async () => {
    world = await startDiscordWorld();
    const attachment = { name: 'binome.txt', mimeType: 'text/plain', content: 'Alice & Dan\n' };
    await world.app.ports.chat.sendDirectMessage(community, userIdOf('alice'), { text: 'Votre binôme', attachments: [attachment] });
    expect(world.fake.dmsTo(userIdOf('alice'))[0]?.attachments).toEqual([
      expect.objectContaining({ filename: 'binome.txt', content: 'Alice & Dan\n' }),
    ]);
  });

  it('opens a binôme channel under the configured category that exactly its members and the bot can see', async () => {
    world = await startDiscordWorld();
    const opened = await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan', 'ref'));
    if (!opened.ok) throw new Error(`not opened: ${opened.reason}`);
    expect(opened.created).toBe(true);
    expect(opened.space.name).toBe('binome-alice-dan-ref');
    expect(opened.space.link).toBe(`https://discord.com/channels/${GUILD_ID}/${opened.space.id}`);
    const channel = world.fake.channel(opened.space.id);
    expect(channel?.parentId).toBe(SPACES_CATEGORY_ID);
    expect(channel?.type).toBe(0);
    const seeing = PEOPLE.filter((name) => world?.fake.canView(opened.space.id, userIdOf(name)));
    expect(seeing).toEqual(['alice', 'dan', 'ref']);
    expect(world.fake.canView(opened.space.id, world.fake.botUserId)).toBe(true);
    expect(channel?.permissionOverwrites).toContainEqual({ id: GUILD_ID, type: 0, allow: '0', deny: '1024' });
  });

  it('returns the same channel when opened twice, also after a restart, adding a member who was missing', async () => {
    const store = await createStore('memory://');
    world = await startDiscordWorld({ store });
    const first = await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'));
    const again = await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'));
    await world.stopBot();
    world = await startDiscordWorld({ store, fake: world.fake });
    const afterRestart = await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan', 'ref'));
    if (!first.ok || !again.ok || !afterRestart.ok) throw new Error('not opened');
    expect([again.space.id, afterRestart.space.id]).toEqual([first.space.id, first.space.id]);
    expect([first.created, again.created, afterRestart.created]).toEqual([true, false, false]);
    expect(world.fake.channelsOf(GUILD_ID).filter((channel) => channel.type === 0)).toHaveLength(2);
    expect(world.fake.canView(first.space.id, userIdOf('ref'))).toBe(true);
  });

  it('opens one channel when the same space is asked twice at once', async () => {
    world = await startDiscordWorld();
    const chat = world.app.ports.chat;
    const [a, b] = await Promise.all([
      chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan')),
      chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan')),
    ]);
    expect(a.ok && b.ok && a.space.id === b.space.id).toBe(true);
    expect(world.fake.channelsOf(GUILD_ID).filter((channel) => channel.type === 0)).toHaveLength(2);
  });

  it('posts in a binôme channel', async () => {
    world = await startDiscordWorld();
    const opened = await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'));
    if (!opened.ok) throw new Error('not opened');
    expect(await world.app.ports.chat.postInSpace(community, opened.space.id, { text: 'Bienvenue à vous deux !' })).toEqual({ ok: true });
    expect(world.fake.messagesIn(opened.space.id).map((message) => message.content)).toEqual(['Bienvenue à vous deux !']);
    expect(await world.app.ports.chat.postInSpace(community, '929999999999999999', { text: 'x' })).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });

  it('names what to fix when the category is missing, the permission is refused, or a member is not on the server', async () => {
    world = await startDiscordWorld({ guild: guildSeed({ channels: [{ id: '920000000000000001', name: 'general', type: 0 }] }) });
    const chat = world.app.ports.chat;
    expect(await chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'))).toEqual({
      ok: false,
      reason: 'missing-category',
      detail: 'Binômes mentorat',
    });
    await world.close();
    world = await startDiscordWorld();
    world.fake.refuseChannelCreation(GUILD_ID);
    expect(await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'))).toEqual({
      ok: false,
      reason: 'missing-permission',
      detail: 'Manage Channels, Manage Roles',
    });
    expect(await world.app.ports.chat.openPrivateSpace(community, { key: 'pair-2', name: 'x', memberIds: ['899999999999999999'] })).toEqual(
      {
        ok: false,
        reason: 'unreachable',
        detail: '899999999999999999',
      },
    );
  });

  it('holds 200 binômes: when a category has Discord’s 50 channels, the next ones go under “<name> 2”, “<name> 3”…', async () => {
    world = await startDiscordWorld();
    const chat = world.app.ports.chat;
    for (let index = 1; index <= 200; index += 1) {
      const opened = await chat.openPrivateSpace(community, {
        key: `pair-${index}`,
        name: `binome-${index}`,
        memberIds: [userIdOf('alice')],
      });
      expect(opened.ok, `pair ${index}`).toBe(true);
    }
    const channels = world.fake.channelsOf(GUILD_ID);
    const categories = channels.filter((channel) => channel.type === 4).map((channel) => channel.name);
    expect(categories).toEqual(['Binômes mentorat', 'Binômes mentorat 2', 'Binômes mentorat 3', 'Binômes mentorat 4']);
    for (const category of channels.filter((channel) => channel.type === 4)) {
      expect(channels.filter((channel) => channel.parentId === category.id).length).toBe(50);
    }
  }, 60_000);

  describe('near Discord’s 500 channels per server', () => {
    /** Text channels: `inCategory` under the binômes' category, `elsewhere` at the top; with general and the category. */
    const nearlyFull = (inCategory: number, elsewhere: number) =>
      guildSeed({
        channels: [
          { id: '920000000000000001', name: 'general', type: 0 },
          { id: SPACES_CATEGORY_ID, name: 'Binômes mentorat', type: 4 },
          ...Array.from({ length: inCategory + elsewhere }, (_, index) => ({
            id: String(930_000_000_000_000_000n + BigInt(index)),
            name: `salon-${index}`,
            type: 0 as const,
            ...(index < inCategory ? { parentId: SPACES_CATEGORY_ID } : {}),
          })),
        ],
      });
    const channelCreations = (current: DiscordWorld) =>
      current.fake.requests.filter((request) => request.method === 'POST' && request.path === `/guilds/${GUILD_ID}/channels`);

    it('reports the limit, creating nothing, when the category is full and a new one would make 501', async () => {
      world = await startDiscordWorld({ guild: nearlyFull(50, 447) });
      expect(world.fake.channelsOf(GUILD_ID)).toHaveLength(499);
      expect(await world.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'))).toEqual({
        ok: false,
        reason: 'limit-reached',
        detail: '500 channels',
      });
      expect(channelCreations(world)).toEqual([]);
      expect(world.fake.channelsOf(GUILD_ID)).toHaveLength(499);
    });

    it('reports the limit when Discord answers 30013 (someone took the last place just before)', async () => {
      world = await startDiscordWorld({ guild: nearlyFull(10, 487) });
      const current = world;
      current.fake.beforeNextRequest({ method: 'POST', path: /^\/guilds\/\d+\/channels$/ }, () =>
        current.fake.addChannel(GUILD_ID, { id: '939999999999999999', name: 'annonces', type: 0 }),
      );
      expect(await current.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'))).toEqual({
        ok: false,
        reason: 'limit-reached',
        detail: '500 channels',
      });
      expect(channelCreations(current).map((request) => request.status)).toEqual([400]);
      expect(current.fake.channelsOf(GUILD_ID).filter((channel) => channel.name.startsWith('binome'))).toEqual([]);
    });
  });

  it('waits out a rate limit (429 with retry_after) instead of failing', async () => {
    world = await startDiscordWorld();
    world.fake.rateLimitNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, 1);
    const started = Date.now();
    expect(await world.app.ports.chat.sendDirectMessage(community, userIdOf('alice'), { text: 'Bonjour' })).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(world.fake.dmsTo(userIdOf('alice'))).toHaveLength(1);
  });
});

describe('messages that must arrive once on Discord', () => {
  const posts = (current: DiscordWorld, channelId: string) =>
    current.fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);

  async function binomeChannel(current: DiscordWorld): Promise<string> {
    const opened = await current.app.ports.chat.openPrivateSpace(community, pair('pair-1', 'alice', 'dan'));
    if (!opened.ok) throw new Error('not opened');
    return opened.space.id;
  }

  it('are found in the channel when they may have been sent, after a restart, and not sent again', async () => {
    const store = await createStore('memory://');
    world = await startDiscordWorld({ store });
    const channelId = await binomeChannel(world);
    const message = { text: `Bienvenue ${mention(userIdOf('alice'))} et ${mention(userIdOf('dan'))} !` };
    expect(await world.app.ports.chat.postInSpace(community, channelId, message, { key: 'announce:pair-1' })).toEqual({ ok: true });
    await world.stopBot();
    world = await startDiscordWorld({ store, fake: world.fake });
    const again = await world.app.ports.chat.postInSpace(community, channelId, message, { key: 'announce:pair-1', mayHaveBeenSent: true });
    expect(again).toEqual({ ok: true });
    expect(world.fake.messagesIn(channelId).map((sent) => sent.content)).toEqual([
      `Bienvenue <@${userIdOf('alice')}> et <@${userIdOf('dan')}> !`,
    ]);
    expect(posts(world, channelId)).toHaveLength(1);
    expect(world.fake.requests).toContainEqual(
      expect.objectContaining({ method: 'GET', path: `/channels/${channelId}/messages`, status: 200 }),
    );
  });

  it('are found in a DM when they may have been sent, and sent when they were not', async () => {
    world = await startDiscordWorld();
    const chat = world.app.ports.chat;
    const alice = userIdOf('alice');
    expect(await chat.sendDirectMessage(community, alice, { text: 'Votre binôme est Dan' }, { key: 'dm:alice' })).toEqual({ ok: true });
    expect(
      await chat.sendDirectMessage(community, alice, { text: 'Votre binôme est Dan' }, { key: 'dm:alice', mayHaveBeenSent: true }),
    ).toEqual({
      ok: true,
    });
    expect(await chat.sendDirectMessage(community, alice, { text: 'Rappel' }, { key: 'dm:alice:2', mayHaveBeenSent: true })).toEqual({
      ok: true,
    });
    expect(world.fake.dmsTo(alice).map((sent) => sent.content)).toEqual(['Votre binôme est Dan', 'Rappel']);
  });

  it('carry a nonce from their key with enforce_nonce, so that a plain retry within minutes still makes one message', async () => {
    world = await startDiscordWorld();
    const channelId = await binomeChannel(world);
    const message = { text: `Votre espace : ${spaceMention({ id: channelId, name: 'binome-alice-dan' })}` };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await world.app.ports.chat.postInSpace(community, channelId, message, { key: 'announce:pair-1' })).toEqual({ ok: true });
    }
    expect(posts(world, channelId).map((request) => request.body)).toEqual([
      expect.objectContaining({ nonce: nonceOf('announce:pair-1'), enforce_nonce: true }),
      expect.objectContaining({ nonce: nonceOf('announce:pair-1'), enforce_nonce: true }),
    ]);
    expect(nonceOf('announce:pair-1')).toHaveLength(25);
    expect(world.fake.messagesIn(channelId).map((sent) => sent.content)).toEqual([`Votre espace : <#${channelId}>`]);
  });

  it('without a key, are sent as often as asked', async () => {
    world = await startDiscordWorld();
    const channelId = await binomeChannel(world);
    await world.app.ports.chat.postInSpace(community, channelId, { text: 'Bonjour' });
    await world.app.ports.chat.postInSpace(community, channelId, { text: 'Bonjour' });
    expect(world.fake.messagesIn(channelId).map((sent) => sent.content)).toEqual(['Bonjour', 'Bonjour']);
  });

  it('still report closed DMs and people out of reach as typed results', async () => {
    world = await startDiscordWorld();
    const chat = world.app.ports.chat;
    world.fake.closeDms(userIdOf('bob'));
    const options = { key: 'dm:bob', mayHaveBeenSent: true };
    expect(await chat.sendDirectMessage(community, userIdOf('bob'), { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'dms-closed',
    });
    expect(await chat.sendDirectMessage(community, '899999999999999999', { text: 'Bonjour' }, options)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
    expect(await chat.postInSpace(community, '929999999999999999', { text: 'x' }, options)).toEqual({ ok: false, reason: 'unreachable' });
  });
});
