import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { binomeSpaceKey } from '../../../src/core/binomes/binome-spaces';
import { confirmErasure, exportOwnData, requestErasure } from '../../../src/core/participants/own-data';
import type { ChatPlatform } from '../../../src/core/ports';
import type { Reply } from '../../../src/core/reply';
import { attachmentText } from '../../../src/core/reply';
import { createSlackPersonalData } from '../../../src/platforms/slack/slack-personal-data';
import { createSlackSpaceRecords } from '../../../src/platforms/slack/slack-spaces';
import { createTerminalPlatform } from '../../../src/platforms/terminal/terminal-platform';
import { createTranscript } from '../../../src/platforms/terminal/transcript';
import { createStore } from '../../../src/store/create-store';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { enrolMentee, enrolMentor, makeBinome, markAnnounced } from '../../support/pairing-people';
import { createRecordingChat } from '../../support/recording-chat';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

const opened: UseCaseWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

/** A world whose chat port is `chatOf(store)`, with Dan and Erin in binôme p1 (référent: ref). */
async function worldWith(chatOf: (store: KeyValueStore) => ChatPlatform) {
  const store = await createStore('memory://');
  const world = await createUseCaseWorld({ store, chat: Object.assign(chatOf(store), { events: [] }) });
  opened.push(world);
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentor(world, 'erin', 'Erin Roux');
  await world.ports.binomes.add(makeBinome({ id: 'p1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
  await markAnnounced(world, 'p1');
  return world;
}

function terminalChat(store: KeyValueStore): ChatPlatform {
  const output = new PassThrough().resume();
  return createTerminalPlatform(createTranscript(output, false), async () => true, store);
}

/** The "my data" file of someone, parsed. */
async function myData(world: UseCaseWorld, userId: string): Promise<Record<string, unknown>> {
  const reply = await exportOwnData(world.as({ userId }));
  const attached = reply.kind === 'messages' ? reply.messages[0]?.attachments?.[0] : undefined;
  const file = attached && attachmentText(attached);
  return JSON.parse(file ?? '{}') as Record<string, unknown>;
}

async function erase(world: UseCaseWorld, userId: string): Promise<Reply> {
  const me = world.as({ userId });
  const asked = await requestErasure(me);
  const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
  if (!yes) throw new Error('expected a confirmation button');
  return confirmErasure(me, yes.args);
}

/** Every record left in the store, keys and values, as one text to search. */
async function everythingStored(store: KeyValueStore): Promise<string> {
  const all: string[] = [];
  for await (const [key, value] of store.scan('')) all.push(`${key} ${JSON.stringify(value)}`);
  return all.join('\n');
}

describe('"my data" and erasure on the terminal', () => {
  it('include the binôme space the terminal recorded, and the messages printed to the person', async () => {
    const world = await worldWith(terminalChat);
    await world.chat.openPrivateSpace(TERMINAL, {
      key: binomeSpaceKey('p1'),
      name: 'binome Dan Leroy Erin Roux',
      memberIds: ['dan', 'erin', 'ref'],
    });
    await world.chat.sendDirectMessage(TERMINAL, 'dan', { text: 'Pas de binôme' }, { key: 'waitlist|1|dan' });

    expect((await myData(world, 'dan')).terminal).toEqual([
      { kind: 'space', key: 'binome-p1', name: 'binome-dan-leroy-erin-roux', members: ['dan', 'erin', 'ref'] },
      { kind: 'delivery', key: 'waitlist|1|dan' },
    ]);
    expect(await everythingStored(world.store)).toContain('dan-leroy');

    await erase(world, 'dan');
    const left = await everythingStored(world.store);
    expect(left).not.toMatch(/dan-leroy|Dan Leroy/);
    expect(left).not.toMatch(/\bdan\b/);
    expect((await myData(world, 'dan')).terminal).toEqual([]);
  });

  it('keeps a space a référent followed, without them, when the référent erases their data', async () => {
    const world = await worldWith(terminalChat);
    await world.chat.openPrivateSpace(TERMINAL, { key: binomeSpaceKey('p1'), name: 'binome Dan Erin', memberIds: ['dan', 'erin', 'ref'] });
    await erase(world, 'ref');
    expect((await myData(world, 'dan')).terminal).toEqual([
      { kind: 'space', key: 'binome-p1', name: 'binome-dan-erin', members: ['dan', 'erin'] },
    ]);
  });
});

describe('"my data" and erasure on Slack', () => {
  it('include the record of the binôme channel, named after both members, and forget it', async () => {
    const slack = { platform: 'slack', id: 'T0TEAM' } as const;
    const world = await worldWith((store) => ({ ...createRecordingChat(), personalData: createSlackPersonalData(store) }));
    // The world's people are on the terminal community; the records below are the Slack adapter's for the same ids.
    const records = createSlackSpaceRecords(world.store);
    await records.save(TERMINAL, { key: binomeSpaceKey('p1'), channelId: 'C0P1', name: 'binome-dan-leroy-erin-roux' });
    await records.save(slack, { key: binomeSpaceKey('p1'), channelId: 'C0OTHER', name: 'binome-other-workspace' });

    expect((await myData(world, 'erin')).slack).toEqual([
      { kind: 'space', key: 'binome-p1', channelId: 'C0P1', name: 'binome-dan-leroy-erin-roux' },
    ]);
    await erase(world, 'erin');
    expect(await records.find(TERMINAL, binomeSpaceKey('p1'))).toBeUndefined();
    expect(await records.find(slack, binomeSpaceKey('p1'))).toBeDefined();
    expect(await everythingStored(world.store)).not.toContain('erin-roux');
  });
});
