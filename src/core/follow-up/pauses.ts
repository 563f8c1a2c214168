import { isActiveBinome, isMemberOf } from '../binomes/binome';
import type { CorePorts } from '../context';
import { formatDate } from '../i18n/format-date';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { type CommunityRef, type ParticipantId, participantIdOf } from '../identity';
import { localeOf } from '../people';
import type { Programme } from '../programme/programme-schema';
import { mention } from '../reply';
import { activePause, type Pause, type PauseReason } from './pause';

/** The job that ends a timed pause by itself (key = the person's user id). */
export const PAUSE_END_JOB = 'pause.end';

/** The person's pause holding now, if any (a timed one past its end no longer holds, job run or not). */
export async function currentPause(ports: CorePorts, participant: ParticipantId): Promise<Pause | undefined> {
  return activePause(await ports.pauses.listFor(participant), ports.clock.now());
}

/** Never proposed, never nudged while this holds. */
export async function isPaused(ports: CorePorts, participant: ParticipantId): Promise<boolean> {
  return (await currentPause(ports, participant)) !== undefined;
}

/** "until 3 April 2026" or "until further notice", in the reader's language. */
export function pauseLength(pause: Pick<Pause, 'until'>, programme: Programme, locale: Locale): string {
  return pause.until
    ? translate(locale, 'pause.until', { date: formatDate(pause.until, locale, programme.timeZone) })
    : translate(locale, 'pause.untilFurtherNotice');
}

type ReferentNews = 'started' | 'ended';

/**
 * The référent of each running binôme of the person is told privately, once per pause and news
 * (keyed). A binôme without a référent tells nobody: the coordinators see the pause in
 * `/mentorat-admin binomes` (the binôme shows at risk, the member "en pause"), which is where they
 * look after binômes; a DM to every coordinator for each pause would drown them.
 */
async function tellReferents(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  pause: Pause,
  news: ReferentNews,
  mayHaveBeenSent = false,
): Promise<void> {
  const userId = pause.participant.userId;
  const binomes = (await ports.binomes.listByCommunity(community)).filter((binome) => isActiveBinome(binome) && isMemberOf(binome, userId));
  const referents = new Set(binomes.flatMap((binome) => (binome.referent && binome.referent !== userId ? [binome.referent] : [])));
  for (const referent of referents) {
    const locale = await localeOf(ports, community, programme, referent);
    const text =
      news === 'started'
        ? translate(locale, 'pause.referent.started', {
            person: mention(userId),
            length: pauseLength(pause, programme, locale),
            because: pause.because === 'no-answer' ? 'noAnswer' : 'asked',
          })
        : translate(locale, 'pause.referent.ended', { person: mention(userId) });
    // A référent who cannot be reached does not stop the pause: it is visible in the pairs list.
    await ports.chat
      .sendDirectMessage(community, referent, { text }, { key: `pause|${userId}|${pause.startedAt}|${news}|${referent}`, mayHaveBeenSent })
      .catch(() => undefined);
  }
}

export type StartPauseOutcome = { readonly started: true; readonly pause: Pause } | { readonly started: false; readonly pause: Pause };

/**
 * Pauses a participant (asked by them, or after unanswered check-ins): a timed pause schedules
 * its own end. The person is told by the caller (the command's answer, the check-in's DM); their
 * référents are told here. Pausing someone already paused changes nothing and says so.
 */
export async function startPause(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  userId: string,
  options: { readonly until?: Date; readonly because: PauseReason },
): Promise<StartPauseOutcome> {
  const participant = participantIdOf(community, userId);
  const existing = await currentPause(ports, participant);
  if (existing) return { started: false, pause: existing };
  const pause: Pause = {
    schemaVersion: 1,
    participant,
    startedAt: ports.clock.now().toISOString(),
    ...(options.until ? { until: options.until.toISOString() } : {}),
    because: options.because,
  };
  await ports.pauses.save(pause);
  if (options.until) {
    await ports.queue.schedule({
      community,
      kind: PAUSE_END_JOB,
      key: userId,
      dueAt: options.until,
      payload: { participant: userId, startedAt: pause.startedAt },
    });
  }
  await tellReferents(ports, community, programme, pause, 'started');
  return { started: true, pause };
}

/**
 * Ends the person's pause now (they resume): the pending end is cancelled, their référents told.
 * Undefined when they were not paused.
 */
export async function endPause(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  userId: string,
  because: 'resumed' | 'withdrawn' = 'resumed',
): Promise<Pause | undefined> {
  const pause = await currentPause(ports, participantIdOf(community, userId));
  if (!pause) return undefined;
  const ended: Pause = { ...pause, endedAt: ports.clock.now().toISOString(), endedBecause: because };
  await ports.pauses.save(ended);
  await ports.queue.cancel(community, PAUSE_END_JOB, userId);
  if (because === 'resumed') await tellReferents(ports, community, programme, ended, 'ended');
  return ended;
}

/** A timed pause ran out: recorded as expired, the person told once what it means, their référents told. */
export async function expirePause(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  pause: Pause,
  mayHaveBeenSent: boolean,
): Promise<void> {
  const userId = pause.participant.userId;
  if (!pause.endedAt) await ports.pauses.save({ ...pause, endedAt: ports.clock.now().toISOString(), endedBecause: 'expired' });
  const locale = await localeOf(ports, community, programme, userId);
  await ports.chat.sendDirectMessage(
    community,
    userId,
    { text: translate(locale, 'pause.expired') },
    { key: `pause|${userId}|${pause.startedAt}|expired`, mayHaveBeenSent },
  );
  await tellReferents(ports, community, programme, pause, 'ended', mayHaveBeenSent);
}
