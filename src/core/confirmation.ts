import type { UseCaseContext } from './context';
import { UserError } from './errors';
import { translate } from './i18n/translate';
import type { Button, Reply } from './reply';

/**
 * A confirmation button older than this says it expired instead of acting: an irreversible
 * action must follow its question closely (Discord interaction tokens live as long).
 */
export const CONFIRMATION_LIFETIME_MINUTES = 15;

function minutesSinceEpoch(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

/** The buttons of a yes/no question; `args` ride along on "yes" after the time it was asked. */
export function confirmationButtons(ctx: UseCaseContext, yesLabel: string, args: readonly string[] = []): Button[] {
  const asked = minutesSinceEpoch(ctx.ports.clock.now()).toString(36);
  return [
    { action: 'confirm', label: yesLabel, style: 'danger', args: [asked, ...args] },
    { action: 'cancel', label: translate(ctx.locale, 'common.cancel'), style: 'secondary', args: [] },
  ];
}

/** The arguments a "yes" button carried, once it is known to be recent enough; otherwise a clear refusal. */
export function confirmedArgs(ctx: UseCaseContext, args: readonly string[]): readonly string[] {
  const [asked, ...rest] = args;
  const askedAt = asked === undefined ? Number.NaN : Number.parseInt(asked, 36);
  const age = minutesSinceEpoch(ctx.ports.clock.now()) - askedAt;
  if (!Number.isFinite(age) || age < 0 || age > CONFIRMATION_LIFETIME_MINUTES) throw new UserError('confirm.expired');
  return rest;
}

/** "Cancel" claims nothing about the state: another prompt may have acted meanwhile. */
export function cancelConfirmation(ctx: UseCaseContext): Promise<Reply> {
  return Promise.resolve({ kind: 'messages', replacesOriginal: true, messages: [{ text: translate(ctx.locale, 'confirm.cancelled') }] });
}
