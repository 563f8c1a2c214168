import type { Binome } from '../binomes/binome';
import type { CheckIn } from '../follow-up/check-in';
import type { FitConcern } from '../follow-up/fit-concern';
import type { Job, JobOutcome } from '../jobs/job';
import type { JobContext, JobHandler } from '../jobs/job-handler';
import { CYCLE_RETENTION_JOB } from './close-cycle-job';

/**
 * What stands for a person once a past cycle's retention is over. A leading `~` is no platform's
 * user id (Discord's are digits, Slack's capitals, the terminal's names are typed words), so a
 * marker is never mistaken for someone, and each binôme still counts one mentoré and one mentor.
 */
export const FORMER = { mentee: '~mentee', mentor: '~mentor', referent: '~referent', coordinator: '~coordination' } as const;

export const isFormerPerson = (userId: string): boolean => userId.startsWith('~');

function anonymousBinome(binome: Binome): Binome {
  return {
    ...binome,
    mentee: FORMER.mentee,
    mentor: FORMER.mentor,
    ...(binome.referent ? { referent: FORMER.referent } : {}),
    createdBy: FORMER.coordinator,
    ...(binome.dissolvedBy ? { dissolvedBy: FORMER.coordinator } : {}),
  };
}

/** Answers keep their round, answer and date (the stats), each "who" becomes the member's role. */
function anonymousCheckIn(checkIn: CheckIn, binome: Binome): CheckIn {
  const role = (userId: string) => (userId === binome.mentee ? FORMER.mentee : userId === binome.mentor ? FORMER.mentor : FORMER.referent);
  return {
    ...checkIn,
    answers: checkIn.answers.map((answer) => ({ ...answer, by: isFormerPerson(answer.by) ? answer.by : role(answer.by) })),
  };
}

/** A "not a good fit" keeps its binôme, date and outcome; who said it becomes their role. */
function anonymousConcern(concern: FitConcern, binome: Binome): FitConcern {
  return { ...concern, by: concern.by === binome.mentee ? FORMER.mentee : FORMER.mentor };
}

/**
 * `cycle.retention`: `followUp.pastCyclesRetentionMonths` after a cycle closed, its ended binômes
 * their check-in answers and "not a good fit" keep no one's id; the records stay, so per-cycle counts (binômes,
 * answers, meetings) remain. Check-ins first, while the binôme still says who was who: a re-run
 * after a cut redoes what is left and changes nothing already done.
 */
async function applyRetention(ctx: JobContext, job: Job): Promise<JobOutcome> {
  const { ports, community } = ctx;
  const sequence = Number.parseInt(job.payload.cycle ?? '', 10);
  const cycle = Number.isInteger(sequence) ? await ports.cycles.find(community, sequence) : undefined;
  if (cycle?.state !== 'closed') return { status: 'done' };
  const binomes = (await ports.binomes.listByCommunity(community)).filter(
    (binome) => binome.cycle === sequence && binome.status === 'dissolved' && !isFormerPerson(binome.mentee),
  );
  for (const binome of binomes) {
    for (const checkIn of await ports.checkIns.listForBinome(community, binome.id)) {
      await ports.checkIns.save(anonymousCheckIn(checkIn, binome));
    }
    // Its key names who said it: the anonymous copy is added first, so a cut never loses the count.
    for (const concern of await ports.fitConcerns.listForBinome(community, binome.id)) {
      if (isFormerPerson(concern.by)) continue;
      await ports.fitConcerns.add(anonymousConcern(concern, binome));
      await ports.fitConcerns.remove(concern);
    }
    await ports.binomes.save(anonymousBinome(binome));
  }
  return { status: 'done' };
}

export const cycleRetentionJob: JobHandler = { kind: CYCLE_RETENTION_JOB, run: applyRetention };
