import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import type { Report } from './report';
import { referenceOf } from './report';
import { type ReportAccess, reportAccess } from './report-visibility';

/** `SIG-0007`, `sig-7`, `7` and ` SIG-0007 ` all name the same report. */
export function normalizeReference(typed: string): string | undefined {
  const match = /^\s*(?:sig-?)?0*(\d{1,9})\s*$/i.exec(typed);
  return match?.[1] ? referenceOf(Number(match[1])) : undefined;
}

/**
 * The report as this person may see it. A report they may not see answers exactly as one that
 * does not exist, so that nobody learns a reference is taken, nor by whom.
 */
export async function findVisibleReport(
  ctx: UseCaseContext,
  typed: string,
): Promise<{ readonly report: Report; readonly access: Exclude<ReportAccess, 'none'> }> {
  const reference = normalizeReference(typed);
  const report = reference ? await ctx.ports.reports.find(ctx.community, reference) : undefined;
  const pair = report?.binomeId ? await ctx.ports.binomes.find(ctx.community, report.binomeId) : undefined;
  const access = report && !report.purgedAt ? reportAccess({ userId: ctx.actor.id.userId, roles: ctx.actor.roles }, report, pair) : 'none';
  if (!report || access === 'none') throw new UserError('report.notFound', { reference: reference ?? typed.slice(0, 20) });
  return { report, access };
}

/** The same, for someone about to act on it as a handler. */
export async function findHandledReport(ctx: UseCaseContext, typed: string): Promise<Report> {
  const { report, access } = await findVisibleReport(ctx, typed);
  if (access !== 'handling') throw new UserError('report.notFound', { reference: report.reference });
  if (report.status === 'resolved') throw new UserError('report.alreadyResolved', { reference: report.reference });
  return report;
}
