import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import type { Reply } from '../reply';

/** Asks for confirmation; the button carries the revision, so it expires if the enrolment changes meanwhile. */
export async function requestWithdrawal(ctx: UseCaseContext): Promise<Reply> {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!enrolment) throw new UserError('profile.notEnrolled');
  if (enrolment.status === 'withdrawn') throw new UserError('withdraw.alreadyWithdrawn');
  const { locale } = ctx;
  return {
    kind: 'messages',
    messages: [
      {
        text: translate(locale, 'withdraw.confirm.question'),
        buttons: [
          { action: 'confirm', label: translate(locale, 'withdraw.confirm.yes'), style: 'danger', args: [String(enrolment.revision)] },
          { action: 'cancel', label: translate(locale, 'common.cancel'), style: 'secondary', args: [] },
        ],
      },
    ],
  };
}

export async function confirmWithdrawal(ctx: UseCaseContext, revision: string | undefined): Promise<Reply> {
  const enrolment = await ctx.ports.enrolments.find(ctx.actor.id);
  if (!enrolment || enrolment.status === 'withdrawn' || String(enrolment.revision) !== revision) {
    throw new UserError('confirm.expired');
  }
  const now = ctx.ports.clock.now().toISOString();
  await ctx.ports.enrolments.save({
    ...enrolment,
    status: 'withdrawn',
    revision: enrolment.revision + 1,
    updatedAt: now,
    withdrawnAt: now,
  });
  return { kind: 'messages', replacesOriginal: true, messages: [{ text: translate(ctx.locale, 'withdraw.done') }] };
}

export function cancelConfirmation(ctx: UseCaseContext): Promise<Reply> {
  return Promise.resolve({ kind: 'messages', replacesOriginal: true, messages: [{ text: translate(ctx.locale, 'confirm.cancelled') }] });
}
