import { afterEach, describe, expect, it } from 'vitest';
import type { Binome } from '../../src/core/binomes/binome';
import { scheduleSpaceArchive, spaceArchiveJob } from '../../src/core/binomes/space-archive-job';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import type { Job } from '../../src/core/jobs/job';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { plain } from '../scenarios/scenario';
import { slackPerson } from '../scenarios/slack-driver';
import { SLACK_PEOPLE, type SlackWorld, slackProgrammes, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const NOTICE = plain(translate('fr', 'binome.ended.spaceNotice'));
const communityOf = (current: SlackWorld): CommunityRef => ({ platform: 'slack', id: current.fake.teamId });
const nameOf = (userId: string) => SLACK_PEOPLE.find((name) => slackUserIdOf(name) === userId) ?? userId;

/** Alice (mentor) and Dan (mentoré) enrol through the modal, `coord` confirms and announces (référent: `ref`). */
async function announcedBinome(current: SlackWorld): Promise<{ binome: Binome; channelId: string }> {
  await slackPerson(current, 'alice', 'fr').runCommand('mentorat.enrol', {}, { ...MENTOR_FORM, name: 'Alice Martin', capacity: '1' });
  await slackPerson(current, 'dan', 'fr').runCommand('mentorat.enrol', {}, MENTEE_FORM);
  const coord = slackPerson(current, 'coord', 'fr');
  await coord.runCommand('admin.propose');
  await coord.runCommand('admin.confirm');
  await coord.runCommand('admin.announce');
  const [binome] = await current.bot.ports.binomes.listByCommunity(communityOf(current));
  if (!binome) throw new Error('no binôme');
  const channel = current.fake.channels.find((candidate) => candidate.isPrivate && candidate.members.includes(slackUserIdOf('dan')));
  if (!channel) throw new Error('no channel');
  return { binome, channelId: channel.id };
}

async function withdraw(current: SlackWorld, name: string): Promise<void> {
  const person = slackPerson(current, name, 'fr');
  await person.runCommand('mentorat.withdraw');
  await person.press('confirm');
}

const channel = (current: SlackWorld, id: string) => current.fake.channels.find((candidate) => candidate.id === id);
const members = (current: SlackWorld, id: string) =>
  (channel(current, id)?.members ?? [])
    .filter((member) => member !== current.fake.botUserId)
    .map(nameOf)
    .sort();
const notices = (current: SlackWorld, id: string) => current.fake.messagesIn(id).filter((message) => plain(message.text).includes(NOTICE));

const archiveJob = (current: SlackWorld, binome: string): Job => ({
  schemaVersion: 1,
  community: communityOf(current),
  kind: 'space.archive',
  key: binome,
  dueAt: new Date().toISOString(),
  payload: { binome },
  attempts: 0,
  createdAt: new Date().toISOString(),
});

describe('a binôme that ends, on Slack', () => {
  it('when the mentoré withdraws: they are removed from the channel, the others read that it ended, never why', async () => {
    world = await startSlackWorld();
    const { channelId } = await announcedBinome(world);
    expect(members(world, channelId)).toEqual(['alice', 'dan', 'ref']);
    await withdraw(world, 'dan');
    expect(members(world, channelId)).toEqual(['alice', 'ref']);
    const [notice, ...more] = notices(world, channelId);
    expect(more).toEqual([]);
    expect(plain(notice?.text ?? '')).not.toMatch(/quitt|retir|effac/i);
  });

  it('at the end of the cycle: the channel is archived, its members kept, with one end notice however often the job runs', async () => {
    world = await startSlackWorld();
    const { binome, channelId } = await announcedBinome(world);
    expect(await scheduleSpaceArchive(world.bot.ports, communityOf(world), binome.id, new Date())).toBe(true);
    await world.bot.jobs.runDue();
    expect(channel(world, channelId)?.archived).toBe(true);
    expect(members(world, channelId)).toEqual(['alice', 'dan', 'ref']);
    expect(notices(world, channelId)).toHaveLength(1);
    const again = {
      community: communityOf(world),
      programme: slackProgrammes().programmeFor(communityOf(world)),
      ports: world.bot.ports,
      attempt: 2,
      mayHaveRun: true,
    };
    expect(await spaceArchiveJob.run(again, archiveJob(world, binome.id))).toEqual({ status: 'done' });
    expect(notices(world, channelId)).toHaveLength(1);
  });

  it('when the app lacks groups:write: the mentoré still leaves, and the coordinators are told which scope to grant', async () => {
    world = await startSlackWorld();
    const { binome, channelId } = await announcedBinome(world);
    world.fake.withoutScope('conversations.kick', 'groups:write');
    await withdraw(world, 'dan');
    expect((await world.bot.ports.binomes.find(communityOf(world), binome.id))?.status).toBe('dissolved');
    expect(members(world, channelId)).toContain('dan');
    const coordination = world.fake.channels.find(
      (candidate) => candidate.id !== channelId && candidate.isPrivate && candidate.members.includes(slackUserIdOf('coord')),
    );
    const told = world.fake.messagesIn(coordination?.id ?? '').map((message) => plain(message.text));
    expect(told).toEqual([expect.stringContaining('groups:write')]);
    expect(told[0]).toContain(plain(translate('fr', 'binome.space.problemsTitle')));
  });
});
