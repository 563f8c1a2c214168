import { afterEach, describe, expect, it } from 'vitest';
import { archiveBinomeSpace } from '../../../src/core/binomes/binome-ending';
import { dissolveBinome } from '../../../src/core/binomes/dissolve';
import { confirmDissolution, requestDissolution } from '../../../src/core/binomes/manage-binome';
import { SPACE_ARCHIVE_JOB, scheduleSpaceArchive, spaceArchiveJob } from '../../../src/core/binomes/space-archive-job';
import { describeChatProblem } from '../../../src/core/chat-problems';
import { translate } from '../../../src/core/i18n/translate';
import type { Job } from '../../../src/core/jobs/job';
import { confirmErasure, requestErasure } from '../../../src/core/participants/own-data';
import { confirmWithdrawal, requestWithdrawal } from '../../../src/core/participants/withdraw';
import type { Reply } from '../../../src/core/reply';
import { jobHandlers } from '../../../src/jobs/job-handlers';
import { COORDINATOR, dmsTo, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { type ChatEvent, createRecordingChat } from '../../support/recording-chat';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';
import { createScriptedChat } from './announce-world';

const opened: UseCaseWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

/** Dan (mentoré, French) and Erin (mentor, English) with `ref`, announced in the space `space-p1-1`. */
async function pairedWorld(options: Parameters<typeof createUseCaseWorld>[0] = {}) {
  const world = await createUseCaseWorld(options);
  opened.push(world);
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentor(world, 'erin', 'Erin Roux', { locale: 'en' });
  await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
  await markAnnounced(world, 'p1-1');
  return world;
}

/** In the languages of those who stay, the programme's (French) first. */
const NOTICE_FR_EN = [translate('fr', 'binome.ended.spaceNotice'), translate('en', 'binome.ended.spaceNotice')].join('\n\n———\n\n');
const SPACE = '<#space-p1-1|binome-p1-1>';

function yes(reply: Reply): readonly string[] {
  const button = reply.kind === 'messages' ? reply.messages[0]?.buttons?.find((candidate) => candidate.action === 'confirm') : undefined;
  if (!button) throw new Error('expected a confirmation button');
  return button.args;
}

/** What happened in spaces, in order: removals and posts, as people would notice them. */
function inSpaces(events: readonly ChatEvent[]): string[] {
  return events.flatMap((event) => {
    if (event.type === 'remove') return [`${event.spaceId}: ${event.userId} removed`];
    if (event.type === 'post') return [`${event.spaceId}: ${event.message.text}`];
    if (event.type === 'archive') return [`${event.spaceId}: archived`];
    return [];
  });
}

const archiveJob = (binome: string, attempts = 0): Job => ({
  schemaVersion: 1,
  community: TERMINAL,
  kind: SPACE_ARCHIVE_JOB,
  key: binome,
  dueAt: '2026-06-30T10:00:00.000Z',
  payload: { binome },
  attempts,
  createdAt: '2026-03-02T10:00:00.000Z',
});

const jobContext = (world: UseCaseWorld, attempt = 1, mayHaveRun = false) => ({
  community: TERMINAL,
  programme: world.programme,
  ports: world.ports,
  attempt,
  mayHaveRun,
});

describe('a binôme that ends, in its space', () => {
  it('when a member withdraws: they lose the space first, then those who stay read that it ended, never why', async () => {
    const world = await pairedWorld();
    const dan = world.as({ userId: 'dan' });
    await confirmWithdrawal(dan, yes(await requestWithdrawal(dan)));
    expect(inSpaces(world.chat.events)).toEqual(['space-p1-1: dan removed', `space-p1-1: ${NOTICE_FR_EN}`]);
    // Nothing says why: not that someone left, withdrew or erased their data.
    expect(NOTICE_FR_EN).not.toMatch(/quitt|retir|effac|left|withdr|eras/i);
    const post = world.chat.events.find((event) => event.type === 'post');
    expect(post?.type === 'post' && post.options).toEqual({ key: 'binome-ended:p1-1', mayHaveBeenSent: true });
    // The DMs that say why are unchanged: the two who stay get them, the leaver nothing.
    expect(dmsTo(world, 'erin')).toHaveLength(1);
    expect(dmsTo(world, 'ref')).toHaveLength(1);
    expect(dmsTo(world, 'dan')).toEqual([]);
  });

  it('when a member erases their data: the same, before their data goes', async () => {
    const world = await pairedWorld();
    const erin = world.as({ userId: 'erin', locale: 'en' });
    await confirmErasure(erin, yes(await requestErasure(erin)));
    // Erin left: only French readers stay.
    expect(inSpaces(world.chat.events)).toEqual(['space-p1-1: erin removed', `space-p1-1: ${translate('fr', 'binome.ended.spaceNotice')}`]);
  });

  it('when the coordinators dissolve it: nobody is removed, the space is told once, and the answer is unchanged', async () => {
    const world = await pairedWorld();
    const coord = world.as({ ...COORDINATOR, locale: 'en' });
    const done = await confirmDissolution(coord, yes(await requestDissolution(coord, { mentee: 'dan' })));
    expect(text(done)).toBe(
      ['The pair Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) is dissolved.', 'Told: <@dan>, <@erin>, <@ref>.'].join('\n'),
    );
    expect(inSpaces(world.chat.events)).toEqual([`space-p1-1: ${NOTICE_FR_EN}`]);
  });

  it('touches no space when the binôme was never announced', async () => {
    const world = await createUseCaseWorld();
    opened.push(world);
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentor(world, 'erin', 'Erin Roux');
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin' }));
    const dan = world.as({ userId: 'dan' });
    await confirmWithdrawal(dan, yes(await requestWithdrawal(dan)));
    expect(inSpaces(world.chat.events)).toEqual([]);
  });

  it('at the end of a cycle thanks each member privately rather than sounding like a failure', async () => {
    const world = await pairedWorld();
    const binome = await world.ports.binomes.find(TERMINAL, 'p1-1');
    if (!binome) throw new Error('no binôme');
    await dissolveBinome(world.ports, TERMINAL, world.programme, binome, { by: 'coord', because: 'cycle-closed' });
    const pair = 'Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)';
    expect(dmsTo(world, 'dan')).toEqual([translate('fr', 'binome.dissolved.cycleClosed', { pair })]);
    expect(dmsTo(world, 'erin')).toEqual([translate('en', 'binome.dissolved.cycleClosed', { pair })]);
    expect(dmsTo(world, 'erin')[0]).not.toContain(translate('en', 'binome.dissolved.next'));
    // The référent gets no feedback form: thanked, without being promised one.
    expect(dmsTo(world, 'ref')).toEqual([translate('fr', 'binome.dissolved.cycleClosed.referent', { pair })]);
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.dissolvedBecause).toBe('cycle-closed');
  });
});

describe('when the platform refuses', () => {
  async function scriptedWorld() {
    const scripted = createScriptedChat();
    const world = await pairedWorld({ chat: Object.assign(scripted.chat, { events: [] }) });
    return { world, scripted };
  }

  it('the dissolution holds, and the coordinator’s answer says the notice was not posted and what to grant', async () => {
    const { world, scripted } = await scriptedWorld();
    scripted.refusePosts({ ok: false, reason: 'missing-permission', detail: 'Send Messages' });
    const coord = world.as({ ...COORDINATOR, locale: 'en' });
    const done = await confirmDissolution(coord, yes(await requestDissolution(coord, { mentee: 'dan' })));
    expect(text(done)).toContain(
      `${translate('en', 'binome.space.noticeFailed', { space: SPACE })} ${describeChatProblem('en', { ok: false, reason: 'missing-permission', detail: 'Send Messages' })}`,
    );
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('dissolved');
  });

  it('a member who withdraws still leaves, and the coordinators are told in their space what to grant, once', async () => {
    const { world, scripted } = await scriptedWorld();
    scripted.refuseEnding({ ok: false, reason: 'missing-permission', detail: 'Manage Roles' });
    const dan = world.as({ userId: 'dan' });
    const done = await confirmWithdrawal(dan, yes(await requestWithdrawal(dan)));
    expect(text(done)).toContain(translate('fr', 'withdraw.binomesEnded', { count: 1 }));
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('dissolved');
    const coordination = [...scripted.spaces.values()].find((space) => space.name === world.programme.reports.coordinationSpace);
    const told = scripted.postsIn(coordination?.id ?? '').map((post) => post.text);
    expect(told).toEqual([
      [
        translate('fr', 'binome.space.problemsTitle'),
        `${translate('fr', 'binome.space.removeFailed', { space: SPACE })} ${describeChatProblem('fr', { ok: false, reason: 'missing-permission', detail: 'Manage Roles' })}`,
      ].join('\n\n'),
    ]);
    // The notice still reaches those who stay, even if the leaver could not be removed.
    expect(scripted.postsIn('space-p1-1')).toHaveLength(1);
  });
});

describe('when the platform fails outright', () => {
  it('the member still leaves and the others are still told privately; the coordinators learn what failed', async () => {
    const recording = createRecordingChat();
    const chat = Object.assign(recording, {
      removeFromSpace: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const world = await pairedWorld({ chat });
    const dan = world.as({ userId: 'dan' });
    await confirmWithdrawal(dan, yes(await requestWithdrawal(dan)));
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.status).toBe('dissolved');
    expect(dmsTo(world, 'erin')).toHaveLength(1);
    expect(dmsTo(world, 'ref')).toHaveLength(1);
    const posts = world.chat.events.flatMap((event) => (event.type === 'post' ? [event] : []));
    expect(posts.map((post) => post.spaceId)).toEqual(['space-p1-1', 'space-1']);
    expect(posts[1]?.message.text).toContain(translate('fr', 'binome.space.platformError', { detail: 'connect ECONNREFUSED' }));
  });
});

describe('archiving a binôme’s space at the end of its cycle', () => {
  it('posts the end notice if nobody did, archives it, and a second run posts nothing more', async () => {
    const world = await pairedWorld();
    const binome = await world.ports.binomes.find(TERMINAL, 'p1-1');
    if (!binome) throw new Error('no binôme');
    expect(await archiveBinomeSpace(world.ports, TERMINAL, world.programme, binome)).toEqual({ archived: true, problems: [] });
    expect(await archiveBinomeSpace(world.ports, TERMINAL, world.programme, binome)).toEqual({ archived: true, problems: [] });
    expect(inSpaces(world.chat.events)).toEqual([`space-p1-1: ${NOTICE_FR_EN}`, 'space-p1-1: archived', 'space-p1-1: archived']);
  });

  it('after a member left, adds no second notice to the one already posted', async () => {
    const world = await pairedWorld();
    const dan = world.as({ userId: 'dan' });
    await confirmWithdrawal(dan, yes(await requestWithdrawal(dan)));
    await spaceArchiveJob.run(jobContext(world), archiveJob('p1-1'));
    expect(inSpaces(world.chat.events)).toEqual(['space-p1-1: dan removed', `space-p1-1: ${NOTICE_FR_EN}`, 'space-p1-1: archived']);
  });

  it('is the space.archive job, listed among the bot’s jobs, scheduled once per binôme', async () => {
    const world = await pairedWorld();
    expect(jobHandlers.map((handler) => handler.kind)).toContain(SPACE_ARCHIVE_JOB);
    expect(await scheduleSpaceArchive(world.ports, TERMINAL, 'p1-1', new Date('2026-06-30T10:00:00.000Z'))).toBe(true);
    expect(await scheduleSpaceArchive(world.ports, TERMINAL, 'p1-1', new Date('2026-07-30T10:00:00.000Z'))).toBe(false);
    expect((await world.ports.queue.find(TERMINAL, SPACE_ARCHIVE_JOB, 'p1-1'))?.payload).toEqual({ binome: 'p1-1' });
  });

  it('run twice (the first may have run, unrecorded): one notice', async () => {
    const world = await pairedWorld();
    expect(await spaceArchiveJob.run(jobContext(world), archiveJob('p1-1'))).toEqual({ status: 'done' });
    expect(await spaceArchiveJob.run(jobContext(world, 1, true), archiveJob('p1-1'))).toEqual({ status: 'done' });
    expect(inSpaces(world.chat.events).filter((line) => line.includes(NOTICE_FR_EN))).toHaveLength(1);
  });

  it('retries when refused, telling the coordinators once what to grant, and is done once it works', async () => {
    const scripted = createScriptedChat();
    const world = await pairedWorld({ chat: Object.assign(scripted.chat, { events: [] }) });
    scripted.refuseEnding({ ok: false, reason: 'missing-permission', detail: 'groups:write' });
    expect(await spaceArchiveJob.run(jobContext(world), archiveJob('p1-1'))).toEqual({
      status: 'retry',
      error: 'space archive: missing-permission (groups:write)',
    });
    expect(await spaceArchiveJob.run(jobContext(world, 2), archiveJob('p1-1', 1))).toMatchObject({ status: 'retry' });
    const coordination = [...scripted.spaces.values()].find((space) => space.name === world.programme.reports.coordinationSpace);
    const told = scripted.postsIn(coordination?.id ?? '');
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(translate('fr', 'binome.space.archiveFailed', { space: SPACE }));
    expect(told[0]?.text).toContain('groups:write');
    scripted.refuseEnding(undefined);
    expect(await spaceArchiveJob.run(jobContext(world, 3), archiveJob('p1-1', 2))).toEqual({ status: 'done' });
    expect(scripted.archived).toEqual(['space-p1-1']);
    expect(scripted.postsIn('space-p1-1')).toHaveLength(1);
  });

  it('once its attempts are spent, tells the coordinators again that it gave up', async () => {
    const scripted = createScriptedChat();
    const world = await pairedWorld({ chat: Object.assign(scripted.chat, { events: [] }) });
    scripted.refuseEnding({ ok: false, reason: 'missing-permission', detail: 'Manage Roles' });
    expect(spaceArchiveJob.maxAttempts).toBeGreaterThan(10);
    await spaceArchiveJob.exhausted?.(jobContext(world, 50), archiveJob('p1-1', 49));
    const coordination = [...scripted.spaces.values()].find((space) => space.name === world.programme.reports.coordinationSpace);
    expect(scripted.postsIn(coordination?.id ?? '').map((post) => post.text)).toEqual([
      expect.stringContaining(translate('fr', 'binome.space.gaveUp')),
    ]);
  });

  it('has nothing to do for a binôme never announced, or gone', async () => {
    const world = await pairedWorld();
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'fay' }));
    expect(await spaceArchiveJob.run(jobContext(world), archiveJob('p1-2'))).toEqual({ status: 'done' });
    expect(await spaceArchiveJob.run(jobContext(world), archiveJob('nope'))).toEqual({ status: 'done' });
    expect(inSpaces(world.chat.events)).toEqual([]);
  });
});
