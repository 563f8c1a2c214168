import { type Binome, isMemberOf } from '../binomes/binome';
import type { CorePorts } from '../context';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { type CommunityRef, participantIdOf } from '../identity';
import { localeOf } from '../people';
import type { Programme } from '../programme/programme-schema';
import { mention } from '../reply';
import { coordinationSpaceRequest } from '../reports/report-routing';
import { type CheckIn, roundOutcome, trailingRounds } from './check-in';
import { pausedAt } from './check-in-pauses';
import { alertText } from './check-in-texts';
import type { Pause } from './pause';

/** A person's language when they are enrolled; référents and coordinators may not be. */
/** The language a person enrolled in, none for someone never enrolled (a space speaks its members' languages). */
export async function enrolledLocale(ports: CorePorts, community: CommunityRef, userId: string): Promise<Locale | undefined> {
  return (await ports.enrolments.find(participantIdOf(community, userId)))?.locale;
}

/**
 * How many of the latest rounds in a row this member left unanswered. A round posted while they
 * were paused ends the count, and so does any pause begun since: a member who comes back from a
 * pause starts again from zero rather than being paused again for the silence that led to it.
 */
export function silentRounds(checkIns: readonly CheckIn[], member: string, pauses: readonly Pause[]): number {
  const lastPauseStart = Math.max(0, ...pauses.map((pause) => Date.parse(pause.startedAt)));
  return trailingRounds(
    checkIns,
    (checkIn) =>
      Date.parse(checkIn.postedAt) > lastPauseStart &&
      !pausedAt(pauses, checkIn.postedAt) &&
      !checkIn.answers.some((answer) => answer.by === member),
  );
}

export interface AlertSeen {
  readonly count: number;
  readonly notYet: number;
  readonly silent: number;
}

const withoutMeeting = (checkIn: CheckIn) => {
  const outcome = roundOutcome(checkIn);
  return outcome === 'not-yet' || outcome === 'none';
};

/**
 * What the référent is told of, when the latest rounds in a row all ended with "not yet" or with no
 * answer at all: once, when the run reaches the threshold (a longer silence is not repeated each
 * round; the members who keep silent are paused next).
 */
export function alertSeen(checkIns: readonly CheckIn[], threshold: number): AlertSeen | undefined {
  const streak = trailingRounds(checkIns, withoutMeeting);
  if (streak !== threshold) return undefined;
  const last = [...checkIns].sort((a, b) => a.round - b.round).slice(-streak);
  return {
    count: streak,
    notYet: last.filter((checkIn) => roundOutcome(checkIn) === 'not-yet').length,
    silent: last.filter((checkIn) => roundOutcome(checkIn) === 'none').length,
  };
}

/**
 * Tells the binôme's référent privately, once per round (the key), or the coordinators' space when
 * there is none (or it is one of the pair, or cannot be reached). The members are not told.
 */
export async function alertReferent(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  binome: Binome,
  seen: AlertSeen,
  round: number,
  mayHaveBeenSent: boolean,
): Promise<void> {
  const options = { key: `check-in-alert:${binome.id}:${round}`, mayHaveBeenSent };
  const referent = binome.referent && !isMemberOf(binome, binome.referent) ? binome.referent : undefined;
  let unreachable: string | undefined;
  if (referent) {
    const locale = await localeOf(ports, community, programme, referent);
    const sent = await ports.chat.sendDirectMessage(community, referent, { text: alertText(binome, seen, locale, false) }, options);
    if (sent.ok) return;
    unreachable = referent;
  }
  const locale = programme.defaultLocale;
  const space = await ports.chat.openPrivateSpace(community, coordinationSpaceRequest(programme));
  if (!space.ok) throw new Error(`the coordination space could not be opened: ${space.reason}`);
  const text = unreachable
    ? [
        alertText(binome, seen, locale, false),
        translate(locale, 'checkIn.alert.referentUnreachable', { referent: mention(unreachable) }),
      ].join('\n\n')
    : alertText(binome, seen, locale, true);
  const posted = await ports.chat.postInSpace(community, space.space.id, { text }, options);
  if (!posted.ok) throw new Error(`the coordination space refused the check-in alert: ${posted.reason}`);
}
