import { afterEach, describe, expect, it } from 'vitest';
import type { Binome } from '../../src/core/binomes/binome';
import { type MessageKey, type MessageParams, translate, translateUnchecked } from '../../src/core/i18n/translate';
import { createStore } from '../../src/store/create-store';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { plain } from '../scenarios/scenario';
import { slackPerson } from '../scenarios/slack-driver';
import { SLACK_PEOPLE, type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Slack writes bold as `*…*`: texts are compared without markup. */
const fragment = (key: MessageKey, params?: MessageParams) => plain(translateUnchecked('fr', key, params).split(/\{\w+\}/)[0] ?? '');

const MENTORS = [
  { name: 'alice', form: { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' } },
  { name: 'bob', form: { ...MENTOR_FORM, name: 'Bob Lambert', affiliation: 'Sanofi', capacity: '1' } },
];
const MENTEES = [
  { name: 'dan', form: MENTEE_FORM },
  { name: 'erin', form: { ...MENTEE_FORM, name: 'Erin Roux', affiliation: 'Université de Nantes' } },
];

/** Two mentors, two mentorés, enrolled through the Slack modal; `coord` confirms the proposal (référent: `ref`, named by id). */
async function confirmedRound(current: SlackWorld): Promise<Binome[]> {
  for (const { name, form } of [...MENTORS, ...MENTEES]) await slackPerson(current, name, 'fr').runCommand('mentorat.enrol', {}, form);
  const coord = slackPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.propose');
  await coord.runCommand('admin.confirm');
  const binomes = await current.bot.ports.binomes.listByCommunity({ platform: 'slack', id: current.fake.teamId });
  expect(binomes).toHaveLength(2);
  return binomes;
}

/** The coordinator's latest private answer. */
function lastAnswer(current: SlackWorld): string {
  const post = current.fake.responseUrlPosts.at(-1)?.body as { text?: string } | undefined;
  return plain(post?.text ?? '');
}

async function announce(current: SlackWorld): Promise<string> {
  await slackPerson(current, 'coord', 'fr').runCommand('admin.announce');
  return lastAnswer(current);
}

const nameOf = (userId: string) => SLACK_PEOPLE.find((name) => slackUserIdOf(name) === userId) ?? userId;

/** One private channel holding exactly the binôme's three people and the bot, one welcome there, one DM to each. */
function expectAnnouncedOnce(current: SlackWorld, binome: Binome): void {
  const people = [binome.mentee, binome.mentor, binome.referent ?? ''].map(nameOf).sort();
  const channels = current.fake.channels.filter(
    (channel) => channel.isPrivate && people.every((name) => channel.members.includes(slackUserIdOf(name))),
  );
  expect(channels).toHaveLength(1);
  const [channel] = channels;
  if (!channel) return;
  expect(
    channel.members
      .filter((member) => member !== current.fake.botUserId)
      .map(nameOf)
      .sort(),
  ).toEqual(people);
  const texts = (messages: readonly { text: string }[]) => messages.map((message) => plain(message.text));
  expect(texts(current.fake.messagesIn(channel.id))).toEqual([expect.stringContaining(fragment('announce.welcome.title'))]);
  expect(texts(current.fake.dmsTo(binome.mentee))).toEqual([expect.stringContaining(fragment('announce.dm.mentee'))]);
  expect(texts(current.fake.dmsTo(binome.mentor))).toEqual([expect.stringContaining(fragment('announce.dm.mentor'))]);
}

describe('/mentorat-admin annoncer on Slack', () => {
  it('announces each binôme once in a private channel of exactly its people, and a second run sends nothing', async () => {
    world = await startSlackWorld();
    const binomes = await confirmedRound(world);
    const summary = await announce(world);
    expect(summary).toContain(fragment('announce.summary'));
    expect(summary).toContain('2/2');
    for (const binome of binomes) expectAnnouncedOnce(world, binome);
    expect(world.fake.dmsTo(slackUserIdOf('ref'))).toHaveLength(2);

    const posts = world.fake.calls.filter((call) => ['chat.postMessage', 'conversations.create'].includes(call.method)).length;
    expect(await announce(world)).toBe(plain(translate('fr', 'announce.nothingLeft', { count: 2 })));
    expect(world.fake.calls.filter((call) => ['chat.postMessage', 'conversations.create'].includes(call.method))).toHaveLength(posts);
  }, 30_000);

  it('says which binôme could not be announced because a member left the workspace, and announces the others', async () => {
    world = await startSlackWorld();
    const binomes = await confirmedRound(world);
    world.fake.refuseUser(slackUserIdOf('dan'), 'user_disabled');
    const summary = await announce(world);
    expect(summary).toContain(fragment('announce.spaceFailures'));
    expect(summary).toContain('Dan Leroy');
    expect(summary).toContain(fragment('chat.problem.unreachable'));
    expect(summary).toContain('1/2');
    const others = binomes.filter((binome) => binome.mentee !== slackUserIdOf('dan'));
    for (const binome of others) expectAnnouncedOnce(world, binome);
    expect(world.fake.dmsTo(slackUserIdOf('dan'))).toEqual([]);
  }, 30_000);

  it('stops between two binômes when the app is stopped mid-way, and a new app on the same data finishes: each binôme once', async () => {
    const store = await createStore('memory://');
    const first = await startSlackWorld({ store });
    world = first;
    const binomes = await confirmedRound(first);
    // One message a second: the first binôme's DMs wait for Slack, long enough to stop the app meanwhile.
    first.fake.limitRate('chat.postMessage', { calls: 1, perSeconds: 1 });
    await first.fake.slashCommand({ command: '/mentorat-admin', text: 'annoncer', userId: slackUserIdOf('coord') });
    const welcomed = () => first.fake.channels.some((channel) => channel.isPrivate && first.fake.messagesIn(channel.id).length > 0);
    for (let waited = 0; !welcomed() && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(welcomed()).toBe(true);
    await first.stopBot();
    const interrupted = lastAnswer(first);
    expect(interrupted).toContain(fragment('announce.stoppedShutdown'));
    expect(interrupted).toContain('1/2');
    const begun = binomes.filter((binome) =>
      first.fake.channels.some((channel) => channel.isPrivate && channel.members.includes(binome.mentee)),
    );
    expect(begun).toHaveLength(1);

    first.fake.limitRate('chat.postMessage', { calls: 1000, perSeconds: 1 });
    world = await startSlackWorld({ store, fake: first.fake });
    const resumed = await announce(world);
    expect(resumed).toContain('1/1');
    expect(resumed).not.toContain(fragment('announce.runAgain'));
    for (const binome of binomes) expectAnnouncedOnce(world, binome);
    expect(world.fake.dmsTo(slackUserIdOf('ref'))).toHaveLength(2);
  }, 30_000);
});
