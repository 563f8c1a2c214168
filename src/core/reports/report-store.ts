import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { NewEvent, Report, ReportEvent } from './report';
import { withEvent } from './report';

/**
 * Reads the report again, applies a change and records its events: each change starts from what
 * is stored now, so a delivery job and a person acting at the same moment both keep their part.
 */
export async function updateReport(
  ports: CorePorts,
  community: CommunityRef,
  reference: string,
  change: (report: Report) => { readonly report: Report; readonly events: readonly NewEvent[] } | undefined,
): Promise<{ readonly report: Report; readonly events: ReportEvent[] } | undefined> {
  const stored = await ports.reports.find(community, reference);
  if (!stored) return undefined;
  const changed = change(stored);
  if (!changed) return undefined;
  const now = ports.clock.now();
  let report = changed.report;
  const events: ReportEvent[] = [];
  for (const event of changed.events) {
    report = withEvent(report, event, now);
    events.push(report.history.at(-1) as ReportEvent);
  }
  await ports.reports.save(report);
  return { report, events };
}
