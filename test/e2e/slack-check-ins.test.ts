import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { plain } from '../scenarios/scenario';
import { slackPerson } from '../scenarios/slack-driver';
import { fixedClock } from '../support/fixed-clock';
import { type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const START = '2026-12-01T09:00:00.000Z';
const WEEK = 7 * 24 * 60 * 60 * 1000;

/** The latest private answer to whoever acted (Slack's `response_url`). */
function lastAnswer(current: SlackWorld): string {
  const post = current.fake.responseUrlPosts.at(-1)?.body as { text?: string } | undefined;
  return plain(post?.text ?? '');
}

/** Alice (mentor) and Dan (mentoré) enrol through the modal; `coord` confirms and announces (référent: `ref`). */
async function announcedPair(current: SlackWorld) {
  await slackPerson(current, 'alice', 'fr').runCommand('mentorat.enrol', {}, { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' });
  await slackPerson(current, 'dan', 'fr').runCommand('mentorat.enrol', {}, MENTEE_FORM);
  const coord = slackPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.propose');
  await coord.runCommand('admin.confirm');
  await coord.runCommand('admin.announce');
  const community: CommunityRef = { platform: 'slack', id: current.fake.teamId };
  const [binome] = await current.bot.ports.binomes.listByCommunity(community);
  if (!binome) throw new Error('no binôme');
  const channel = current.fake.channels.find(
    (candidate) => candidate.isPrivate && candidate.members.includes(binome.mentee) && candidate.members.includes(binome.mentor),
  );
  if (!channel) throw new Error('no binôme channel');
  return { binome, channel, community };
}

describe('check-ins on Slack', () => {
  it('posts round 1 in the private channel two weeks on; a member’s “we met” is stored, the référent’s press is refused', async () => {
    const clock = fixedClock(START);
    world = await startSlackWorld({ clock });
    const { binome, channel, community } = await announcedPair(world);
    expect(binome.referent).toBe(slackUserIdOf('ref'));
    const before = world.fake.messagesIn(channel.id).length;
    clock.set(new Date(Date.parse(START) + 2 * WEEK - 60_000).toISOString());
    await world.bot.jobs.runDue();
    expect(world.fake.messagesIn(channel.id)).toHaveLength(before);
    clock.set(new Date(Date.parse(START) + 2 * WEEK).toISOString());
    await world.bot.jobs.runDue();
    const posts = world.fake.messagesIn(channel.id).slice(before);
    expect(posts.map((post) => plain(post.text))).toEqual([
      expect.stringContaining(plain(translate('fr', 'checkIn.post.title', { round: 1 }))),
    ]);

    const dmsBefore = world.fake.dmsTo(binome.mentor).length;
    const ephemeralsBefore = world.fake.ephemeralsTo(binome.mentor).length;
    await slackPerson(world, 'ref', 'fr').press('met');
    expect(lastAnswer(world)).toBe(plain(translate('fr', 'checkIn.notAMember')));
    expect((await world.bot.ports.checkIns.find(community, binome.id, 1))?.answers).toEqual([]);

    await slackPerson(world, 'dan', 'fr').press('met');
    expect(lastAnswer(world)).toBe(plain(translate('fr', 'checkIn.answered.met', { round: 1 })));
    const stored = await world.bot.ports.checkIns.find(community, binome.id, 1);
    expect(stored?.answers.map((answer) => [answer.by, answer.answer, answer.at])).toEqual([
      [slackUserIdOf('dan'), 'met', new Date(Date.parse(START) + 2 * WEEK).toISOString()],
    ]);
    // The channel holds only the question for everyone; the other member gets nothing new.
    expect(
      world.fake
        .messagesIn(channel.id)
        .slice(before)
        .filter((message) => !message.ephemeral),
    ).toHaveLength(1);
    expect(world.fake.ephemeralsTo(binome.mentor)).toHaveLength(ephemeralsBefore);
    expect(world.fake.dmsTo(binome.mentor)).toHaveLength(dmsBefore);
  });

  it('opens the report form in a modal when a member presses “I need help”', async () => {
    const clock = fixedClock(START);
    world = await startSlackWorld({ clock });
    const { binome, community } = await announcedPair(world);
    clock.set(new Date(Date.parse(START) + 2 * WEEK).toISOString());
    await world.bot.jobs.runDue();
    const viewsBefore = world.fake.views.length;
    await slackPerson(world, 'alice', 'fr').press('help');
    const views = world.fake.views.slice(viewsBefore);
    const last = views.at(-1)?.view as { title?: { text?: string } } | undefined;
    expect(views[0]?.kind).toBe('open');
    expect(last?.title?.text).toContain(translate('fr', 'report.form.title').slice(0, 20));
    expect((await world.bot.ports.checkIns.find(community, binome.id, 1))?.answers.map((answer) => answer.answer)).toEqual(['help']);
  });
});
