import { describe, expect, it } from 'vitest';
import { reportResolveCommand } from '../../../commands/mentorat/report-resolve';
import { showMyBinomes } from '../../../src/core/binomes/my-binomes';
import { StoreUnavailableError } from '../../../src/core/errors';
import { type MessageKey, type MessageParams, translateUnchecked } from '../../../src/core/i18n/translate';
import { participantIdOf } from '../../../src/core/identity';
import { confirmErasure, requestErasure } from '../../../src/core/participants/own-data';
import { mention } from '../../../src/core/reply';
import { openReportForm } from '../../../src/core/reports/file-report';
import {
  escalateReport,
  noteReport,
  reassignReport,
  replyToReport,
  resolveReport,
  takeReport,
} from '../../../src/core/reports/handle-report';
import { findVisibleReport } from '../../../src/core/reports/report-access';
import { REPORT_JOBS } from '../../../src/core/reports/report-events';
import { listReports, showFollowUp, showMyReports, showReportHistory } from '../../../src/core/reports/report-views';
import { createStore } from '../../../src/store/create-store';
import { keySegment } from '../../../src/store/key-segments';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { TERMINAL } from '../../support/use-case-world';
import { binomeOf, createReportWorld, dump, type ReportWorld, textOf } from './report-world';

const TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';
const REPLY = 'Merci de me le dire, parlons-en jeudi.';
const ANSWER = 'Jeudi me convient très bien.';
const NOTE = 'Appeler Erin avant jeudi.';
const REASON = 'Un avis de la coordination serait utile.';
const RESOLUTION = 'Nous avons parlé, les rendez-vous reprennent.';
const MINUTE = 1 / 60;

const fr = (key: MessageKey, params?: MessageParams) => translateUnchecked('fr', key, params);
const rejection = async (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error,
  );
const dmTextsTo = (world: ReportWorld, userId: string) =>
  world
    .dmsTo(userId)
    .map((entry) => entry.text)
    .join('\n');

/** dan filed SIG-0001 about his binôme with erin; ref received it. */
async function filedAndDelivered(): Promise<ReportWorld> {
  const world = await createReportWorld();
  await world.file('dan', TEXT);
  await world.runJobs();
  return world;
}

describe('filing a report', () => {
  it('is stored first, as SIG-0001 then SIG-0002, and the reporter learns its reference and what happens next at once', async () => {
    const world = await createReportWorld();
    const first = textOf(await world.file('dan', TEXT));
    expect(first).toContain(fr('report.filed', { reference: 'SIG-0001' }));
    expect(first).toContain(fr('report.filed.toReferent'));
    expect(textOf(await world.file('dan', 'Une deuxième inquiétude, plus tard.'))).toContain(fr('report.filed', { reference: 'SIG-0002' }));
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ description: TEXT, reporter: 'dan', status: 'received' });
    expect((await world.ports.reports.listByReporter(participantIdOf(TERMINAL, 'dan'))).map((report) => report.reference)).toEqual([
      'SIG-0001',
      'SIG-0002',
    ]);
  });

  it('never gives a number twice, even after its reporter erased their data', async () => {
    const world = await createReportWorld();
    await world.file('dan', TEXT);
    await world.file('dan', 'Une deuxième inquiétude, plus tard.');
    const asked = await requestErasure(world.as('dan'));
    const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
    await confirmErasure(world.as('dan'), yes?.args ?? []);
    expect(textOf(await world.file('carol', 'Mon mentor ne répond plus depuis un mois.'))).toContain(
      fr('report.filed', { reference: 'SIG-0003' }),
    );
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ reference: 'SIG-0001', status: 'resolved' });
  });

  it('reaches the binôme’s référent in exactly one DM, with its text and the buttons; the other member receives nothing', async () => {
    const world = await filedAndDelivered();
    const [delivered, ...more] = world.dmsTo('ref');
    expect(more).toEqual([]);
    expect(delivered?.text).toContain(fr('report.handling.new', { reference: 'SIG-0001' }));
    expect(delivered?.text).toContain(TEXT);
    expect(delivered?.text).toContain('@dan');
    expect(delivered?.buttons.map((button) => [button.action, button.args])).toEqual([
      ['take', ['SIG-0001']],
      ['reply', ['SIG-0001']],
      ['note', ['SIG-0001']],
      ['resolve', ['SIG-0001']],
      ['escalate', ['SIG-0001']],
    ]);
    world.restart();
    world.later(1);
    await world.runJobs();
    expect(world.dmsTo('ref')).toHaveLength(1);
    expect(world.posts()).toEqual([]);
    expect(world.dmsTo('erin')).toEqual([]);
    expect(textOf(await showMyReports(world.as('erin'), undefined))).toBe(fr('report.mine.none'));
    expect(textOf(await showMyBinomes(world.as('erin')))).not.toContain('SIG-0001');
    const history = (await world.ports.reports.find(TERMINAL, 'SIG-0001'))?.history.map((event) => [event.kind, event.actor]);
    expect(history).toEqual([
      ['filed', 'dan'],
      ['received', 'ref'],
      ['shown', 'ref'],
    ]);
  });

  it('with the référent’s DMs closed, goes to the coordination space at once, opened with the coordinators of config', async () => {
    const world = await createReportWorld();
    world.scripted.refuseDms('ref');
    await world.file('dan', TEXT);
    await world.runJobs();
    expect(world.spaceRequests.map((request) => [request.key, request.memberIds])).toEqual([['coordination', ['coord', 'cleo']]]);
    const [post, ...more] = world.posts();
    expect(more).toEqual([]);
    expect(post?.text).toContain(fr('report.handling.escalated.unreachable', { reference: 'SIG-0001', person: '' }));
    expect(post?.text).toContain(TEXT);
    expect(post?.buttons.map((button) => button.action)).toContain('take');
    expect(dmTextsTo(world, 'dan')).toContain(fr('report.notice.escalated', { reference: 'SIG-0001' }));
    expect(world.dmsTo('ref')).toEqual([]);
    expect(world.dmsTo('erin')).toEqual([]);
  });

  it('on a platform that throws, is retried about 1, 5 and 30 minutes later, then goes to the coordinators', async () => {
    const world = await createReportWorld();
    world.scripted.throwOnDmTo('ref');
    await world.file('dan', TEXT);
    const dueIn = async () => {
      const job = await world.ports.queue.find(TERMINAL, REPORT_JOBS.dm, 'SIG-0001|0|ref');
      return job ? Math.round((Date.parse(job.dueAt) - world.clock.now().getTime()) / 60_000) : undefined;
    };
    await world.runJobs();
    for (const minutes of [1, 5, 30]) {
      expect(await dueIn()).toBe(minutes);
      world.later((minutes - 0.5) * MINUTE);
      await world.runJobs();
      expect(world.posts()).toEqual([]);
      world.later(0.5 * MINUTE);
      await world.runJobs();
    }
    expect(await dueIn()).toBeUndefined();
    const [post, ...more] = world.posts();
    expect(more).toEqual([]);
    expect(post?.text).toContain(fr('report.handling.escalated.delivery-failed', { reference: 'SIG-0001', person: '' }));
    expect(post?.text).toContain(TEXT);
    expect(dmTextsTo(world, 'dan')).toContain(fr('report.notice.escalated', { reference: 'SIG-0001' }));
    expect(world.dmsTo('erin')).toEqual([]);
  });

  it('about my référent: goes to the coordinators, and that référent never sees it anywhere', async () => {
    const world = await createReportWorld();
    expect(textOf(await world.file('carol', TEXT, 'referent'))).toContain(fr('report.filed.toCoordinators'));
    await world.runJobs();
    expect(world.dmsTo('alice')).toEqual([]);
    expect(world.posts()).toHaveLength(1);
    expect(world.posts()[0]?.text).toContain(fr('report.handling.escalated.category', { reference: 'SIG-0001' }));
    const alice = world.as('alice');
    expect(textOf(await showFollowUp(alice, undefined))).not.toContain('SIG-0001');
    expect(await rejection(findVisibleReport(alice, 'SIG-0001'))).toMatchObject({ messageKey: 'report.notFound' });
    expect(await rejection(showFollowUp(alice, 'SIG-0001'))).toMatchObject({ messageKey: 'report.notFound' });
    expect(await rejection(takeReport(alice, 'SIG-0001'))).toMatchObject({ messageKey: 'report.notFound' });
    expect(textOf(await showReportHistory(world.as('coord'), 'SIG-0001'))).toContain(TEXT);
    expect(world.dmsTo('fay')).toEqual([]);
  });

  it('about my référent who is also a coordinator: the space never holds its text, and only the other coordinators open it', async () => {
    const world = await createReportWorld({ binomes: [binomeOf('b2', 'carol', 'fay', 'coord')] });
    await world.file('carol', TEXT, 'referent');
    await world.runJobs();
    const [post] = world.posts();
    expect(post?.text).toContain(fr('report.handling.openIt', { reference: 'SIG-0001' }));
    expect(post?.text).not.toContain(TEXT);
    expect(post?.buttons).toEqual([]);
    const coord = world.as('coord');
    expect(await rejection(findVisibleReport(coord, 'SIG-0001'))).toMatchObject({ messageKey: 'report.notFound' });
    expect(textOf(await showFollowUp(coord, undefined))).not.toContain('SIG-0001');
    expect(textOf(await listReports(coord, {}))).not.toContain('SIG-0001');
    expect(textOf(await showReportHistory(world.as('cleo'), 'SIG-0001'))).toContain(TEXT);
    expect(world.dmsTo('coord')).toEqual([]);
  });
});

describe('handling a report', () => {
  it('taking it tells the reporter it is in progress, and nobody else', async () => {
    const world = await filedAndDelivered();
    expect(textOf(await takeReport(world.as('ref'), 'SIG-0001'))).toBe(fr('report.take.done', { reference: 'SIG-0001' }));
    await world.runJobs();
    expect(world.dmsTo('dan').map((entry) => entry.text)).toEqual([
      fr('report.notice.taken', { reference: 'SIG-0001', status: fr('report.status.in-progress') }),
    ]);
    expect(world.dmsTo('ref')).toHaveLength(1);
    expect(world.posts()).toEqual([]);
    expect(world.dmsTo('erin')).toEqual([]);
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ status: 'in-progress', handler: 'ref' });
  });

  it('replies go both ways through the bot, each with a reply button, and the other member sees none of it', async () => {
    const world = await filedAndDelivered();
    await takeReport(world.as('ref'), 'SIG-0001');
    await world.runJobs();
    expect(textOf(await replyToReport(world.as('ref'), 'SIG-0001', REPLY))).toBe(
      fr('report.reply.sentToReporter', { reference: 'SIG-0001' }),
    );
    await world.runJobs();
    const toDan = world.dmsTo('dan').at(-1);
    expect(toDan?.text).toContain(fr('report.notice.reply', { reference: 'SIG-0001' }));
    expect(toDan?.text).toContain(REPLY);
    expect(toDan?.buttons.map((button) => [button.action, button.args])).toEqual([['reply', ['SIG-0001']]]);

    expect(textOf(await replyToReport(world.as('dan'), 'SIG-0001', ANSWER))).toBe(
      fr('report.reply.sentToHandler', { reference: 'SIG-0001' }),
    );
    await world.runJobs();
    const toRef = world.dmsTo('ref').at(-1);
    expect(toRef?.text).toContain(fr('report.handling.reporterReplied', { reference: 'SIG-0001' }));
    expect(toRef?.text).toContain(ANSWER);
    expect(toRef?.buttons.map((button) => button.action)).toContain('reply');
    expect(world.dmsTo('erin')).toEqual([]);
    expect(world.posts()).toEqual([]);
  });

  it('a note is never sent to the reporter, nor shown in their view', async () => {
    const world = await filedAndDelivered();
    await takeReport(world.as('ref'), 'SIG-0001');
    await world.runJobs();
    const before = world.seen().length;
    expect(textOf(await noteReport(world.as('ref'), 'SIG-0001', NOTE))).toBe(fr('report.note.done', { reference: 'SIG-0001' }));
    await world.runJobs();
    expect(world.seen()).toHaveLength(before);
    expect(textOf(await showMyReports(world.as('dan'), 'SIG-0001'))).not.toContain(NOTE);
    expect(textOf(await showFollowUp(world.as('ref'), 'SIG-0001'))).toContain(NOTE);
  });

  it('resolving it requires a resolution note, which the reporter then receives', async () => {
    const world = await filedAndDelivered();
    await takeReport(world.as('ref'), 'SIG-0001');
    await world.runJobs();
    const before = world.dmsTo('dan').length;
    const refused = await reportResolveCommand.submit?.(world.as('ref'), { reference: 'SIG-0001', resolution: '' });
    expect(refused?.kind).toBe('form-rejected');
    await world.runJobs();
    expect(world.dmsTo('dan')).toHaveLength(before);
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ status: 'in-progress' });

    const done = await reportResolveCommand.submit?.(world.as('ref'), { reference: 'SIG-0001', resolution: RESOLUTION });
    expect(done && textOf(done)).toBe(fr('report.resolve.done', { reference: 'SIG-0001' }));
    await world.runJobs();
    const told = world.dmsTo('dan').at(-1)?.text;
    expect(told).toContain(fr('report.notice.resolved', { reference: 'SIG-0001', status: fr('report.status.resolved') }));
    expect(told).toContain(RESOLUTION);
    expect(await rejection(replyToReport(world.as('dan'), 'SIG-0001', ANSWER))).toMatchObject({ messageKey: 'report.alreadyResolved' });
    expect(world.dmsTo('erin')).toEqual([]);
  });

  it('escalating it takes the reason to the coordination space; the reporter is told, without the reason', async () => {
    const world = await filedAndDelivered();
    expect(textOf(await escalateReport(world.as('ref'), 'SIG-0001', REASON))).toBe(fr('report.escalate.done', { reference: 'SIG-0001' }));
    await world.runJobs();
    const [post, ...more] = world.posts();
    expect(more).toEqual([]);
    expect(post?.text).toContain(fr('report.handling.escalated.button', { reference: 'SIG-0001', person: mention('ref') }));
    expect(post?.text).toContain(REASON);
    expect(post?.text).toContain(TEXT);
    const toDan = dmTextsTo(world, 'dan');
    expect(toDan).toContain(fr('report.notice.escalated', { reference: 'SIG-0001' }));
    expect(toDan).not.toContain(REASON);
    expect(world.dmsTo('erin')).toEqual([]);
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ route: 'coordinators' });
    expect((await findVisibleReport(world.as('ref'), 'SIG-0001')).access).toBe('handling');
  });

  it('a coordinator reassigns it to another référent, who receives it with the buttons; the reporter is told', async () => {
    const world = await filedAndDelivered();
    expect(await rejection(reassignReport(world.as('coord'), 'SIG-0001', 'dan'))).toMatchObject({
      messageKey: 'report.reassign.toReporter',
    });
    expect(await rejection(reassignReport(world.as('coord'), 'SIG-0001', 'zoe'))).toMatchObject({
      messageKey: 'report.reassign.notReferent',
    });
    // A référent named in chat, as coordinators add them; those holding only the platform role cannot be given reports.
    await world.ports.referents.add({
      schemaVersion: 1,
      community: TERMINAL,
      userId: 'alice',
      addedAt: '2026-03-02T10:00:00.000Z',
      addedBy: 'coord',
    });
    expect(textOf(await reassignReport(world.as('coord'), 'SIG-0001', 'alice'))).toBe(
      fr('report.reassign.done', { reference: 'SIG-0001', person: mention('alice') }),
    );
    await world.runJobs();
    const [toAlice, ...more] = world.dmsTo('alice');
    expect(more).toEqual([]);
    expect(toAlice?.text).toContain(fr('report.handling.reassigned', { reference: 'SIG-0001' }));
    expect(toAlice?.text).toContain(TEXT);
    expect(toAlice?.buttons.map((button) => button.action)).toEqual(['reply', 'note', 'resolve', 'escalate']);
    expect(dmTextsTo(world, 'dan')).toContain(fr('report.notice.reassigned', { reference: 'SIG-0001' }));
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ handler: 'alice', status: 'in-progress' });
    expect(textOf(await resolveReport(world.as('alice'), 'SIG-0001', RESOLUTION))).toBe(
      fr('report.resolve.done', { reference: 'SIG-0001' }),
    );
    expect(world.dmsTo('erin')).toEqual([]);
  });
  it('a coordinator cannot give it to a member of the binôme it is about: the other member never learns of it', async () => {
    const world = await filedAndDelivered();
    expect(await rejection(reassignReport(world.as('coord'), 'SIG-0001', 'erin'))).toMatchObject({
      messageKey: 'report.reassign.toConcerned',
    });
    await world.runJobs();
    expect(world.dmsTo('erin')).toEqual([]);
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ recipients: ['ref'] });
  });
});

describe('a report nobody takes', () => {
  it('reminds its recipients once after 72 hours, even when run again or restarted; 72 hours later the coordinators have it, and say why', async () => {
    const world = await filedAndDelivered();
    const reminder = fr('report.handling.reminder', { reference: 'SIG-0001' });
    const reminders = () => world.dmsTo('ref').filter((entry) => entry.text.includes(reminder));
    world.later(71.9);
    await world.runJobs();
    expect(reminders()).toEqual([]);
    world.later(0.1);
    await world.runJobs();
    expect(reminders()).toHaveLength(1);
    world.later(1);
    await world.runJobs();
    world.restart();
    await world.runJobs();
    world.later(10);
    await world.runJobs();
    expect(reminders()).toHaveLength(1);
    expect(world.posts()).toEqual([]);

    world.later(72 - 11);
    world.restart();
    await world.runJobs();
    const [post, ...more] = world.posts();
    expect(more).toEqual([]);
    expect(post?.text).toContain(fr('report.handling.escalated.deadline', { reference: 'SIG-0001', person: '' }));
    expect(post?.text).toContain(TEXT);
    expect(dmTextsTo(world, 'dan')).toContain(fr('report.notice.escalated', { reference: 'SIG-0001' }));
    const events = (await world.ports.reports.find(TERMINAL, 'SIG-0001'))?.history.map((event) => [event.kind, event.detail]);
    expect(events).toContainEqual(['escalated', 'deadline']);
    expect(events?.filter(([kind]) => kind === 'reminded')).toHaveLength(1);
    world.later(500);
    await world.runJobs();
    expect(reminders()).toHaveLength(1);
    expect(world.dmsTo('erin')).toEqual([]);
  });
});

describe('refusals', () => {
  it('a sixth report within the hour is refused with the limit, and none is stored for it; an hour later it is fine', async () => {
    const world = await createReportWorld();
    for (let index = 1; index <= 5; index += 1) await world.file('dan', `${TEXT} (${index})`);
    world.later(0.9);
    expect(await rejection(world.file('dan', TEXT))).toMatchObject({ messageKey: 'report.tooMany', params: { count: 5 } });
    expect(await world.ports.reports.listByReporter(participantIdOf(TERMINAL, 'dan'))).toHaveLength(5);
    expect(textOf(await world.file('carol', TEXT))).toContain('SIG-0006');
    world.later(0.1);
    expect(textOf(await world.file('dan', TEXT))).toContain('SIG-0007');
  });

  it('someone not enrolled is told how to reach the coordinators, and nothing is stored', async () => {
    const world = await createReportWorld();
    expect(await rejection(openReportForm(world.as('bob')))).toMatchObject({ messageKey: 'report.notEnrolled' });
    expect(await rejection(world.file('bob', TEXT))).toMatchObject({ messageKey: 'report.notEnrolled' });
    expect(await world.ports.reports.listByCommunity(TERMINAL)).toEqual([]);
  });

  /** Where the store fails, and the reference the next filing gets (a number claimed stays used). */
  const FAILURES: readonly [string, (key: string) => boolean, string][] = [
    ['its number', (key) => key.startsWith('report-number.'), 'SIG-0001'],
    ['the report itself', (key) => key.startsWith('report.'), 'SIG-0002'],
    ['its deadline', (key) => key.startsWith('job.') && key.includes(keySegment(REPORT_JOBS.deadline)), 'SIG-0002'],
    ['its delivery', (key) => key.startsWith('job.') && key.includes(keySegment(REPORT_JOBS.dm)), 'SIG-0002'],
  ];

  for (const [what, failing, next] of FAILURES) {
    it(`a store that fails while writing ${what} says the report was not saved, and leaves no report, no index entry, no job`, async () => {
      const memory = await createStore('memory://');
      const store = failingWrites(memory, failing);
      const world = await createReportWorld({ store });
      store.down = true;
      const error = await rejection(world.file('dan', TEXT));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ messageKey: 'report.notSaved' });
      store.down = false;
      expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toBeUndefined();
      expect(await world.ports.reports.listByReporter(participantIdOf(TERMINAL, 'dan'))).toEqual([]);
      const left = await dump(memory);
      expect(left).not.toMatch(/^report\./m);
      expect(left).not.toMatch(/^report-by-reporter\./m);
      expect(left).not.toMatch(/^job\./m);
      expect(left).not.toContain(TEXT);
      world.later(200);
      await world.runJobs();
      expect(world.seen()).toEqual([]);
      expect(textOf(await world.file('dan', TEXT))).toContain(fr('report.filed', { reference: next }));
    });
  }
});

/** A store whose writes of some keys fail while `down` is true: an outage at the worst moment. */
function failingWrites(store: KeyValueStore, failing: (key: string) => boolean): KeyValueStore & { down: boolean } {
  const fail = (operation: string) => new StoreUnavailableError(operation, { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') });
  const wrapper = {
    down: false,
    get: (key: string) => store.get(key),
    async set(key: string, value: unknown) {
      if (wrapper.down && failing(key)) throw fail('set');
      return store.set(key, value);
    },
    async add(key: string, value: unknown) {
      if (wrapper.down && failing(key)) throw fail('add');
      return store.add(key, value);
    },
    delete: (key: string) => store.delete(key),
    scan: (prefix: string) => store.scan(prefix),
    scanBelow: (prefix: string, below: string) => store.scanBelow(prefix, below),
    close: () => store.close(),
  };
  return wrapper;
}
