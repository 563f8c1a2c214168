import type { CorePorts } from './context';
import { UserError } from './errors';
import { foldForMatching } from './forms/raw-input';
import type { Locale } from './i18n/locale';
import { type CommunityRef, type Platform, participantIdOf } from './identity';
import type { Enrolment, ParticipantRole } from './participants/enrolment';
import { literal, type MarkupText, mention } from './reply';

/**
 * The enrolled person a coordinator named: by user id (what Discord's member picker and a Slack
 * mention give), else by the name they enrolled under, accents and case aside.
 */
export function findEnrolled(enrolments: readonly Enrolment[], typed: string, role: ParticipantRole): Enrolment {
  const active = enrolments.filter((enrolment) => enrolment.status === 'active');
  const wanted = typed.trim().replace(/^@/, '');
  const byId = active.find((enrolment) => enrolment.participant.userId === wanted);
  const folded = foldForMatching(wanted);
  const candidates = byId ? [byId] : active.filter((enrolment) => foldForMatching(enrolment.profile.name) === folded);
  const [found, second] = candidates;
  if (!found) {
    const inactive = enrolments.some(
      (enrolment) => enrolment.participant.userId === wanted || foldForMatching(enrolment.profile.name) === folded,
    );
    throw new UserError(inactive ? 'people.withdrawn' : 'people.notEnrolled', { name: literal(typed) });
  }
  if (second) throw new UserError('people.ambiguous', { name: literal(typed), count: candidates.length });
  if (found.profile.role !== role) {
    throw new UserError(role === 'mentor' ? 'people.notAMentor' : 'people.notAMentee', { name: literal(found.profile.name) });
  }
  return found;
}

/** What a platform's user ids look like: anything else typed where a person is expected is a name. */
const USER_ID_SHAPES: Readonly<Record<Platform, RegExp>> = {
  discord: /^\d{15,21}$/,
  slack: /^[UW][A-Z0-9]{2,}$/,
  terminal: /^[\p{L}\p{N}._-]{1,32}$/u,
};

/**
 * A person who need not be enrolled (a référent): an enrolled person's name or id, else a user id
 * as the platform gives it. Text that is neither is refused rather than stored as someone.
 */
export function personIdFrom(enrolments: readonly Enrolment[], typed: string, platform: Platform): string {
  const wanted = typed.trim().replace(/^@/, '');
  const folded = foldForMatching(wanted);
  const named = enrolments.filter((enrolment) => enrolment.status === 'active' && foldForMatching(enrolment.profile.name) === folded);
  if (named.length === 1 && named[0]) return named[0].participant.userId;
  if (named.length > 1) throw new UserError('people.ambiguous', { name: literal(typed), count: named.length });
  if (!USER_ID_SHAPES[platform].test(wanted)) throw new UserError('people.unknownUser', { name: literal(typed) });
  return wanted;
}

/** "Dan Leroy (@dan)": the enrolled name, with the person's mention so the platform links them. */
export function personLabel(userId: string, names: ReadonlyMap<string, string>): MarkupText {
  const name = names.get(userId);
  return name ? `${literal(name)} (${mention(userId)})` : mention(userId);
}

export function namesOf(enrolments: readonly Enrolment[]): Map<string, string> {
  return new Map(enrolments.map((enrolment) => [enrolment.participant.userId, enrolment.profile.name]));
}

/** The language a person enrolled in; someone never enrolled (a référent named in config) reads the programme's. */
export async function localeOf(
  ports: Pick<CorePorts, 'enrolments'>,
  community: CommunityRef,
  programme: { readonly defaultLocale: Locale },
  userId: string,
): Promise<Locale> {
  return (await ports.enrolments.find(participantIdOf(community, userId)))?.locale ?? programme.defaultLocale;
}
