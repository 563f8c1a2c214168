import { isActiveBinome, isMemberOf } from '../binomes/binome';
import { WEEK_MS } from '../calendar';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { literal, type Reply } from '../reply';
import { currentPause, endPause, pauseLength, startPause } from './pauses';

export const MAX_PAUSE_WEEKS = 52;

async function requireEnrolled(ctx: UseCaseContext): Promise<void> {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (enrolment?.status !== 'active') throw new UserError('pause.notEnrolled');
}

/** Whether the person is in a running binôme: only then is a référent told, and the text says so. */
async function inBinome(ctx: UseCaseContext): Promise<'yes' | 'no'> {
  const me = ctx.actor.id.userId;
  const binomes = await ctx.ports.binomes.listByCommunity(ctx.community);
  return binomes.some((binome) => isActiveBinome(binome) && isMemberOf(binome, me) && binome.referent !== undefined) ? 'yes' : 'no';
}

/** A whole number of weeks from 1 to 52, as typed; absent means until further notice. */
function weeksFrom(typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  const weeks = /^\d{1,3}$/.test(typed.trim()) ? Number(typed.trim()) : Number.NaN;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_PAUSE_WEEKS) {
    throw new UserError('pause.invalidWeeks', { typed: literal(typed), max: MAX_PAUSE_WEEKS });
  }
  return weeks;
}

/** `/mentorat pause [semaines:N]`: not proposed, not nudged, for N weeks or until they resume. */
export async function requestPause(ctx: UseCaseContext, input: { readonly weeks?: string | undefined }): Promise<Reply> {
  const weeks = weeksFrom(input.weeks);
  await requireEnrolled(ctx);
  const { ports, community, programme, locale } = ctx;
  const until = weeks === undefined ? undefined : new Date(ports.clock.now().getTime() + weeks * WEEK_MS);
  const outcome = await startPause(ports, community, programme, ctx.actor.id.userId, {
    ...(until ? { until } : {}),
    because: 'asked',
  });
  const length = pauseLength(outcome.pause, programme, locale);
  if (!outcome.started) throw new UserError('pause.already', { length });
  return {
    kind: 'messages',
    messages: [
      { text: translate(locale, outcome.pause.until ? 'pause.done.timed' : 'pause.done.open', { length, binome: await inBinome(ctx) }) },
    ],
  };
}

/** `/mentorat reprendre`: the pause ends now, the pending end is cancelled. */
export async function resumeFromPause(ctx: UseCaseContext): Promise<Reply> {
  await requireEnrolled(ctx);
  const { ports, community, programme, locale } = ctx;
  const pause = await currentPause(ports, ctx.actor.id);
  if (!pause) throw new UserError('pause.notPaused');
  await endPause(ports, community, programme, ctx.actor.id.userId, 'resumed');
  return { kind: 'messages', messages: [{ text: translate(locale, 'pause.resumed', { binome: await inBinome(ctx) }) }] };
}
