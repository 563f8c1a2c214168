import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Binome } from '../../src/core/binomes/binome';
import { scheduleSpaceArchive, spaceArchiveJob } from '../../src/core/binomes/space-archive-job';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import type { Job } from '../../src/core/jobs/job';
import { spaceMarker } from '../../src/platforms/discord/discord-spaces';
import { discordPerson } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { plain } from '../scenarios/scenario';
import {
  type DiscordWorld,
  discordProgrammes,
  GUILD_ID,
  PEOPLE,
  SPACES_CATEGORY_ID,
  startDiscordWorld,
  userIdOf,
} from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const ARCHIVE_CATEGORY_ID = '920000000000000009';
const NOTICE = plain(translate('fr', 'binome.ended.spaceNotice'));

/** Alice (mentor) and Dan (mentoré) enrol, `ref` follows them, the coordinator confirms and announces. */
async function announcedBinome(current: DiscordWorld): Promise<{ binome: Binome; channelId: string }> {
  const alice = discordPerson(current, 'alice', 'fr');
  await alice.fillForm(await alice.runCommand('mentorat.enrol'), { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' });
  const dan = discordPerson(current, 'dan', 'fr');
  await dan.fillForm(await dan.runCommand('mentorat.enrol'), MENTEE_FORM);
  const coord = discordPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.referents', { action: 'add', person: userIdOf('ref') });
  await coord.runCommand('admin.propose');
  await coord.runCommand('admin.confirm');
  await coord.runCommand('admin.announce');
  const [binome] = await current.app.ports.binomes.listByCommunity(community);
  if (!binome) throw new Error('no binôme');
  const channel = current.fake
    .channelsOf(GUILD_ID)
    .find((candidate) => (candidate.topic ?? '').includes(spaceMarker(`binome-${binome.id}`)));
  if (!channel) throw new Error('no channel');
  return { binome, channelId: channel.id };
}

async function withdraw(current: DiscordWorld, name: string): Promise<void> {
  const person = discordPerson(current, name, 'fr');
  await person.runCommand('mentorat.withdraw');
  await person.press('confirm');
}

const seeing = (current: DiscordWorld, channelId: string) => PEOPLE.filter((name) => current.fake.canView(channelId, userIdOf(name)));
const sending = (current: DiscordWorld, channelId: string) => PEOPLE.filter((name) => current.fake.canSend(channelId, userIdOf(name)));
const notices = (current: DiscordWorld, channelId: string) =>
  current.fake.messagesIn(channelId).filter((message) => plain(message.content).includes(NOTICE));

const archiveJob = (binome: string): Job => ({
  schemaVersion: 1,
  community,
  kind: 'space.archive',
  key: binome,
  dueAt: new Date().toISOString(),
  payload: { binome },
  attempts: 0,
  createdAt: new Date().toISOString(),
});

describe('a binôme that ends, on Discord', () => {
  it('when the mentoré withdraws: they no longer see the channel, the others read that it ended, never why', async () => {
    world = await startDiscordWorld();
    const { channelId } = await announcedBinome(world);
    expect(seeing(world, channelId)).toEqual(['alice', 'dan', 'ref']);
    await withdraw(world, 'dan');
    expect(seeing(world, channelId)).toEqual(['alice', 'ref']);
    const [notice, ...more] = notices(world, channelId);
    expect(more).toEqual([]);
    expect(plain(notice?.content ?? '')).not.toMatch(/quitt|retir|effac/i);
    // The reason goes privately to those who stay, as before.
    expect(world.fake.dmsTo(userIdOf('alice')).at(-1)?.content).toContain(plain(translate('fr', 'binome.dissolved.next')).slice(0, 20));
  });

  it('at the end of the cycle: members still read the channel but can no longer write, and it sits under the archive category', async () => {
    world = await startDiscordWorld();
    world.fake.addChannel(GUILD_ID, { id: ARCHIVE_CATEGORY_ID, name: 'Binômes archivés', type: 4 });
    const { binome, channelId } = await announcedBinome(world);
    expect(world.fake.channel(channelId)?.parentId).toBe(SPACES_CATEGORY_ID);
    expect(await scheduleSpaceArchive(world.app.ports, community, binome.id, new Date())).toBe(true);
    await world.app.jobs.runDue();
    expect(world.fake.channel(channelId)?.parentId).toBe(ARCHIVE_CATEGORY_ID);
    expect(seeing(world, channelId)).toEqual(['alice', 'dan', 'ref']);
    expect(sending(world, channelId)).toEqual([]);
    expect(world.fake.canSend(channelId, world.fake.botUserId)).toBe(true);
    expect(notices(world, channelId)).toHaveLength(1);
    // Run again, as after a crash whose outcome was never recorded: still one notice, still archived.
    const again = {
      community,
      programme: discordProgrammes().programmeFor(community),
      ports: world.app.ports,
      attempt: 2,
      mayHaveRun: true,
    };
    expect(await spaceArchiveJob.run(again, archiveJob(binome.id))).toEqual({ status: 'done' });
    expect(notices(world, channelId)).toHaveLength(1);
    expect(world.fake.channel(channelId)?.parentId).toBe(ARCHIVE_CATEGORY_ID);
  });

  it('without the archive category: the coordinators are told to create it, the job retries, then archives once it exists', async () => {
    world = await startDiscordWorld();
    const { binome, channelId } = await announcedBinome(world);
    const context = {
      community,
      programme: discordProgrammes().programmeFor(community),
      ports: world.app.ports,
      attempt: 1,
      mayHaveRun: false,
    };
    expect(await spaceArchiveJob.run(context, archiveJob(binome.id))).toMatchObject({ status: 'retry' });
    const coordination = world.fake.channelsOf(GUILD_ID).find((channel) => (channel.topic ?? '').includes(spaceMarker('coordination')));
    const told = world.fake.messagesIn(coordination?.id ?? '').map((message) => message.content);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Binômes archivés');
    expect(seeing(world, coordination?.id ?? '')).toContain('coord');
    world.fake.addChannel(GUILD_ID, { id: ARCHIVE_CATEGORY_ID, name: 'Binômes archivés', type: 4 });
    expect(await spaceArchiveJob.run({ ...context, attempt: 2 }, archiveJob(binome.id))).toEqual({ status: 'done' });
    expect(world.fake.channel(channelId)?.parentId).toBe(ARCHIVE_CATEGORY_ID);
    expect(notices(world, channelId)).toHaveLength(1);
  });

  it('when the bot lost Manage Roles: the mentoré still leaves, and the coordinators are told what to grant', async () => {
    world = await startDiscordWorld();
    const { binome, channelId } = await announcedBinome(world);
    world.fake.setBotPermissions(
      GUILD_ID,
      (PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.ManageChannels |
        PermissionFlagsBits.ReadMessageHistory) as bigint,
    );
    await withdraw(world, 'dan');
    expect((await world.app.ports.binomes.find(community, binome.id))?.status).toBe('dissolved');
    // Discord refused: Dan still sees the channel, and the coordinators learn what to grant.
    expect(world.fake.canView(channelId, userIdOf('dan'))).toBe(true);
    const coordination = world.fake.channelsOf(GUILD_ID).find((channel) => (channel.topic ?? '').includes(spaceMarker('coordination')));
    const told = world.fake.messagesIn(coordination?.id ?? '').map((message) => plain(message.content));
    expect(told).toEqual([expect.stringContaining('Manage Roles')]);
    expect(told[0]).toContain(plain(translate('fr', 'binome.space.problemsTitle')));
  });
  it('removes and archives again harmlessly: a member already gone, a channel already archived (no second edit), a channel deleted', async () => {
    world = await startDiscordWorld();
    world.fake.addChannel(GUILD_ID, { id: ARCHIVE_CATEGORY_ID, name: 'Binômes archivés', type: 4 });
    const { channelId } = await announcedBinome(world);
    const { chat } = world.app.ports;
    expect(await chat.removeFromSpace(community, channelId, userIdOf('dan'))).toEqual({ ok: true });
    expect(await chat.removeFromSpace(community, channelId, userIdOf('dan'))).toEqual({ ok: true });
    expect(seeing(world, channelId)).toEqual(['alice', 'ref']);
    expect(await chat.archiveSpace(community, channelId)).toEqual({ ok: true });
    const edits = () => world?.fake.requests.filter((request) => request.method === 'PATCH' && request.path.includes(channelId)).length;
    const before = edits();
    expect(before).toBeGreaterThan(0);
    expect(await chat.archiveSpace(community, channelId)).toEqual({ ok: true });
    expect(edits()).toBe(before);
    expect(await chat.archiveSpace(community, '930000000000000999')).toEqual({ ok: false, reason: 'unreachable' });
    expect(await chat.removeFromSpace(community, '930000000000000999', userIdOf('dan'))).toEqual({ ok: false, reason: 'unreachable' });
  });
});
