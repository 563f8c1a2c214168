import { type Binome, isActiveBinome } from '../binomes/binome';
import { dissolveBinome } from '../binomes/dissolve';
import { scheduleSpaceArchive } from '../binomes/space-archive-job';
import type { CorePorts } from '../context';
import { scheduleFeedbackAsk } from '../feedback/feedback-job';
import { type CommunityRef, participantIdOf } from '../identity';
import type { Job, JobOutcome } from '../jobs/job';
import type { JobContext, JobHandler } from '../jobs/job-handler';
import type { Programme } from '../programme/programme-schema';
import type { Cycle } from './cycle';

export const CYCLE_CLOSE_JOB = 'cycle.close';
export const CYCLE_RETENTION_JOB = 'cycle.retention';

/** Binômes ended per run of `cycle.close`; the next run goes on at once. */
export const BINOMES_PER_RUN = 50;

/** The mentorés and mentors of these binômes, each once: the people asked for feedback. */
export function membersOf(binomes: readonly Binome[]): string[] {
  return [...new Set(binomes.flatMap((binome) => [binome.mentee, binome.mentor]))];
}

/**
 * Who is asked for feedback: each mentoré and mentor of a binôme of the cycle, whether it ended
 * early (dissolved, not a good fit) or with the cycle, and still enrolled: someone who withdrew or
 * erased their data is not written to. The same people the form is open to (`tookPartIn`).
 */
export async function feedbackRecipients(
  ports: Pick<CorePorts, 'enrolments'>,
  community: CommunityRef,
  binomes: readonly Binome[],
): Promise<string[]> {
  const people = membersOf(binomes);
  const enrolled = await Promise.all(
    people.map(async (userId) => (await ports.enrolments.find(participantIdOf(community, userId)))?.status === 'active'),
  );
  return people.filter((_, index) => enrolled[index]);
}

function addMonths(date: Date, months: number): Date {
  const later = new Date(date.getTime());
  later.setUTCMonth(later.getUTCMonth() + months);
  return later;
}

/**
 * After a cycle is marked closed: its binômes end through the `cycle.close` job (restart-safe,
 * one by one), and its people's names go after the retention set in config (`cycle.retention`).
 * Returns how many people will be asked for feedback.
 */
export async function scheduleCycleClose(ports: CorePorts, community: CommunityRef, programme: Programme, cycle: Cycle): Promise<number> {
  const closedAt = cycle.closedAt ? new Date(cycle.closedAt) : ports.clock.now();
  const key = String(cycle.sequence);
  await ports.queue.schedule({ community, kind: CYCLE_CLOSE_JOB, key, payload: { cycle: key }, dueAt: ports.clock.now() });
  await ports.queue.schedule({
    community,
    kind: CYCLE_RETENTION_JOB,
    key,
    payload: { cycle: key },
    dueAt: addMonths(closedAt, programme.followUp.pastCyclesRetentionMonths),
  });
  ports.queue.nudge();
  const binomes = await ports.binomes.listByCommunity(community);
  return (
    await feedbackRecipients(
      ports,
      community,
      binomes.filter((binome) => binome.cycle === cycle.sequence),
    )
  ).length;
}

/**
 * Phase 1 ends the cycle's running binômes one by one (each one's dissolution is its own record:
 * a re-run after a cut skips those already ended), cancelling their pending check-ins first.
 * Phase 2, once none is left, schedules the archive of every space of the cycle and the feedback
 * form of each member of its binômes still enrolled (`feedbackRecipients`), keyed so that a re-run queues nothing twice; it starts only when every binôme has ended,
 * so a mentor of two binômes is asked once.
 */
async function closeCycle(ctx: JobContext, job: Job): Promise<JobOutcome> {
  const { ports, community, programme } = ctx;
  const sequence = Number.parseInt(job.payload.cycle ?? '', 10);
  const cycle = Number.isInteger(sequence) ? await ports.cycles.find(community, sequence) : undefined;
  if (cycle?.state !== 'closed') return { status: 'done' };
  const ofCycle = (await ports.binomes.listByCommunity(community)).filter((binome) => binome.cycle === sequence);

  if (job.payload.phase !== 'follow-up') {
    const running = ofCycle.filter(isActiveBinome);
    for (const [done, binome] of running.entries()) {
      // Stopping between binômes: the next run goes on from the first one still running.
      // A batch per run keeps each run well within the lease (three DMs per binôme).
      if (ports.stopping.aborted || done >= BINOMES_PER_RUN)
        return { status: 'reschedule', dueAt: ports.clock.now(), payload: { cycle: String(sequence) } };
      await dissolveBinome(ports, community, programme, binome, { by: cycle.closedBy ?? 'programme', because: 'cycle-closed' });
    }
    return { status: 'reschedule', dueAt: ports.clock.now(), payload: { cycle: String(sequence), phase: 'follow-up' } };
  }

  // Every space of the cycle is archived, those of binômes that ended earlier (dissolved, a member
  // who left) too: they were told it ended, and nobody writes there any more.
  for (const binome of ofCycle) {
    await scheduleSpaceArchive(ports, community, binome.id, ports.clock.now());
  }
  for (const participant of await feedbackRecipients(ports, community, ofCycle)) {
    await scheduleFeedbackAsk(ports, community, cycle, participant);
  }
  return { status: 'done' };
}

export const closeCycleJob: JobHandler = { kind: CYCLE_CLOSE_JOB, run: closeCycle };
