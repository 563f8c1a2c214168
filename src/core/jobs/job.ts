import { z } from 'zod';
import { communityRefSchema } from '../identity';

const isoDateTime = z.iso.datetime();

/**
 * Work that must happen later, once, even across restarts: a report to deliver, a deadline to
 * check. The same model as pg-boss and BullMQ (a name, data, a due time, a retry limit with
 * backoff, a singleton key), so that a queue on PostgreSQL or Redis can later run the same handlers.
 */
export const jobSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  /** Which handler runs it, e.g. `report.deliver`. */
  kind: z.string().regex(/^[a-z][a-z0-9.-]{0,59}$/),
  /** Unique among pending jobs of this kind and community: scheduling the same key twice keeps one job. */
  key: z.string().min(1).max(120),
  dueAt: isoDateTime,
  /** Small, flat and free of personal text: handlers read what they need from the repositories. */
  payload: z.record(z.string(), z.string()),
  /** Runs that failed so far; the next run is attempt `attempts + 1`. */
  attempts: z.number().int().min(0),
  createdAt: isoDateTime,
  /** The last failure, for operators (a platform error message, never a person's text). */
  lastError: z.string().max(300).optional(),
});
export type Job = z.infer<typeof jobSchema>;

export type NewJob = Pick<Job, 'community' | 'kind' | 'key' | 'payload'> & { readonly dueAt: Date };

/**
 * What a handler answers: done (the job is forgotten), retry (it failed; it runs again after a
 * backoff, up to the kind's retry limit, then the handler's `exhausted` runs), or again at a
 * given time with a new payload (a deadline's next stage).
 */
export type JobOutcome =
  | { readonly status: 'done' }
  | { readonly status: 'retry'; readonly error: string }
  | { readonly status: 'reschedule'; readonly dueAt: Date; readonly payload: Readonly<Record<string, string>> };

/** Backoff before each retry (about 1 min, 5 min, 30 min, then every 30 min). */
export const DEFAULT_BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000];

export function backoffFor(attempts: number, steps: readonly number[] = DEFAULT_BACKOFF_MS): number {
  return steps[Math.min(Math.max(attempts - 1, 0), steps.length - 1)] ?? 60_000;
}
