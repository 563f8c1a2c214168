import { z } from 'zod';
import { localeSchema } from '../i18n/locale';
import { communityRefSchema } from '../identity';

const isoDateTime = z.iso.datetime();
const userId = z.string().min(1).max(100);

export const REPORT_STATUSES = ['received', 'in-progress', 'resolved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** `SIG-0001`…: a community's reports in the order filed; the number is never given twice. */
export const REFERENCE_PATTERN = /^SIG-\d{4,9}$/;
export const referenceOf = (number: number): string => `SIG-${String(number).padStart(4, '0')}`;

export const REPORT_EVENTS = [
  /** Filed by the reporter. */
  'filed',
  /** It reached someone (`actor`) personally, or the coordination space (`actor` absent). */
  'received',
  /** Its text was shown to `actor` (a DM, a command's answer, the coordination space). */
  'shown',
  'taken',
  /** `actor` (a handler) wrote to the reporter; `message` points into `conversation`. */
  'replied',
  /** The reporter wrote back. */
  'reporter-replied',
  'noted',
  /** Now the coordinators' (`detail`: `button`, `deadline`, `fallback`, `no-referent`, `category`…). */
  'escalated',
  /** A coordinator gave it to `to`. */
  'reassigned',
  /** Nobody took it in time: its recipients were reminded. */
  'reminded',
  'resolved',
  /** Its reporter erased their data while it was open. */
  'closed-by-erasure',
  /** Resolved long ago: texts and people removed, counts kept. */
  'purged',
] as const;
export type ReportEventKind = (typeof REPORT_EVENTS)[number];

/** Why a report went to the coordinators (an `escalated` event's detail). */
export const ESCALATION_REASONS = [
  'button',
  'deadline',
  'unreachable',
  'delivery-failed',
  'category',
  'no-binome',
  'no-referent',
  'referent-involved',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** Every code an event's detail may hold: where a text was shown, a first take, an escalation's reason. */
export const EVENT_DETAILS = ['dm', 'command', 'coordination', 'first', ...ESCALATION_REASONS] as const;

export const reportEventSchema = z.object({
  /** Its place in the history, from 0: jobs that tell people about an event name it by this number. */
  n: z.number().int().min(0),
  at: isoDateTime,
  kind: z.enum(REPORT_EVENTS),
  actor: userId.optional(),
  /** A person the event concerns (a new handler, a reminded recipient). */
  to: userId.optional(),
  /** A code, never a typed text (why it was escalated, where it was shown). */
  detail: z.string().max(60).optional(),
  /** The escalation's reason as typed: a text, erased and purged with the others. */
  text: z.string().max(2000).optional(),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

export const reportMessageSchema = z.object({
  at: isoDateTime,
  from: z.enum(['reporter', 'handler']),
  author: userId.optional(),
  text: z.string().min(1).max(2000),
});
export type ReportMessage = z.infer<typeof reportMessageSchema>;

/**
 * A concern filed with `/mentorat signaler`, one record per report. Texts (description,
 * conversation, notes, resolution, escalation reasons) are the reporter's and handlers' words:
 * erased with the reporter's data and purged after the retention; the rest stays for counts.
 */
export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  reference: z.string().regex(REFERENCE_PATTERN),
  number: z.number().int().min(1),
  category: z.string().min(1).max(40),
  /** The binôme concerned, if any (absent: the programme in general). */
  binomeId: z.string().max(40).optional(),
  /** Absent once the reporter erased their data. */
  reporter: userId.optional(),
  reporterLocale: localeSchema,
  description: z.string().min(1).max(2000).optional(),
  contact: z.boolean(),
  status: z.enum(REPORT_STATUSES),
  /** Who receives it now: the référent (`recipients`) or the coordinators (the coordination space). */
  route: z.enum(['referent', 'coordinators']),
  /** People it reached personally (a référent by DM); they keep seeing it after an escalation. */
  recipients: z.array(userId),
  /** The référent the category names as concerned ("about my référent"): never shown the report unless given it. */
  concerns: userId.optional(),
  handler: userId.optional(),
  resolution: z.string().min(1).max(2000).optional(),
  conversation: z.array(reportMessageSchema),
  notes: z.array(z.object({ at: isoDateTime, author: userId, text: z.string().min(1).max(2000) })),
  history: z.array(reportEventSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  resolvedAt: isoDateTime.optional(),
  purgedAt: isoDateTime.optional(),
});
export type Report = z.infer<typeof reportSchema>;

export type NewEvent = Omit<ReportEvent, 'n' | 'at'>;

/** The report with one more event in its history (numbered, dated). */
export function withEvent(report: Report, event: NewEvent, at: Date): Report {
  const stamped: ReportEvent = { ...event, n: report.history.length, at: at.toISOString() };
  return { ...report, history: [...report.history, stamped], updatedAt: stamped.at };
}

export const lastEvent = (report: Report): ReportEvent => {
  const event = report.history.at(-1);
  if (!event) throw new Error(`report ${report.reference} has no history`);
  return event;
};

export const isOpen = (report: Report): boolean => report.status !== 'resolved';
