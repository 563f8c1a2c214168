import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { decodeButtonId, SHARED_OWNER } from '../../src/dispatch/button-id';
import { createStore } from '../../src/store/create-store';
import type { FakeSlackMessage } from '../fakes/slack/types';
import { caseCommand, caseMessage } from '../platforms/button-command';
import { blocksOf, slackPerson } from '../scenarios/slack-driver';
import { COORDINATORS_GROUP_ID, SLACK_PEOPLE, type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const start = (store?: Awaited<ReturnType<typeof createStore>>, fake?: SlackWorld['fake']) =>
  startSlackWorld({ commands: [caseCommand], ...(store ? { store } : {}), ...(fake ? { fake } : {}) });
const communityOf = (current: SlackWorld): CommunityRef => ({ platform: 'slack', id: current.fake.teamId });

const buttonsOf = (message: FakeSlackMessage) =>
  blocksOf(message.blocks).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));

function buttonFor(message: FakeSlackMessage, action: string): string {
  const found = buttonsOf(message).find((element) => element.action_id && decodeButtonId(element.action_id)?.action === action);
  if (!found?.action_id) throw new Error(`no ${action} button on "${message.text}"`);
  return found.action_id;
}

async function dmTo(current: SlackWorld, name: string): Promise<FakeSlackMessage> {
  expect(await current.bot.ports.chat.sendDirectMessage(communityOf(current), slackUserIdOf(name), caseMessage('D-1'))).toEqual({
    ok: true,
  });
  const message = current.fake.dmsTo(slackUserIdOf(name)).at(-1);
  if (!message) throw new Error(`no DM to ${name}`);
  return message;
}

/** Presses the button and returns the private answer the presser sees. */
async function press(current: SlackWorld, name: string, message: FakeSlackMessage, action: string): Promise<string> {
  const before = current.fake.responseUrlPosts.length;
  await current.fake.blockAction({ userId: slackUserIdOf(name), actionId: buttonFor(message, action), message });
  await current.settle();
  const answer = current.fake.responseUrlPosts.slice(before).at(-1)?.body as { text?: string } | undefined;
  return answer?.text ?? '';
}

describe('buttons on a DM the bot sends by itself, on Slack', () => {
  it('arrive under the text, as blocks, and are the recipient’s', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    expect(message.text).toBe('Dossier D-1');
    expect(buttonsOf(message).map((element) => element.text?.text)).toEqual(['Prendre', 'Noter', 'Répondre']);
    expect(buttonsOf(message).map((element) => decodeButtonId(element.action_id ?? '')?.owner)).toEqual(
      Array(3).fill(slackUserIdOf('ref')),
    );
  });

  it('run the action for the recipient when pressed in the DM, in their workspace and with their roles', async () => {
    world = await start();
    const teamId = world.fake.teamId;
    expect(await press(world, 'ref', await dmTo(world, 'ref'), 'take')).toBe(
      `D-1 pris par <@${slackUserIdOf('ref')}> (referent) dans ${teamId}`,
    );
    expect(await press(world, 'coord', await dmTo(world, 'coord'), 'take')).toBe(
      `D-1 pris par <@${slackUserIdOf('coord')}> (coordinator) dans ${teamId}`,
    );
  });

  it('are refused to anyone else, even when the message reaches them (copied into a channel)', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    const posted = await world.bot.app.client.chat.postMessage({
      channel: world.fake.generalChannelId,
      text: message.text,
      blocks: message.blocks as never,
    });
    const copy = world.fake.messagesIn(world.fake.generalChannelId).find((candidate) => candidate.ts === posted.ts);
    if (!copy) throw new Error('no copy');
    expect(await press(world, 'zoe', copy, 'take')).toBe(translate('fr', 'button.notForYou'));
  });

  it('open the action’s form from the DM, and its submission reaches the command with the values and the workspace', async () => {
    world = await start();
    const message = await dmTo(world, 'ref');
    const viewsBefore = world.fake.views.length;
    await world.fake.blockAction({ userId: slackUserIdOf('ref'), actionId: buttonFor(message, 'note'), message });
    await world.settle();
    const opened = world.fake.views.slice(viewsBefore).find((view) => view.kind === 'open');
    if (!opened) throw new Error('no form opened');
    await slackPerson(world, 'ref', 'fr').fillModal(opened.id, { texte: 'Rappeler lundi' });
    const answer = world.fake.responseUrlPosts.at(-1)?.body as { text?: string } | undefined;
    expect(answer?.text).toBe(`note de <@${slackUserIdOf('ref')}> dans ${world.fake.teamId} : Rappeler lundi`);
  });

  it('keep a keyed DM once: found again by its metadata after a restart, its buttons with it', async () => {
    const store = await createStore('memory://');
    world = await start(store);
    const keyed = { key: 'case:D-1:ref' };
    const chat = () => world?.bot.ports.chat;
    expect(await chat()?.sendDirectMessage(communityOf(world), slackUserIdOf('ref'), caseMessage('D-1'), keyed)).toEqual({ ok: true });
    await world.stopBot();
    world = await start(store, world.fake);
    const again = { ...keyed, mayHaveBeenSent: true };
    expect(await chat()?.sendDirectMessage(communityOf(world), slackUserIdOf('ref'), caseMessage('D-1'), again)).toEqual({ ok: true });
    const [dm, ...others] = world.fake.dmsTo(slackUserIdOf('ref'));
    if (!dm) throw new Error('no DM');
    expect(others).toEqual([]);
    expect(dm.metadata?.event_payload).toEqual({ key: 'case:D-1:ref' });
    expect(buttonsOf(dm)).toHaveLength(3);
  });
});

describe('buttons on a post in a space, on Slack', () => {
  async function casePosted(current: SlackWorld, ...names: string[]): Promise<FakeSlackMessage> {
    const opened = await current.bot.ports.chat.openPrivateSpace(communityOf(current), {
      key: 'coordination',
      name: 'Coordination',
      memberIds: names.map(slackUserIdOf),
    });
    if (!opened.ok) throw new Error(`not opened: ${opened.reason}`);
    expect(await current.bot.ports.chat.postInSpace(communityOf(current), opened.space.id, caseMessage('D-2'))).toEqual({ ok: true });
    const posted = current.fake.messagesIn(opened.space.id).at(-1);
    if (!posted) throw new Error('nothing posted');
    return posted;
  }

  it('can be pressed by any member when the command shares the action, each for themselves', async () => {
    world = await start();
    const posted = await casePosted(world, 'alice', 'coord');
    expect(decodeButtonId(buttonFor(posted, 'take'))?.owner).toBe(SHARED_OWNER);
    const teamId = world.fake.teamId;
    expect(await press(world, 'alice', posted, 'take')).toBe(`D-2 pris par <@${slackUserIdOf('alice')}> (member) dans ${teamId}`);
    expect(await press(world, 'coord', posted, 'take')).toBe(`D-2 pris par <@${slackUserIdOf('coord')}> (coordinator) dans ${teamId}`);
  });

  it('are refused to everyone when the command does not share the action', async () => {
    world = await start();
    const posted = await casePosted(world, 'alice', 'coord');
    expect(await press(world, 'alice', posted, 'reply')).toBe(translate('fr', 'button.notForYou'));
  });
});

describe('a private space open to a user group, on Slack', () => {
  const membersOf = (current: SlackWorld, channelId: string) => {
    const members = current.fake.channels.find((channel) => channel.id === channelId)?.members ?? [];
    return SLACK_PEOPLE.filter((name) => members.includes(slackUserIdOf(name)));
  };

  it('invites exactly the group’s users, the group named by id, by handle or by name', async () => {
    world = await start();
    const chat = world.bot.ports.chat;
    const community = communityOf(world);
    const byId = await chat.openPrivateSpace(community, { key: 'a', name: 'Par id', memberIds: [], memberRoles: [COORDINATORS_GROUP_ID] });
    const byHandle = await chat.openPrivateSpace(community, {
      key: 'b',
      name: 'Par handle',
      memberIds: [slackUserIdOf('alice')],
      memberRoles: ['@referents', 'S0GONE', 'groupe-disparu'],
    });
    const byName = await chat.openPrivateSpace(community, {
      key: 'c',
      name: 'Par nom',
      memberIds: [],
      memberRoles: ['coordination MENTORAT'],
    });
    if (!byId.ok || !byHandle.ok || !byName.ok) throw new Error('not opened');
    expect(membersOf(world, byId.space.id)).toEqual(['erin']);
    expect(membersOf(world, byHandle.space.id)).toEqual(['alice', 'ref']);
    expect(membersOf(world, byName.space.id)).toEqual(['erin']);
  });

  it('is not opened when nobody would be in it: no member named and no group found', async () => {
    world = await start();
    const channelsBefore = world.fake.channels.length;
    expect(
      await world.bot.ports.chat.openPrivateSpace(communityOf(world), {
        key: 'x',
        name: 'Personne',
        memberIds: [],
        memberRoles: ['S0GONE'],
      }),
    ).toEqual({ ok: false, reason: 'unreachable', detail: 'S0GONE' });
    expect(world.fake.channels).toHaveLength(channelsBefore);
  });
});
