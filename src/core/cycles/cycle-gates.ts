import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { currentCycle } from './current-cycle';
import { acceptsEnrolment, acceptsMatching, type Cycle } from './cycle';

/**
 * A new enrolment (or a return after withdrawing) only while the cycle's enrolment is open; the
 * refusal says who to ask. Editing an active enrolment stays allowed: people keep their profile
 * right whatever the state.
 */
export async function requireOpenEnrolment(ctx: UseCaseContext): Promise<Cycle> {
  const cycle = await currentCycle(ctx.ports, ctx.community);
  if (!acceptsEnrolment(cycle)) {
    throw new UserError(cycle.state === 'closed' ? 'cycle.enrolmentRefused.closed' : 'cycle.enrolmentRefused.enrolmentClosed', {
      name: cycle.name,
    });
  }
  return cycle;
}

/** Matching rounds (proposals, confirmations, binômes by hand) run until the cycle closes. */
export async function requireMatchingOpen(ctx: UseCaseContext): Promise<Cycle> {
  const cycle = await currentCycle(ctx.ports, ctx.community);
  if (!acceptsMatching(cycle)) throw new UserError('cycle.matchingRefused', { name: cycle.name });
  return cycle;
}
