import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { validateForm } from '../forms/form-schema';
import type { RawFormValues } from '../forms/form-types';
import { parseRawValues } from '../forms/raw-input';
import { translate } from '../i18n/translate';
import { messages, type Reply } from '../reply';
import { feedbackCycleFor } from './feedback-cycle';
import { buildFeedbackForm } from './feedback-form';

async function openCycleOf(ctx: UseCaseContext) {
  const cycle = await feedbackCycleFor(ctx.ports, ctx.community, ctx.actor.id.userId);
  if (!cycle) throw new UserError('feedback.notOpen');
  return cycle;
}

/** `/mentorat avis`, or the DM's button: the form, unless there is nothing to answer or it was answered. */
export async function openFeedbackForm(ctx: UseCaseContext): Promise<Reply> {
  const cycle = await openCycleOf(ctx);
  if (await ctx.ports.feedback.hasAnswered(ctx.actor.id, cycle.sequence)) {
    return messages(translate(ctx.locale, 'feedback.alreadyAnswered', { cycle: cycle.name }));
  }
  return { kind: 'form', form: buildFeedbackForm(), initial: {} };
}

/**
 * One answer per person and cycle, refused politely the second time: the stored answer does not
 * say whose it is, so it cannot be replaced. The claim is taken first (two submissions at once
 * store one answer), and given back if the answer cannot be written, so the person can retry.
 * The comment is never logged: it goes from the form to the store and nowhere else.
 */
export async function submitFeedback(ctx: UseCaseContext, raw: RawFormValues): Promise<Reply> {
  const cycle = await openCycleOf(ctx);
  const form = buildFeedbackForm();
  const values = parseRawValues(form, raw);
  const validation = validateForm(form, values);
  if (!validation.ok) {
    return {
      kind: 'form-rejected',
      form,
      values,
      errors: validation.errors,
      messages: [{ text: translate(ctx.locale, 'feedback.rejected') }],
    };
  }
  if (!(await ctx.ports.feedback.claim(ctx.actor.id, cycle.sequence))) {
    return messages(translate(ctx.locale, 'feedback.alreadyAnswered', { cycle: cycle.name }));
  }
  const comment = typeof validation.values.comment === 'string' ? validation.values.comment.trim() : '';
  try {
    await ctx.ports.feedback.addAnswer({
      community: ctx.community,
      cycle: cycle.sequence,
      satisfaction: Number(validation.values.satisfaction),
      recommend: validation.values.recommend === 'yes',
      ...(comment ? { comment } : {}),
    });
  } catch (error) {
    await ctx.ports.feedback.release(ctx.actor.id, cycle.sequence).catch(() => undefined);
    throw error;
  }
  return messages(translate(ctx.locale, 'feedback.thanks', { cycle: cycle.name }));
}
