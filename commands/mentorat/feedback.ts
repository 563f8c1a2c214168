import { defineCommand } from '../../src/core/command';
import { openFeedbackForm, submitFeedback } from '../../src/core/feedback/answer-feedback';
import { buildFeedbackForm, FEEDBACK_COMMAND_ID } from '../../src/core/feedback/feedback-form';
import { noOptions } from '../no-options';

export const feedbackCommand = defineCommand({
  id: FEEDBACK_COMMAND_ID,
  group: 'mentorat',
  name: { fr: 'avis', en: 'feedback' },
  description: 'command.mentorat.feedback.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  form: buildFeedbackForm,
  run: (ctx) => openFeedbackForm(ctx),
  submit: (ctx, values) => submitFeedback(ctx, values),
  /** The end-of-cycle DM's button: the same form, checked the same way on submission. */
  actions: { open: (ctx) => openFeedbackForm(ctx) },
  actionForms: { open: buildFeedbackForm },
});
