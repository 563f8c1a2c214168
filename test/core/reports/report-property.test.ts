import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors';
import { confirmErasure, requestErasure } from '../../../src/core/participants/own-data';
import {
  escalateReport,
  noteReport,
  reassignReport,
  replyToReport,
  resolveReport,
  takeReport,
} from '../../../src/core/reports/handle-report';
import { findVisibleReport } from '../../../src/core/reports/report-access';
import { showMyReports } from '../../../src/core/reports/report-views';
import { TERMINAL } from '../../support/use-case-world';
import { createReportWorld, type ReportWorld, textOf } from './report-world';

/** Who acts on a report: its référent, a coordinator, or the référent of another binôme. */
type Handler = 'referent' | 'coord' | 'other';
type Reporter = 'dan' | 'carol';

type Action =
  | { readonly kind: 'file'; readonly who: Reporter; readonly aboutReferent: boolean }
  | { readonly kind: 'take' | 'note' | 'escalate' | 'resolve'; readonly who: Handler; readonly pick: number }
  | { readonly kind: 'reply'; readonly who: Handler | 'reporter'; readonly pick: number }
  | { readonly kind: 'reassign'; readonly to: string; readonly pick: number }
  | { readonly kind: 'dms'; readonly who: 'ref' | 'alice'; readonly open: boolean }
  | { readonly kind: 'time'; readonly hours: number }
  | { readonly kind: 'restart' | 'crash' }
  | { readonly kind: 'erase'; readonly who: Reporter };

const handler = fc.constantFrom<Handler>('referent', 'referent', 'coord', 'other');
const reporter = fc.constantFrom<Reporter>('dan', 'carol');
const pick = fc.nat({ max: 7 });
const MONTH = 30 * 24;

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('file' as const), who: reporter, aboutReferent: fc.boolean() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom('take' as const, 'note' as const, 'escalate' as const, 'resolve' as const),
      who: handler,
      pick,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('reply' as const), who: fc.oneof(handler, fc.constant('reporter' as const)), pick }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('dms' as const), who: fc.constantFrom('ref' as const, 'alice' as const), open: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('time' as const), hours: fc.constantFrom(0, 0.02, 0.1, 1, 24, 73, 25 * MONTH) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('crash' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('erase' as const), who: reporter }) },
);

/** What was typed about a report, and who may read it. */
interface Filed {
  readonly reference: string;
  readonly reporter: Reporter;
  readonly description: string;
  /** Everyone who may be shown its text: the reporter, the référent it went to, the coordinators, whoever it was given to. */
  readonly audience: Set<string>;
  readonly aboutReferent: boolean;
  readonly texts: { readonly text: string; readonly kind: 'description' | 'reply' | 'note' | 'reason' | 'resolution' }[];
}

const REFERENT_OF: Record<Reporter, string> = { dan: 'ref', carol: 'alice' };
const OTHER_MEMBER: Record<Reporter, string> = { dan: 'erin', carol: 'fay' };
const OTHER_REFERENT: Record<Reporter, string> = { dan: 'alice', carol: 'ref' };
const actorOf = (who: Handler, report: Filed): string =>
  who === 'coord' ? 'coord' : (who === 'referent' ? REFERENT_OF : OTHER_REFERENT)[report.reporter];

/** Waits until the runner stops for good on a delivery that never answers, or finishes. */
async function untilHungOrDone(world: ReportWorld, run: Promise<number>): Promise<void> {
  const before = world.scripted.arrived.length;
  let done = false;
  void run.then(() => {
    done = true;
  });
  for (let turn = 0; turn < 1000 && !done && world.scripted.arrived.length === before; turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
}

/** Refusals a person can meet (resolved, not theirs, taken by someone else, erased): anything else fails the property. */
async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

async function play(actions: readonly Action[]): Promise<void> {
  const world = await createReportWorld();
  const filed: Filed[] = [];
  const erasedAt = new Map<string, number>();
  let counter = 0;
  const fresh = (what: string) => {
    counter += 1;
    return `${what} texte-${counter}-fin.`;
  };
  const pickFrom = (index: number) => filed[index % Math.max(filed.length, 1)];

  for (const step of actions) {
    switch (step.kind) {
      case 'file': {
        const description = fresh('Description');
        const before = (await world.ports.reports.listByCommunity(TERMINAL)).length;
        const ok = await attempt(() => world.file(step.who, description, step.aboutReferent ? 'referent' : 'relation'));
        if (!ok) break;
        const all = await world.ports.reports.listByCommunity(TERMINAL);
        expect(all).toHaveLength(before + 1);
        const reference = all.find((report) => report.description === description)?.reference ?? '';
        filed.push({
          reference,
          reporter: step.who,
          description,
          aboutReferent: step.aboutReferent,
          audience: new Set([step.who, 'coord', 'cleo', ...(step.aboutReferent ? [] : [REFERENT_OF[step.who]])]),
          texts: [{ text: description, kind: 'description' }],
        });
        break;
      }
      case 'take': {
        const report = pickFrom(step.pick);
        if (report) await attempt(() => takeReport(world.as(actorOf(step.who, report)), report.reference));
        break;
      }
      case 'reply': {
        const report = pickFrom(step.pick);
        if (!report) break;
        const text = fresh('Message');
        const who = step.who === 'reporter' ? report.reporter : actorOf(step.who, report);
        if (await attempt(() => replyToReport(world.as(who), report.reference, text))) report.texts.push({ text, kind: 'reply' });
        break;
      }
      case 'note':
      case 'escalate':
      case 'resolve': {
        const report = pickFrom(step.pick);
        if (!report) break;
        const text = fresh(step.kind);
        const act = { note: noteReport, escalate: escalateReport, resolve: resolveReport }[step.kind];
        const kind = ({ note: 'note', escalate: 'reason', resolve: 'resolution' } as const)[step.kind];
        if (await attempt(() => act(world.as(actorOf(step.who, report)), report.reference, text))) report.texts.push({ text, kind });
        break;
      }
      case 'reassign': {
        const report = pickFrom(step.pick);
        if (report && (await attempt(() => reassignReport(world.as('coord'), report.reference, step.to)))) report.audience.add(step.to);
        break;
      }
      case 'dms':
        if (step.open) world.scripted.allowDms(step.who);
        else world.scripted.refuseDms(step.who);
        break;
      case 'time':
        world.later(step.hours);
        await world.runJobs();
        break;
      case 'restart':
        world.restart();
        await world.runJobs();
        break;
      case 'crash': {
        // The process dies while a message is on its way: sent, never recorded.
        world.scripted.hangAfter(0);
        await untilHungOrDone(world, world.runner.runDue());
        world.scripted.hangAfter(undefined);
        world.restart();
        world.later(11 / 60);
        await world.runJobs();
        break;
      }
      case 'erase': {
        if (erasedAt.has(step.who)) break;
        const asked = await requestErasure(world.as(step.who));
        const yes = asked.kind === 'messages' ? asked.messages[0]?.buttons?.find((button) => button.action === 'confirm') : undefined;
        await confirmErasure(world.as(step.who), yes?.args ?? []);
        erasedAt.set(step.who, world.scripted.arrived.length);
        break;
      }
    }
  }
  world.later(1);
  await world.runJobs();

  const arrived = world.scripted.arrived.filter((entry) => entry.kind !== 'space');

  // No report is lost: each is still found, its text intact unless its reporter erased it or the retention purged it.
  for (const report of filed) {
    const stored = await world.ports.reports.find(TERMINAL, report.reference);
    expect(stored, report.reference).toBeDefined();
    if (!erasedAt.has(report.reporter) && !stored?.purgedAt) expect(stored?.description).toBe(report.description);
    if (!stored?.purgedAt)
      expect(
        arrived.some((entry) => entry.to !== report.reporter && entry.text.includes(report.reference)),
        `${report.reference} reached nobody`,
      ).toBe(true);
  }

  // No message is delivered twice.
  const keys = arrived.flatMap((entry) => (entry.key ? [entry.key] : []));
  expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);

  // Nobody outside the policy ever read a report's words; the reporter never reads a note or a reason.
  for (const report of filed) {
    for (const { text, kind } of report.texts) {
      for (const entry of arrived.filter((candidate) => candidate.text.includes(text))) {
        if (entry.kind === 'post') {
          expect(report.aboutReferent, `${report.reference}'s ${kind} in the space, with its référent among coordinators`).toBe(false);
          continue;
        }
        expect(report.audience.has(entry.to), `${report.reference}'s ${kind} reached ${entry.to}`).toBe(true);
        if (entry.to === report.reporter) expect(['note', 'reason']).not.toContain(kind);
      }
    }
  }
  for (const [who, from] of erasedAt) expect(arrived.slice(from).filter((entry) => entry.kind === 'dm' && entry.to === who)).toEqual([]);

  // The other member of the binôme is never given it; whoever was not given it sees nothing in their views either.
  for (const report of filed) {
    expect(report.audience.has(OTHER_MEMBER[report.reporter]), `${report.reference} given to the other member`).toBe(false);
    for (const outsider of ['erin', 'fay', 'zoe'].filter((person) => !report.audience.has(person)))
      expect(await attempt(() => findVisibleReport(world.as(outsider), report.reference))).toBe(false);
  }
  for (const outsider of ['erin', 'fay', 'zoe']) expect(textOf(await showMyReports(world.as(outsider), undefined))).not.toMatch(/SIG-/);
}

describe('whatever people do with reports, and whatever happens to the bot', () => {
  it('no report is lost, no message arrives twice, and nobody outside the policy reads a report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => play(actions)),
      { numRuns: 150 },
    );
  }, 120_000);
});
