import type { AccessRole } from '../access';
import type { Report } from './report';

/**
 * What a person may see of a report: nothing (not even that it exists), the reporter's view
 * (status, their conversation; never internal notes or the history), or the handling view
 * (everything). Every command, button, DM and export that shows a report asks this one function.
 */
export type ReportAccess = 'none' | 'reporter' | 'handling';

/** The two members of the binôme a report is about, when it is about one. */
export interface Pair {
  readonly mentee: string;
  readonly mentor: string;
}

export interface Viewer {
  readonly userId: string;
  readonly roles: ReadonlySet<AccessRole>;
}

/**
 * Coordinators handle every report, except one about themselves as référent; a référent sees
 * the reports that reached them or that they handle, never those of other binômes; the reporter
 * sees their own; everyone else, the other member of the binôme included, sees nothing.
 */
export function reportAccess(viewer: Viewer, report: Report, pair?: Pair): ReportAccess {
  const given = report.handler === viewer.userId || report.recipients.includes(viewer.userId);
  if (given) return 'handling';
  if (report.reporter !== undefined && report.reporter === viewer.userId) return 'reporter';
  // A member of the binôme concerned never sees it, whatever their roles (a mentor who also coordinates).
  if (pair && (pair.mentee === viewer.userId || pair.mentor === viewer.userId)) return 'none';
  if (viewer.roles.has('coordinator') && report.concerns !== viewer.userId) return 'handling';
  return 'none';
}

/** Whether this person may act on it as a handler (take, reply, note, resolve, escalate). */
export const canHandle = (viewer: Viewer, report: Report, pair?: Pair): boolean => reportAccess(viewer, report, pair) === 'handling';

/**
 * Whether the coordination space may show the report's text: not when someone its policy keeps
 * out may be in the space (a coordinator who is the référent concerned, one of the pair, or the
 * reporter, who must not read notes and reasons). Coordinators named by platform role or group
 * cannot be listed here, hence `coordinatorUsers` from config; a text kept out is opened with a
 * command, which asks the policy.
 */
export function spaceMayShowText(report: Report, pair: Pair | undefined, coordinatorUsers: readonly string[]): boolean {
  if (report.concerns) return false;
  const keptOut = [report.reporter, pair?.mentee, pair?.mentor].filter((id): id is string => id !== undefined);
  return !keptOut.some((id) => coordinatorUsers.includes(id));
}
