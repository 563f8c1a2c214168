import type { CorePorts } from '../context';
import { cancelCheckIns } from '../follow-up/check-in-jobs';
import type { Locale } from '../i18n/locale';
import type { CommunityRef } from '../identity';
import { namesOf } from '../people';
import type { Programme } from '../programme/programme-schema';
import { dissolvedMessage } from './announcement-texts';
import { type Binome, type DissolvedBecause, isActiveBinome, isMemberOf, peopleOf } from './binome';
import { endInSpace, type SpaceProblem, tellCoordinatorsOfSpaceProblems } from './binome-ending';
import { announcedSpaces } from './binome-spaces';

export interface DissolveOutcome {
  readonly binome: Binome;
  /** Whether its people had been told of it: nobody hears of the end of a binôme they never heard of. */
  readonly announced: boolean;
  /** Who was told, and who could not be. */
  readonly told: readonly string[];
  readonly notReached: readonly string[];
  /** What the platform refused in the binôme's space (the end notice, removing the leaver): the dissolution holds. */
  readonly spaceProblems: readonly SpaceProblem[];
}

/**
 * Ends a binôme and, once it was announced (its space opened), tells each of the three
 * privately, in their language; `leaver` (who withdrew or erased their data) is not written to,
 * and loses access to the space at once. The space is told, once, that the binôme has ended.
 */
export async function dissolveBinome(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  binome: Binome,
  context: { readonly by: string; readonly because: DissolvedBecause; readonly leaver?: string },
): Promise<DissolveOutcome> {
  const dissolved: Binome = {
    ...binome,
    status: 'dissolved',
    dissolvedAt: ports.clock.now().toISOString(),
    dissolvedBy: context.by,
    dissolvedBecause: context.because,
  };
  await ports.binomes.save(dissolved);
  // Nothing more is asked in its space; the round job also checks, in case this is cut before.
  await cancelCheckIns(ports, community, binome.id);
  const space = (await announcedSpaces(ports, community)).get(binome.id);
  if (!space) return { binome: dissolved, announced: false, told: [], notReached: [], spaceProblems: [] };
  const spaceProblems = await endInSpace(ports, community, programme, binome, space, context.leaver);
  const enrolments = await ports.enrolments.listByCommunity(community);
  const names = namesOf(enrolments);
  const localeOf = (userId: string): Locale =>
    enrolments.find((enrolment) => enrolment.participant.userId === userId)?.locale ?? programme.defaultLocale;
  const told: string[] = [];
  const notReached: string[] = [];
  for (const userId of peopleOf(binome)) {
    if (userId === context.leaver) continue;
    const sent = await ports.chat
      .sendDirectMessage(community, userId, { text: dissolvedMessage(binome, names, localeOf(userId), context.because, userId) })
      .catch(() => ({ ok: false }) as const);
    (sent.ok ? told : notReached).push(userId);
  }
  return { binome: dissolved, announced: true, told, notReached, spaceProblems };
}

/**
 * A participant who withdraws or erases their data leaves their binômes: the others are told
 * (of those announced). Returns how many announced binômes ended: the ones the person knew of.
 */
export async function leaveBinomes(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  userId: string,
  because: Extract<DissolvedBecause, 'withdrawal' | 'erasure'>,
): Promise<number> {
  const binomes = await ports.binomes.listByCommunity(community);
  const theirs = binomes.filter((binome) => isActiveBinome(binome) && isMemberOf(binome, userId));
  let announced = 0;
  for (const binome of theirs) {
    const outcome = await dissolveBinome(ports, community, programme, binome, { by: userId, because, leaver: userId });
    if (outcome.announced) announced += 1;
    // Nobody waits on an answer who could fix a permission: the coordinators are told, at best
    // effort (the person's leaving must not fail because the platform is down).
    await tellCoordinatorsOfSpaceProblems(ports, community, programme, outcome.spaceProblems, `binome-ended-problems:${binome.id}`).catch(
      () => undefined,
    );
  }
  return announced;
}
