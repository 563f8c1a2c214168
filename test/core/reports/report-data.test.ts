import { describe, expect, it } from 'vitest';
import type { UseCaseContext } from '../../../src/core/context';
import { translate } from '../../../src/core/i18n/translate';
import { confirmErasure, exportOwnData, requestErasure } from '../../../src/core/participants/own-data';
import { attachmentText } from '../../../src/core/reply';
import { noteReport, replyToReport, resolveReport, takeReport } from '../../../src/core/reports/handle-report';
import { listReports } from '../../../src/core/reports/report-views';
import { keySegment } from '../../../src/store/key-segments';
import { TERMINAL } from '../../support/use-case-world';
import { createReportWorld, dump, type ReportWorld, textOf } from './report-world';

const TEXT = 'Mon mentor annule nos rendez-vous sans prévenir.';
const SECOND = 'Mon mentor me demande de relire ses articles.';
const REPLY = 'Merci de me le dire, parlons-en jeudi.';
const ANSWER = 'Jeudi me convient très bien.';
const NOTE = 'Appeler Erin avant jeudi.';
const RESOLUTION = 'Nous avons parlé, les rendez-vous reprennent.';
const LATE_REPLY = 'Une dernière question avant de clore.';
const TEXTS = [TEXT, SECOND, REPLY, ANSWER, NOTE, RESOLUTION, LATE_REPLY];

/** Whether this id appears as a whole: a JSON value, a key segment, or a segment of a delivery key (`SIG-0001|3|dan`). */
const holdsId = (text: string, userId: string) => new RegExp(`(?<![a-z0-9])${userId}(?![a-z0-9])|~7c${userId}(?![a-z0-9])`).test(text);

async function exported(ctx: UseCaseContext): Promise<{ document: string; reports: unknown }> {
  const reply = await exportOwnData(ctx);
  const attached = reply.kind === 'messages' ? reply.messages[0]?.attachments?.[0] : undefined;
  const document = attached ? attachmentText(attached) : '';
  return { document, reports: (JSON.parse(document) as { reports: unknown }).reports };
}

async function erase(world: ReportWorld, userId: string): Promise<void> {
  const asked = await requestErasure(world.as(userId));
  const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
  await confirmErasure(world.as(userId), yes?.args ?? []);
}

/** SIG-0001 resolved after a conversation and a note; SIG-0002 open, taken by ref. */
async function twoReports() {
  const world = await createReportWorld();
  const ref = world.as('ref');
  await world.file('dan', TEXT);
  await world.runJobs();
  await takeReport(ref, 'SIG-0001');
  await replyToReport(ref, 'SIG-0001', REPLY);
  await replyToReport(world.as('dan'), 'SIG-0001', ANSWER);
  await noteReport(ref, 'SIG-0001', NOTE);
  await resolveReport(ref, 'SIG-0001', RESOLUTION);
  await world.file('dan', SECOND);
  await world.runJobs();
  await takeReport(ref, 'SIG-0002');
  await noteReport(ref, 'SIG-0002', NOTE);
  await world.runJobs();
  return world;
}

describe('my data', () => {
  it('holds my reports as their reporter: texts, statuses and the replies to me, never a note', async () => {
    const world = await twoReports();
    const { document, reports } = await exported(world.as('dan'));
    expect(reports).toMatchObject({
      filed: [
        {
          reference: 'SIG-0001',
          status: 'resolved',
          description: TEXT,
          resolution: RESOLUTION,
          conversation: [
            { from: 'handler', text: REPLY },
            { from: 'reporter', text: ANSWER },
          ],
        },
        { reference: 'SIG-0002', status: 'in-progress', description: SECOND, conversation: [] },
      ],
      handled: [],
    });
    expect(document).not.toContain(NOTE);
  });

  it('holds only the references of the reports I handled, without anyone’s words', async () => {
    const world = await twoReports();
    const { document, reports } = await exported(world.as('ref'));
    expect(reports).toEqual({ filed: [], handled: ['SIG-0001', 'SIG-0002'] });
    for (const text of TEXTS) expect(document).not.toContain(text);
  });

  it('of the other member of the binôme, and of the référent a report is about, holds no trace of it', async () => {
    const world = await twoReports();
    await world.file('carol', 'Ma référente ne répond plus à mes messages.', 'referent');
    await world.runJobs();
    for (const userId of ['erin', 'alice']) {
      const { document, reports } = await exported(world.as(userId));
      expect(reports).toBeNull();
      expect(document).not.toMatch(/SIG-/);
    }
  });
});

describe('erasing my data', () => {
  it('removes my identity and every text of my reports from the store; their counts stay', async () => {
    const world = await twoReports();
    await erase(world, 'dan');
    const left = await dump(world.store);
    for (const text of TEXTS) expect(left).not.toContain(text);
    expect(holdsId(left, 'dan')).toBe(false);
    expect(left).not.toContain('Dan Leroy');
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0001')).toMatchObject({ category: 'relation', status: 'resolved' });
    expect(textOf(await listReports(world.as('coord'), {}))).toContain(
      translate('fr', 'report.admin.counts', { total: 2, received: 0, inProgress: 0, resolved: 2 }),
    );
  });

  it('closes an open report and tells its handler why, and nothing more reaches me', async () => {
    const world = await twoReports();
    const toDan = world.dmsTo('dan').length;
    await replyToReport(world.as('ref'), 'SIG-0002', LATE_REPLY);
    await erase(world, 'dan');
    expect(holdsId(await dump(world.store), 'dan')).toBe(false);
    await world.runJobs();
    world.later(200);
    await world.runJobs();
    const closed = world.dmsTo('ref').at(-1)?.text;
    expect(closed).toContain(translate('fr', 'report.handling.closedByErasure', { reference: 'SIG-0002' }));
    expect(closed).not.toContain(SECOND);
    expect(world.dmsTo('dan').slice(toDan)).toEqual([]);
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0002')).toMatchObject({ status: 'resolved' });
    expect((await world.ports.reports.find(TERMINAL, 'SIG-0002'))?.history.at(-1)?.kind).toBe('closed-by-erasure');
    expect(world.dmsTo('erin')).toEqual([]);
  });
});

describe('the retention of resolved reports', () => {
  it('keeps their texts 24 months, then keeps no text and no identity, only category, status and dates', async () => {
    const world = await twoReports();
    const resolvedAt = (await world.ports.reports.find(TERMINAL, 'SIG-0001'))?.resolvedAt;
    const aboutFirst = async () =>
      (await dump(world.store))
        .split('\n')
        .filter((line) => line.includes(keySegment('SIG-0001')))
        .join('\n');
    world.later(23 * 30 * 24);
    await world.runJobs();
    expect(await aboutFirst()).toContain(TEXT);

    world.later(2 * 30 * 24);
    await world.runJobs();
    const left = await aboutFirst();
    for (const text of TEXTS) expect(left).not.toContain(text);
    for (const userId of ['dan', 'ref']) expect(holdsId(left, userId)).toBe(false);
    const purged = await world.ports.reports.find(TERMINAL, 'SIG-0001');
    expect(purged).toMatchObject({ category: 'relation', status: 'resolved', resolvedAt, createdAt: '2026-12-01T09:00:00.000Z' });
    expect(purged?.purgedAt).toBeDefined();
    // The binôme names its two members: kept, it would say which pair a purged report was about.
    expect(purged?.binomeId).toBeUndefined();
    expect(await world.ports.reports.find(TERMINAL, 'SIG-0002')).toMatchObject({ description: SECOND, reporter: 'dan' });
    expect(textOf(await listReports(world.as('coord'), {}))).toContain(
      translate('fr', 'report.admin.counts', { total: 2, received: 0, inProgress: 1, resolved: 1 }),
    );
  });
});
