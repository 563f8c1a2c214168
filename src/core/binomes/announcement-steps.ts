import type { CorePorts } from '../context';
import type { CommunityRef } from '../identity';
import type { AnnouncedSpace, AnnouncementStep, StepAttempt, StepFailure } from './announcement-log';

/**
 * An attempt started by another process, or by an earlier run of this bot, with no outcome yet:
 * after this long its run is taken for stopped, and the step is tried again, carefully.
 */
export const STALE_ATTEMPT_MS = 5 * 60_000;
/** DMs and notices to a person who cannot be reached are tried in this many runs, then given up. */
export const MAX_MESSAGE_ATTEMPTS = 3;

export type StepOutcome = { readonly ok: true; readonly space?: AnnouncedSpace } | { readonly ok: false; readonly failure: StepFailure };

export type StepResult =
  | { readonly status: 'done'; readonly space?: AnnouncedSpace; readonly now: boolean }
  | { readonly status: 'failed'; readonly failure: StepFailure; readonly attempts: number; readonly final: boolean; readonly now: boolean }
  /** Another run is doing it right now (or stopped less than STALE_ATTEMPT_MS ago). */
  | { readonly status: 'busy' };

const attemptsLimit = (step: AnnouncementStep) =>
  step === 'space' || step === 'welcome' ? Number.POSITIVE_INFINITY : MAX_MESSAGE_ATTEMPTS;

/** The log of attempts, read once per run, by subject and step. */
export function indexAttempts(attempts: readonly StepAttempt[]): Map<string, StepAttempt[]> {
  const index = new Map<string, StepAttempt[]>();
  for (const attempt of attempts) {
    const key = `${attempt.subject}\u0000${attempt.step}`;
    index.set(
      key,
      [...(index.get(key) ?? []), attempt].sort((a, b) => a.attempt - b.attempt),
    );
  }
  return index;
}

/** What is known of a step without running it: done, given up, or still to do. */
export function settledResult(attempts: readonly StepAttempt[], step: AnnouncementStep): StepResult | undefined {
  const last = attempts.at(-1);
  if (last?.state === 'done') return { status: 'done', ...(last.space ? { space: last.space } : {}), now: false };
  if (last?.state === 'failed' && last.failure && attempts.length >= attemptsLimit(step)) {
    return { status: 'failed', failure: last.failure, attempts: attempts.length, final: true, now: false };
  }
  return undefined;
}

/**
 * Runs one step at most once across runs and processes: the attempt is claimed in the log first
 * (an `add`, so of two runs only one gets it), then done, then its outcome recorded. A claimed
 * attempt with no outcome means a run stopped in between: the retry is told the message may
 * already be there, and the platform looks before sending again.
 */
export function createStepRunner(ports: CorePorts, community: CommunityRef, index: Map<string, StepAttempt[]>) {
  return async function runStep(
    subject: string,
    step: AnnouncementStep,
    work: (mayHaveBeenSent: boolean) => Promise<StepOutcome>,
  ): Promise<StepResult> {
    const key = `${subject}\u0000${step}`;
    const attempts = index.get(key) ?? [];
    const settled = settledResult(attempts, step);
    if (settled) return settled;
    const last = attempts.at(-1);
    const now = ports.clock.now();
    if (last?.state === 'started') {
      const age = now.getTime() - Date.parse(last.startedAt);
      if (last.instance !== ports.instanceId && age < STALE_ATTEMPT_MS) return { status: 'busy' };
    }
    // Any attempt left without an outcome may have delivered: every later attempt looks first, not only the next one.
    const mayHaveBeenSent = attempts.some((attempt) => attempt.state === 'started');
    const started: StepAttempt = {
      schemaVersion: 1,
      community,
      subject,
      step,
      attempt: (last?.attempt ?? 0) + 1,
      state: 'started',
      instance: ports.instanceId,
      startedAt: now.toISOString(),
    };
    if (!(await ports.announcements.claim(started))) return { status: 'busy' };
    let outcome: StepOutcome;
    try {
      outcome = await work(mayHaveBeenSent);
    } catch (error) {
      // Whatever the platform threw (a rate limit it gave up on, a network failure) is this step's failure, not the run's.
      outcome = { ok: false, failure: { reason: 'error', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) } };
    }
    const finished: StepAttempt = {
      ...started,
      state: outcome.ok ? 'done' : 'failed',
      finishedAt: ports.clock.now().toISOString(),
      ...(outcome.ok && outcome.space ? { space: outcome.space } : {}),
      ...(outcome.ok ? {} : { failure: outcome.failure }),
    };
    await ports.announcements.finish(finished);
    index.set(key, [...attempts, finished]);
    if (outcome.ok) return { status: 'done', ...(outcome.space ? { space: outcome.space } : {}), now: true };
    const total = attempts.length + 1;
    return { status: 'failed', failure: outcome.failure, attempts: total, final: total >= attemptsLimit(step), now: true };
  };
}

export type StepRunner = ReturnType<typeof createStepRunner>;
