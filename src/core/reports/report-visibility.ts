import type { AccessRole } from '../access';
import type { Report } from './report';

/**
 * What a person may see of a report: nothing (not even that it exists), the reporter's view
 * (status, their conversation; never internal notes or the history), or the handling view
 * (everything). Every command, button, DM and export that shows a report asks this one function.
 */
export type ReportAccess = 'none' | 'reporter' | 'handling';

export interface Viewer {
  readonly userId: string;
  readonly roles: ReadonlySet<AccessRole>;
}

/**
 * Coordinators handle every report, except one about themselves as référent; a référent sees
 * the reports that reached them or that they handle, never those of other binômes; the reporter
 * sees their own; everyone else, the other member of the binôme included, sees nothing.
 */
export function reportAccess(viewer: Viewer, report: Report): ReportAccess {
  const given = report.handler === viewer.userId || report.recipients.includes(viewer.userId);
  if (given) return 'handling';
  if (report.reporter !== undefined && report.reporter === viewer.userId) return 'reporter';
  if (viewer.roles.has('coordinator') && report.concerns !== viewer.userId) return 'handling';
  return 'none';
}

/** Whether this person may act on it as a handler (take, reply, note, resolve, escalate). */
export const canHandle = (viewer: Viewer, report: Report): boolean => reportAccess(viewer, report) === 'handling';
