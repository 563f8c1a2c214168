import { isActiveBinome, peopleOf } from '../binomes/binome';
import { announcedSpaces } from '../binomes/binome-spaces';
import { WEEK_MS } from '../calendar';
import type { CorePorts } from '../context';
import { type CommunityRef, participantIdOf } from '../identity';
import type { JobOutcome } from '../jobs/job';
import type { JobContext, JobHandler } from '../jobs/job-handler';
import { localeOf } from '../people';
import type { Programme } from '../programme/programme-schema';
import type { CheckIn } from './check-in';
import { alertReferent, alertSeen, enrolledLocale, silentRounds } from './check-in-evaluation';
import { checkInPost, silencePauseText, spaceLocales } from './check-in-texts';
import { activePause, type Pause } from './pause';
import { startPause } from './pauses';

/** Key = binôme id; payload { binome, round } (and the space it posts in, and whether a failed run is being tried again). */
export const CHECK_IN_JOB = 'check-in.round';

/** A round the platform refused (or whose alert could not be delivered) is tried again this much later. */
const AGAIN_MS = 60 * 60 * 1000;

const weeksAfter = (from: number, weeks: number) => new Date(from + weeks * WEEK_MS);

/**
 * Plans a binôme's first check-in, once its space holds the welcome. Scheduling again while one is
 * pending keeps the pending one, so an announcement run again (or resumed) plans nothing more.
 */
export async function scheduleCheckIns(ports: CorePorts, community: CommunityRef, programme: Programme, binomeId: string, spaceId: string) {
  await ports.queue.schedule({
    community,
    kind: CHECK_IN_JOB,
    key: binomeId,
    payload: { binome: binomeId, round: '1', space: spaceId },
    dueAt: weeksAfter(ports.clock.now().getTime(), programme.followUp.firstCheckInAfterWeeks),
  });
}

/** A binôme ended (or its cycle closed): nothing more is posted in its space. */
export function cancelCheckIns(ports: CorePorts, community: CommunityRef, binomeId: string): Promise<boolean> {
  return ports.queue.cancel(community, CHECK_IN_JOB, binomeId);
}

/**
 * Pauses each member who left `pauseAfterIgnoredRounds` rounds in a row unanswered, and tells them
 * privately how to resume. A run cut after the pause was saved tells them on its next run (the
 * key, with `mayHaveBeenSent`, keeps it to one message). Returns each member's pauses, as they now are.
 */
async function pauseTheSilent(
  ctx: JobContext,
  members: readonly string[],
  previous: readonly CheckIn[],
  mayHaveBeenSent: boolean,
): Promise<Map<string, Pause[]>> {
  const { ports, community, programme } = ctx;
  const now = ports.clock.now();
  const threshold = programme.followUp.pauseAfterIgnoredRounds;
  const latestPosted = previous.at(-1)?.postedAt;
  const result = new Map<string, Pause[]>();
  for (const member of members) {
    const pauses = await ports.pauses.listFor(participantIdOf(community, member));
    result.set(member, pauses);
    const partner = members.find((other) => other !== member) ?? member;
    const tell = async (pause: Pause, again: boolean) => {
      const locale = await localeOf(ports, community, programme, member);
      await ports.chat.sendDirectMessage(
        community,
        member,
        { text: silencePauseText(partner, threshold, locale) },
        { key: `check-in-pause:${member}:${pause.startedAt}`, mayHaveBeenSent: again },
      );
    };
    const current = activePause(pauses, now);
    if (current) {
      // Paused by an earlier run of this very round, which may have stopped before telling them.
      if (mayHaveBeenSent && current.because === 'no-answer' && latestPosted && current.startedAt > latestPosted) await tell(current, true);
      continue;
    }
    if (silentRounds(previous, member, pauses) < threshold) continue;
    const { pause } = await startPause(ports, community, programme, member, { because: 'no-answer' });
    result.set(member, [...pauses, pause]);
    await tell(pause, mayHaveBeenSent);
  }
  return result;
}

async function spaceOf(ctx: JobContext, binomeId: string, fromPayload: string | undefined): Promise<string | undefined> {
  if (fromPayload) return fromPayload;
  // Jobs planned without their space (none today): the announcement log has it, at a cost that grows with the community.
  return (await announcedSpaces(ctx.ports, ctx.community)).get(binomeId)?.id;
}

/**
 * Round N of a binôme: looks at the rounds before it (auto-pause, then the référent's alert), posts
 * the question in the binôme's space, records the round, and plans round N+1. A round already
 * recorded is never posted again; a run cut between posting and recording posts with
 * `mayHaveBeenSent`, so the platform finds its message rather than sending a second one.
 */
export const checkInRoundJob: JobHandler = {
  kind: CHECK_IN_JOB,
  // A run that throws (the store down) is tried again for days rather than four times: giving up
  // would end the binôme's check-ins for good, since the job is the whole schedule.
  maxAttempts: 100,
  backoffMs: [60_000, 5 * 60_000, 30 * 60_000, 60 * 60_000],
  async run(ctx, job): Promise<JobOutcome> {
    const { ports, community, programme } = ctx;
    const binomeId = job.payload.binome ?? '';
    const round = Number(job.payload.round ?? '1');
    if (!binomeId || !Number.isInteger(round) || round < 1) return { status: 'done' };
    const binome = await ports.binomes.find(community, binomeId);
    if (!binome || !isActiveBinome(binome)) return { status: 'done' };
    if ((await ports.cycles.find(community, binome.cycle))?.state === 'closed') return { status: 'done' };
    const { checkInEveryWeeks } = programme.followUp;
    const again = (payload: Record<string, string>): JobOutcome => ({
      status: 'reschedule',
      dueAt: new Date(ports.clock.now().getTime() + AGAIN_MS),
      payload: { ...payload, retry: '1' },
    });
    const { retry: _retried, ...plain } = job.payload;
    const nextRound = (postedAt: string): JobOutcome => ({
      status: 'reschedule',
      dueAt: weeksAfter(Date.parse(postedAt), checkInEveryWeeks),
      payload: { ...plain, round: String(round + 1) },
    });

    const recorded = await ports.checkIns.find(community, binomeId, round);
    if (recorded) return nextRound(recorded.postedAt);

    const mayHaveBeenSent = ctx.mayHaveRun || ctx.attempt > 1 || job.payload.retry === '1';
    const previous = (await ports.checkIns.listForBinome(community, binomeId))
      .filter((checkIn) => checkIn.round < round)
      .sort((a, b) => a.round - b.round);
    const members = [binome.mentee, binome.mentor];
    const pauses = await pauseTheSilent(ctx, members, previous, mayHaveBeenSent);
    const now = ports.clock.now();
    const asked = members.filter((member) => activePause(pauses.get(member) ?? [], now) === undefined);
    // Nobody to ask: the round waits, with its number, until one of them comes back.
    if (asked.length === 0) return { status: 'reschedule', dueAt: weeksAfter(now.getTime(), checkInEveryWeeks), payload: plain };

    const seen = alertSeen(previous, programme.followUp.alertAfterRounds);
    if (seen) {
      try {
        await alertReferent(ports, community, programme, binome, seen, round, mayHaveBeenSent);
      } catch {
        return again(job.payload);
      }
    }

    const space = await spaceOf(ctx, binomeId, job.payload.space);
    if (!space) return { status: 'done' };
    const locales = spaceLocales(
      programme,
      (await Promise.all(peopleOf(binome).map((userId) => enrolledLocale(ports, community, userId)))).flatMap((locale) => locale ?? []),
    );
    const sent = await ports.chat.postInSpace(community, space, checkInPost(binome, round, asked, locales), {
      key: `check-in:${binomeId}:${round}`,
      mayHaveBeenSent,
    });
    if (!sent.ok) return again(job.payload);
    const postedAt = ports.clock.now().toISOString();
    await ports.checkIns.add({ schemaVersion: 1, community, binomeId, round, postedAt, answers: [] });
    return nextRound(postedAt);
  },
};
