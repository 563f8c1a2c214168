import { isActiveBinome, isMemberOf } from '../binomes/binome';
import { announcedSpaces } from '../binomes/binome-spaces';
import { leaveBinomes } from '../binomes/dissolve';
import { confirmationButtons, confirmedArgs } from '../confirmation';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { endPause } from '../follow-up/pauses';
import { translate } from '../i18n/translate';
import type { Reply } from '../reply';

/**
 * Asks for confirmation; the button carries the revision, so it expires if the enrolment changes
 * meanwhile, and the time it was asked, so it expires after a while anyway.
 */
export async function requestWithdrawal(ctx: UseCaseContext): Promise<Reply> {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!enrolment) throw new UserError('profile.notEnrolled');
  if (enrolment.status === 'withdrawn') throw new UserError('withdraw.alreadyWithdrawn');
  const { locale } = ctx;
  // Only a binôme announced to them: one still unannounced is the coordinators' business, not yet theirs.
  const spaces = await announcedSpaces(ctx.ports, ctx.community);
  const ending = (await ctx.ports.binomes.listByCommunity(ctx.community)).filter(
    (binome) => isActiveBinome(binome) && isMemberOf(binome, ctx.actor.id.userId) && spaces.has(binome.id),
  );
  const endingNotice =
    ending.length > 0
      ? [
          translate(locale, 'withdraw.confirm.inBinome', {
            count: ending.length,
            referent: ending.some((binome) => binome.referent) ? 'yes' : 'no',
          }),
          // They lose the private space at once: better known before confirming than found out after.
          translate(locale, 'withdraw.confirm.losesSpace', { count: ending.length }),
        ]
      : [];
  return {
    kind: 'messages',
    messages: [
      {
        text: [translate(locale, 'withdraw.confirm.question'), ...endingNotice].join('\n\n'),
        buttons: confirmationButtons(ctx, translate(locale, 'withdraw.confirm.yes'), [String(enrolment.revision)]),
      },
    ],
  };
}

export async function confirmWithdrawal(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const [revision] = confirmedArgs(ctx, args);
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!enrolment || enrolment.status === 'withdrawn' || String(enrolment.revision) !== revision) {
    throw new UserError('confirm.expired');
  }
  // Binômes first: if the store fails half-way, the enrolment is still active and the same button
  // finishes the job; saved the other way round, the button would have expired, binômes left running.
  const ended = await leaveBinomes(ctx.ports, ctx.community, ctx.programme, ctx.actor.id.userId, 'withdrawal');
  await ctx.ports.waitlist.remove(ctx.community, ctx.actor.id.userId);
  // A break ends with the enrolment: its timed end must not tell someone gone that they are back.
  await endPause(ctx.ports, ctx.community, ctx.programme, ctx.actor.id.userId, 'withdrawn');
  const now = ctx.ports.clock.now().toISOString();
  await ctx.ports.enrolments.save({
    ...enrolment,
    status: 'withdrawn',
    revision: enrolment.revision + 1,
    updatedAt: now,
    withdrawnAt: now,
  });
  const text = [
    translate(ctx.locale, 'withdraw.done'),
    ...(ended > 0 ? [translate(ctx.locale, 'withdraw.binomesEnded', { count: ended })] : []),
  ];
  return { kind: 'messages', replacesOriginal: true, messages: [{ text: text.join('\n\n') }] };
}
