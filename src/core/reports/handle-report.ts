import { isMemberOf } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { referentIds } from '../referents/referent-directory';
import { mention, messages, type Reply } from '../reply';
import type { NewEvent, Report } from './report';
import { findHandledReport, findVisibleReport } from './report-access';
import { cancelDeadline, scheduleDeadline } from './report-deadlines';
import { tellAbout } from './report-events';
import { escalateToCoordinators } from './report-jobs';
import { updateReport } from './report-store';

const HANDLER_CHANGES = new Set(['taken', 'escalated', 'reassigned']);
const handlerTurn = (report: Report) => report.history.filter((event) => HANDLER_CHANGES.has(event.kind)).length;

/** Applies a change and tells whoever each new event concerns. */
async function change(
  ctx: UseCaseContext,
  report: Report,
  apply: (stored: Report) => { report: Report; events: NewEvent[] } | undefined,
): Promise<Report> {
  const updated = await updateReport(ctx.ports, ctx.community, report.reference, apply);
  if (!updated) throw new UserError('report.notFound', { reference: report.reference });
  for (const event of updated.events) await tellAbout(ctx.ports, updated.report, event);
  return updated.report;
}

/**
 * Makes the actor the handler. With someone else handling it, a référent is refused and a
 * coordinator acts without taking it over, unless `takeOver` (the take button or command: a
 * coordinator answers for every report). Of two people taking it at once, one wins: the turn is
 * claimed in the store.
 */
async function takeIfFree(ctx: UseCaseContext, report: Report, takeOver = false): Promise<{ report: Report; took: boolean }> {
  const me = ctx.actor.id.userId;
  if (report.handler === me) return { report, took: false };
  const coordinator = ctx.actor.roles.has('coordinator');
  if (report.handler && !(coordinator && takeOver)) {
    if (coordinator) return { report, took: false };
    throw new UserError('report.handledBy', { reference: report.reference, person: mention(report.handler) });
  }
  if (!(await ctx.ports.reports.claim(ctx.community, report.reference, `take-${handlerTurn(report)}`, me))) {
    const now = await ctx.ports.reports.find(ctx.community, report.reference);
    throw new UserError('report.handledBy', { reference: report.reference, person: now?.handler ? mention(now.handler) : '?' });
  }
  const first = report.status === 'received';
  const taken = await change(ctx, report, (stored) => ({
    report: { ...stored, handler: me, status: stored.status === 'resolved' ? stored.status : 'in-progress' },
    events: [{ kind: 'taken', actor: me, ...(first ? { detail: 'first' } : {}) }],
  }));
  await cancelDeadline(ctx.ports, taken);
  return { report: taken, took: true };
}

export async function takeReport(ctx: UseCaseContext, reference: string): Promise<Reply> {
  const report = await findHandledReport(ctx, reference);
  if (report.handler === ctx.actor.id.userId)
    return messages(translate(ctx.locale, 'report.take.already', { reference: report.reference }));
  await takeIfFree(ctx, report, true);
  return messages(translate(ctx.locale, 'report.take.done', { reference: report.reference }));
}

/** A handler's reply goes to the reporter; the reporter's goes to whoever handles it. */
export async function replyToReport(ctx: UseCaseContext, reference: string, text: string): Promise<Reply> {
  const { report, access } = await findVisibleReport(ctx, reference);
  if (report.status === 'resolved') throw new UserError('report.alreadyResolved', { reference: report.reference });
  const at = ctx.ports.clock.now().toISOString();
  const me = ctx.actor.id.userId;
  if (access === 'reporter') {
    await change(ctx, report, (stored) => ({
      report: { ...stored, conversation: [...stored.conversation, { at, from: 'reporter', author: me, text }] },
      events: [{ kind: 'reporter-replied', actor: me }],
    }));
    return messages(translate(ctx.locale, 'report.reply.sentToHandler', { reference: report.reference }));
  }
  if (!report.reporter) throw new UserError('report.reporterErased', { reference: report.reference });
  const { report: current } = await takeIfFree(ctx, report);
  await change(ctx, current, (stored) => ({
    report: { ...stored, conversation: [...stored.conversation, { at, from: 'handler', author: me, text }] },
    events: [{ kind: 'replied', actor: me }],
  }));
  return messages(translate(ctx.locale, 'report.reply.sentToReporter', { reference: report.reference }));
}

export async function noteReport(ctx: UseCaseContext, reference: string, text: string): Promise<Reply> {
  const report = await findHandledReport(ctx, reference);
  const at = ctx.ports.clock.now().toISOString();
  const me = ctx.actor.id.userId;
  await change(ctx, report, (stored) => ({
    report: { ...stored, notes: [...stored.notes, { at, author: me, text }] },
    events: [{ kind: 'noted', actor: me }],
  }));
  return messages(translate(ctx.locale, 'report.note.done', { reference: report.reference }));
}

export async function resolveReport(ctx: UseCaseContext, reference: string, text: string): Promise<Reply> {
  const found = await findHandledReport(ctx, reference);
  const { report } = await takeIfFree(ctx, found);
  const at = ctx.ports.clock.now().toISOString();
  const resolved = await change(ctx, report, (stored) => ({
    report: { ...stored, status: 'resolved', resolution: text, resolvedAt: at },
    events: [{ kind: 'resolved', actor: ctx.actor.id.userId }],
  }));
  await cancelDeadline(ctx.ports, resolved);
  return messages(translate(ctx.locale, 'report.resolve.done', { reference: report.reference }));
}

export async function escalateReport(ctx: UseCaseContext, reference: string, reason: string): Promise<Reply> {
  const report = await findHandledReport(ctx, reference);
  await escalateToCoordinators(ctx.ports, report, 'button', ctx.actor.id.userId, reason);
  // Now the coordinators' to take: their own reminder, from now.
  await cancelDeadline(ctx.ports, report);
  await scheduleDeadline(ctx.ports, ctx.programme, report, ctx.ports.clock.now());
  return messages(translate(ctx.locale, 'report.escalate.done', { reference: report.reference }));
}

/** A coordinator gives the report to a référent: they receive it by DM, with the buttons. */
export async function reassignReport(ctx: UseCaseContext, reference: string, referent: string): Promise<Reply> {
  const report = await findHandledReport(ctx, reference);
  if (referent === report.reporter) throw new UserError('report.reassign.toReporter');
  if (referent === report.concerns) throw new UserError('report.reassign.toConcerned');
  // The other member of the binôme must never see it: the same rule as routing, which skips a référent of the pair.
  const binome = report.binomeId ? await ctx.ports.binomes.find(ctx.community, report.binomeId) : undefined;
  if (binome && isMemberOf(binome, referent)) throw new UserError('report.reassign.toConcerned');
  // Reports are handled by référents (named in config or in chat) and coordinators, nobody else.
  const handlers = [...(await referentIds(ctx)), ...ctx.programme.access.coordinators.users];
  if (!handlers.includes(referent)) throw new UserError('report.reassign.notReferent', { person: mention(referent) });
  await change(ctx, report, (stored) => ({
    report: {
      ...stored,
      route: 'referent',
      handler: referent,
      status: stored.status === 'received' ? 'in-progress' : stored.status,
      recipients: stored.recipients.includes(referent) ? stored.recipients : [...stored.recipients, referent],
    },
    events: [{ kind: 'reassigned', actor: ctx.actor.id.userId, to: referent }],
  }));
  await cancelDeadline(ctx.ports, report);
  return messages(translate(ctx.locale, 'report.reassign.done', { reference: report.reference, person: mention(referent) }));
}
