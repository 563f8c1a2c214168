import { afterEach, describe, expect, it } from 'vitest';
import type { Binome } from '../../src/core/binomes/binome';
import type { Locale } from '../../src/core/i18n/locale';
import { type MessageKey, type MessageParams, translate, translateUnchecked } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { spaceMarker } from '../../src/platforms/discord/discord-spaces';
import { createStore } from '../../src/store/create-store';
import type { FakeInteraction } from '../fakes/discord/types';
import { discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { type DiscordWorld, GUILD_ID, nameOfUserId, PEOPLE, startDiscordWorld, userIdOf } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
/** The text of a catalogue entry up to its first placeholder, as it shows inside a longer message. */
const fragment = (locale: Locale, key: MessageKey, params?: MessageParams) =>
  (translateUnchecked(locale, key, params).split(/\{\w+\}/)[0] ?? '').trim();

const MENTORS = [
  { name: 'alice', form: { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' } },
  { name: 'bob', form: { ...MENTOR_FORM, name: 'Bob Lambert', affiliation: 'Sanofi', capacity: '1' } },
  { name: 'carol', form: { ...MENTOR_FORM, name: 'Carol Garnier', affiliation: 'CNRS Toulouse', capacity: '1' } },
];
const MENTEES = [
  { name: 'dan', form: MENTEE_FORM },
  { name: 'erin', form: { ...MENTEE_FORM, name: 'Erin Roux', affiliation: 'Université de Nantes' } },
  { name: 'fay', form: { ...MENTEE_FORM, name: 'Fay Morel', affiliation: 'Inserm Lille' } },
];

/**
 * People enrol through the Discord form, a coordinator adds `ref` as référent (the Discord
 * programme names référents by role only), shows the proposal and confirms it: `pairs` binômes.
 */
async function confirmedRound(current: DiscordWorld, pairs: number): Promise<Binome[]> {
  for (const { name, form } of [...MENTORS.slice(0, pairs), ...MENTEES.slice(0, pairs)]) {
    const person = discordPerson(current, name, 'fr');
    await person.fillForm(await person.runCommand('mentorat.enrol'), form);
  }
  const coord = discordPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.referents', { action: 'add', person: userIdOf('ref') });
  await coord.runCommand('admin.propose');
  const confirmed = await coord.runCommand('admin.confirm');
  expect(contentOf(confirmed)).toContain(translate('fr', 'confirm.done', { count: pairs }));
  const binomes = await current.app.ports.binomes.listByCommunity(community);
  expect(binomes.map((binome) => binome.referent)).toEqual(Array.from({ length: pairs }, () => userIdOf('ref')));
  return binomes;
}

function contentOf(interaction: FakeInteraction): string {
  return latestMessage(interaction)?.content ?? '';
}

function announce(current: DiscordWorld): Promise<FakeInteraction> {
  return discordPerson(current, 'coord', 'fr').runCommand('admin.announce');
}

/** The channels holding this binôme's space (its key is in the topic). */
function channelsOf(current: DiscordWorld, binome: Binome) {
  const marker = spaceMarker(`binome-${binome.id}`);
  return current.fake.channelsOf(GUILD_ID).filter((channel) => (channel.topic ?? '').includes(marker));
}

/** Everything people could read: channels, their messages, each person's DMs. */
function whatArrived(current: DiscordWorld) {
  const channels = current.fake.channelsOf(GUILD_ID);
  return {
    channels: channels.map((channel) => channel.id),
    messages: channels.flatMap((channel) => current.fake.messagesIn(channel.id).map((message) => message.id)),
    dms: Object.fromEntries(PEOPLE.map((name) => [name, current.fake.dmsTo(userIdOf(name)).length])),
  };
}

const peopleOf = (binome: Binome) => [binome.mentee, binome.mentor, ...(binome.referent ? [binome.referent] : [])];

/** One channel that exactly its three people and the bot see, one welcome there, one DM to each. */
function expectAnnouncedOnce(current: DiscordWorld, binome: Binome): void {
  const [channel, ...others] = channelsOf(current, binome);
  if (!channel) throw new Error(`no channel for binôme ${binome.id}`);
  expect(others).toEqual([]);
  const seeing = PEOPLE.filter((name) => current.fake.canView(channel.id, userIdOf(name)));
  expect(seeing.sort()).toEqual(
    peopleOf(binome)
      .map((id) => nameOfUserId(id))
      .sort(),
  );
  expect(current.fake.canView(channel.id, current.fake.botUserId)).toBe(true);
  const welcome = current.fake.messagesIn(channel.id);
  expect(welcome).toHaveLength(1);
  expect(welcome[0]?.content).toContain(translate('fr', 'announce.welcome.title'));
  expect(current.fake.dmsTo(binome.mentee).map((dm) => dm.content)).toEqual([
    expect.stringContaining(fragment('fr', 'announce.dm.mentee')),
  ]);
  expect(current.fake.dmsTo(binome.mentor).map((dm) => dm.content)).toEqual([
    expect.stringContaining(fragment('fr', 'announce.dm.mentor')),
  ]);
}

describe('/mentorat-admin annoncer on Discord', () => {
  it('names the permission to grant when Discord refuses the channels, creates nothing, then announces each binôme once', async () => {
    world = await startDiscordWorld();
    const binomes = await confirmedRound(world, 2);
    const before = whatArrived(world);

    world.fake.refuseChannelCreation(GUILD_ID);
    const refused = await announce(world);
    const answer = latestMessage(refused);
    expect(answer?.ephemeral).toBe(true);
    expect(answer?.content).toContain(fragment('fr', 'announce.stoppedPlatform'));
    expect(answer?.content).toContain(fragment('fr', 'chat.problem.missingPermission'));
    expect(answer?.content).toContain('Manage Channels');
    expect(answer?.content).toContain(translate('fr', 'announce.runAgain'));
    // Nothing half-done: no channel, no welcome, no DM.
    expect(whatArrived(world)).toEqual(before);

    world.fake.allowChannelCreation(GUILD_ID);
    const announced = await announce(world);
    expect(latestMessage(announced)?.ephemeral).toBe(true);
    expect(contentOf(announced)).toContain(translate('fr', 'announce.summary', { announced: 2, total: 2 }));
    expect(contentOf(announced)).toContain(translate('fr', 'announce.messagesSent', { count: 6 }));
    for (const binome of binomes) expectAnnouncedOnce(world, binome);
    expect(world.fake.dmsTo(userIdOf('ref')).map((dm) => dm.content)).toEqual([
      expect.stringContaining(fragment('fr', 'announce.dm.referent')),
      expect.stringContaining(fragment('fr', 'announce.dm.referent')),
    ]);

    const done = whatArrived(world);
    const requestsBefore = world.fake.requests.length;
    const again = await announce(world);
    expect(contentOf(again)).toBe(translate('fr', 'announce.nothingLeft', { count: 2 }));
    expect(whatArrived(world)).toEqual(done);
    const posted = world.fake.requests
      .slice(requestsBefore)
      .filter((request) => request.method === 'POST' && /^\/(guilds\/\d+\/channels|channels\/\d+\/messages)$/.test(request.path));
    expect(posted).toEqual([]);
  }, 30_000);

  it('lists a member whose DMs are closed (50007) in the summary, and still welcomes the binôme in its channel', async () => {
    world = await startDiscordWorld();
    const binomes = await confirmedRound(world, 2);
    const dans = binomes.find((binome) => binome.mentee === userIdOf('dan'));
    if (!dans) throw new Error('dan has no binôme');
    world.fake.closeDms(userIdOf('dan'));

    const summary = contentOf(await announce(world));
    expect(summary).toContain(translate('fr', 'announce.summary', { announced: 2, total: 2 }));
    expect(summary).toContain(translate('fr', 'announce.messageFailures', { count: 1 }));
    expect(summary).toContain(`- Dan Leroy (<@${userIdOf('dan')}>) : ${translate('fr', 'chat.problem.dmsClosed')}`);
    expect(summary).toContain(translate('fr', 'announce.willRetry', { attempt: 1 }));

    const [channel] = channelsOf(world, dans);
    if (!channel) throw new Error('no channel for dan’s binôme');
    expect(world.fake.messagesIn(channel.id).map((message) => message.content)).toEqual([
      expect.stringContaining(translate('fr', 'announce.welcome.title')),
    ]);
    expect(world.fake.canView(channel.id, userIdOf('dan'))).toBe(true);
    expect(world.fake.dmsTo(userIdOf('dan'))).toEqual([]);
    expect(world.fake.dmsTo(dans.mentor)).toHaveLength(1);
    expect(world.fake.dmsTo(userIdOf('ref'))).toHaveLength(2);
  }, 30_000);

  it('stops between two binômes when the bot is stopped mid-way, and a new bot on the same data finishes: each binôme once', async () => {
    const store = await createStore('memory://');
    const first = await startDiscordWorld({ store });
    world = first;
    const binomes = await confirmedRound(first, 3);

    // The bot is asked to stop (SIGTERM) while the first welcome is on its way to Discord.
    let stopped: Promise<void> | undefined;
    first.fake.beforeNextRequest({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, () => {
      stopped = first.stopBot();
    });
    const interrupted = await announce(first);
    await stopped;
    expect(stopped).toBeDefined();
    const summary = contentOf(interrupted);
    expect(summary).toContain(translate('fr', 'announce.stoppedShutdown'));
    expect(summary).toContain(translate('fr', 'announce.summary', { announced: 1, total: 3 }));
    expect(summary).toContain(translate('fr', 'announce.runAgain'));
    // The binôme under way was finished (its channel, its welcome, its three DMs); the others were not begun.
    const begun = binomes.filter((binome) => channelsOf(first, binome).length > 0);
    expect(begun).toHaveLength(1);
    const [finished] = begun;
    if (!finished) throw new Error('no binôme begun');
    expectAnnouncedOnce(first, finished);
    expect(first.fake.dmsTo(userIdOf('ref'))).toHaveLength(1);

    world = await startDiscordWorld({ store, fake: first.fake });
    const resumed = contentOf(await announce(world));
    expect(resumed).toContain(translate('fr', 'announce.summary', { announced: 2, total: 2 }));
    // Nothing was left half-done by the stop: no step is busy, nothing to run again.
    expect(resumed).not.toContain(translate('fr', 'announce.runAgain'));
    for (const binome of binomes) expectAnnouncedOnce(world, binome);
    expect(world.fake.dmsTo(userIdOf('ref'))).toHaveLength(3);
    expect(contentOf(await announce(world))).toBe(translate('fr', 'announce.nothingLeft', { count: 3 }));
  }, 30_000);
});
