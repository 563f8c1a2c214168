import { waitlistSubject } from '../binomes/announcement-log';
import { isActiveBinome } from '../binomes/binome';
import { dissolveBinome } from '../binomes/dissolve';
import type { WaitlistEntry } from '../binomes/waitlist';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { formatDate } from '../i18n/format-date';
import { translate } from '../i18n/translate';
import { participantIdOf } from '../identity';
import { pairLabel } from '../matching/proposal-view';
import { localeOf, namesOf } from '../people';
import { mention, type Reply } from '../reply';
import type { FitConcern } from './fit-concern';

/** Pressed in the coordinators' space: anyone there sees the button, only a coordinator may act. */
async function openConcern(ctx: UseCaseContext, args: readonly string[]): Promise<FitConcern> {
  if (!ctx.actor.roles.has('coordinator')) throw new UserError('access.coordinatorsOnly');
  const [binomeId, by] = args;
  const concern = binomeId
    ? (await ctx.ports.fitConcerns.listForBinome(ctx.community, binomeId)).find((candidate) => candidate.by === by)
    : undefined;
  if (!concern) throw new UserError('fit.unknown');
  if (concern.resolvedAt) {
    throw new UserError('fit.alreadyResolved', {
      resolution: concern.resolution ?? 'kept',
      date: formatDate(concern.resolvedAt, ctx.locale, ctx.programme.timeZone),
    });
  }
  return concern;
}

const resolve = (ctx: UseCaseContext, concern: FitConcern, resolution: 'dissolved' | 'kept') =>
  ctx.ports.fitConcerns.save({ ...concern, resolvedAt: ctx.ports.clock.now().toISOString(), resolution });

/**
 * "Dissolve": the binôme ends (its members told as for any dissolution, never why), and the
 * mentoré goes back on the waiting list first in line for the next round, told so privately.
 * Repeatable: the concern is resolved last, so a press cut short is finished by pressing again.
 */
export async function dissolveForFit(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const concern = await openConcern(ctx, args);
  const { ports, community, programme, locale } = ctx;
  const binome = await ports.binomes.find(community, concern.binomeId);
  if (!binome) throw new UserError('fit.unknown');
  const names = namesOf(await ports.enrolments.listByCommunity(community));
  const pair = pairLabel(binome, names);
  if (isActiveBinome(binome)) {
    await dissolveBinome(ports, community, programme, binome, { by: ctx.actor.id.userId, because: 'coordinator' });
  }
  const menteeActive = (await ports.enrolments.find(participantIdOf(community, binome.mentee)))?.status === 'active';
  if (menteeActive) await putFirstInLine(ctx, binome.mentee, binome.id);
  // The other member may have said it too: one dissolution answers both.
  for (const open of (await ports.fitConcerns.listForBinome(community, binome.id)).filter((other) => !other.resolvedAt)) {
    await resolve(ctx, open, 'dissolved');
  }
  const lines = [translate(locale, 'fit.dissolved', { pair })];
  if (menteeActive) lines.push(translate(locale, 'fit.dissolved.firstInLine', { mentee: mention(binome.mentee) }));
  return { kind: 'messages', messages: [{ text: lines.join('\n\n') }] };
}

/**
 * On the waiting list, first in line. The announcement's waitlist notice ("no binôme for you this
 * round, because…") does not fit them: their own DM says what happens, and the notice step is
 * recorded as done so that the next announcement does not send it.
 */
async function putFirstInLine(ctx: UseCaseContext, mentee: string, binomeId: string): Promise<void> {
  const { ports, community, programme } = ctx;
  const now = ports.clock.now().toISOString();
  const round = (await ports.matching.findProposal(community))?.revision ?? 1;
  const entry: WaitlistEntry = {
    schemaVersion: 2,
    community,
    mentee,
    round,
    reasons: [],
    since: now,
    firstInLine: { because: 'not-a-fit', binomeId, at: now },
  };
  await ports.waitlist.save(entry);
  const attempt = {
    schemaVersion: 1 as const,
    community,
    subject: waitlistSubject(round, mentee),
    step: 'notice' as const,
    attempt: 1,
    state: 'started' as const,
    instance: ports.instanceId,
    startedAt: now,
  };
  if (await ports.announcements.claim(attempt)) await ports.announcements.finish({ ...attempt, state: 'done', finishedAt: now });
  const locale = await localeOf(ports, community, programme, mentee);
  await ports.chat
    .sendDirectMessage(community, mentee, { text: translate(locale, 'fit.mentee.firstInLine') }, { key: `fit|${binomeId}|first-in-line` })
    .catch(() => undefined);
}

/** "Keep": the concern is closed, nothing else changes and nobody is told. */
export async function keepAfterFit(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const concern = await openConcern(ctx, args);
  const binome = await ctx.ports.binomes.find(ctx.community, concern.binomeId);
  if (!binome) throw new UserError('fit.unknown');
  await resolve(ctx, concern, 'kept');
  const names = namesOf(await ctx.ports.enrolments.listByCommunity(ctx.community));
  const pair = pairLabel(binome, names);
  return { kind: 'messages', messages: [{ text: translate(ctx.locale, 'fit.kept', { pair }) }] };
}
