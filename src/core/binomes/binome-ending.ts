import { describeChatProblem } from '../chat-problems';
import type { CorePorts } from '../context';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { CommunityRef } from '../identity';
import { localeOf } from '../people';
import type { ArchiveSpaceResult } from '../ports';
import type { Programme } from '../programme/programme-schema';
import { literal, type MarkupText, spaceMention } from '../reply';
import { coordinationSpaceRequest } from '../reports/report-routing';
import type { AnnouncedSpace } from './announcement-log';
import { type Binome, peopleOf } from './binome';
import { announcedSpaces } from './binome-spaces';

/** The end notice's delivery key: whoever posts it (the dissolution, the archive job, a retry) posts it once. */
export const endNoticeKey = (binomeId: string): string => `binome-ended:${binomeId}`;

/** What could not be done in a binôme's space as it ended, and the platform's refusal. */
export interface SpaceProblem {
  readonly action: 'notice' | 'remove' | 'archive';
  readonly space: AnnouncedSpace;
  /** `error`: the platform failed (down, a network error) rather than refused; `detail` is its error's message. */
  readonly failure: Extract<ArchiveSpaceResult, { ok: false }> | { readonly ok: false; readonly reason: 'error'; readonly detail: string };
}

/** A thrown platform failure as a result: the dissolution it belongs to must go on (the DMs, the other binômes). */
async function orFailure<T extends { readonly ok: boolean }>(
  run: () => Promise<T>,
): Promise<T | { readonly ok: false; readonly reason: 'error'; readonly detail: string }> {
  try {
    return await run();
  } catch (error) {
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' };
  }
}

/** The notice in the languages of those who stay, the programme's first, as the welcome was. */
function endNotice(programme: Programme, locales: readonly Locale[]): MarkupText {
  const wanted = [...new Set(locales)].sort((a, b) => (a === programme.defaultLocale ? -1 : b === programme.defaultLocale ? 1 : 0));
  const languages = wanted.length > 0 ? wanted : [programme.defaultLocale];
  return languages.map((locale) => translate(locale, 'binome.ended.spaceNotice')).join('\n\n———\n\n');
}

/** Someone never enrolled (a référent named in config) reads the programme's language, as in their DMs. */
async function localesOf(ports: CorePorts, community: CommunityRef, programme: Programme, people: readonly string[]): Promise<Locale[]> {
  return Promise.all(people.map((userId) => localeOf(ports, community, programme, userId)));
}

/**
 * Posts, once, that the binôme has ended, never why (a withdrawal or an erasure is the leaver's
 * business). Always looked for first: the dissolution, the archive job and their retries share the key.
 * A space that no longer exists has nothing to be told.
 */
async function postEndNotice(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  binome: Binome,
  space: AnnouncedSpace,
  leaver: string | undefined,
  tolerant: boolean,
): Promise<SpaceProblem[]> {
  const staying = peopleOf(binome).filter((userId) => userId !== leaver);
  const text = endNotice(programme, await localesOf(ports, community, programme, staying));
  const post = () => ports.chat.postInSpace(community, space.id, { text }, { key: endNoticeKey(binome.id), mayHaveBeenSent: true });
  const posted = tolerant ? await orFailure(post) : await post();
  return posted.ok || posted.reason === 'unreachable' ? [] : [{ action: 'notice', space, failure: posted }];
}

/**
 * The space side of a binôme's end: the leaver (who withdrew or erased their data) loses access
 * first, so that the notice that follows is only for those who stay. Nothing here undoes the
 * dissolution or stops it (the DMs still go): what the platform refused or failed is returned, for
 * a coordinator to fix; a notice that did not go out is posted by the archive job at the latest.
 */
export async function endInSpace(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  binome: Binome,
  space: AnnouncedSpace,
  leaver: string | undefined,
): Promise<SpaceProblem[]> {
  const problems: SpaceProblem[] = [];
  if (leaver) {
    const removed = await orFailure(() => ports.chat.removeFromSpace(community, space.id, leaver));
    if (!removed.ok && removed.reason !== 'unreachable') problems.push({ action: 'remove', space, failure: removed });
  }
  problems.push(...(await postEndNotice(ports, community, programme, binome, space, leaver, true)));
  return problems;
}

export interface ArchiveOutcome {
  /** False when the binôme never had a space (it was not announced), or the space is gone. */
  readonly archived: boolean;
  readonly problems: readonly SpaceProblem[];
}

/**
 * At the end of the cycle: the end notice if nobody posted it yet, then the space turns read-only
 * (Discord: no Send Messages, under the archive category; Slack: archived). Running it again is harmless.
 */
export async function archiveBinomeSpace(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  binome: Binome,
): Promise<ArchiveOutcome> {
  const space = (await announcedSpaces(ports, community)).get(binome.id);
  if (!space) return { archived: false, problems: [] };
  // A job: a platform failure is thrown, for the runner to retry later, rather than told to anyone.
  const problems = await postEndNotice(ports, community, programme, binome, space, undefined, false);
  const archived = await ports.chat.archiveSpace(community, space.id);
  if (archived.ok) return { archived: true, problems };
  if (archived.reason === 'unreachable') return { archived: false, problems };
  return { archived: false, problems: [...problems, { action: 'archive', space, failure: archived }] };
}

/** Each problem as a coordinator reads it: what could not be done where, then what to grant or create. */
export function describeSpaceProblems(locale: Locale, problems: readonly SpaceProblem[]): string[] {
  const what = { notice: 'binome.space.noticeFailed', remove: 'binome.space.removeFailed', archive: 'binome.space.archiveFailed' } as const;
  return problems.map((problem) => {
    const { failure } = problem;
    const why =
      failure.reason === 'error'
        ? translate(locale, 'binome.space.platformError', { detail: literal(failure.detail) })
        : describeChatProblem(locale, failure);
    return `${translate(locale, what[problem.action], { space: spaceMention(problem.space) })} ${why}`;
  });
}

/**
 * Tells the coordinators what a binôme's end left undone when nobody is waiting on an answer (a
 * member withdrew, the archive job ran): in their space, else by DM to those named in config. Keyed,
 * so a retry does not tell them twice.
 */
export async function tellCoordinatorsOfSpaceProblems(
  ports: CorePorts,
  community: CommunityRef,
  programme: Programme,
  problems: readonly SpaceProblem[],
  key: string,
  options: { readonly gaveUp?: boolean } = {},
): Promise<void> {
  if (problems.length === 0) return;
  const locale = programme.defaultLocale;
  const text = [
    translate(locale, 'binome.space.problemsTitle'),
    ...describeSpaceProblems(locale, problems),
    ...(options.gaveUp ? [translate(locale, 'binome.space.gaveUp')] : []),
  ].join('\n\n');
  const opened = await ports.chat.openPrivateSpace(community, coordinationSpaceRequest(programme));
  if (opened.ok) {
    const posted = await ports.chat.postInSpace(community, opened.space.id, { text }, { key, mayHaveBeenSent: true });
    if (posted.ok) return;
  }
  for (const userId of programme.access.coordinators.users) {
    await ports.chat.sendDirectMessage(community, userId, { text }, { key: `${key}|${userId}`, mayHaveBeenSent: true });
  }
}
