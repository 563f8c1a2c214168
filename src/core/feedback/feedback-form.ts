import type { FormSpec } from '../forms/form-types';
import { localized } from '../i18n/translate';
import { COMMENT_MAX, SATISFACTION_LEVELS } from './feedback';

/** Catalogue keys name the levels in words (keys are letters only). */
const LEVEL_NAMES = ['one', 'two', 'three', 'four', 'five'] as const;

export const FEEDBACK_COMMAND_ID = 'mentorat.feedback';

/**
 * The end-of-cycle form: the same for everyone (Discord and Slack open it before the bot looks
 * anything up), so it does not name the cycle; the submission finds the one the person may answer.
 */
export function buildFeedbackForm(): FormSpec {
  return {
    id: FEEDBACK_COMMAND_ID,
    title: localized('feedback.form.title'),
    fields: [
      {
        kind: 'choice',
        key: 'satisfaction',
        label: localized('feedback.form.satisfaction'),
        required: true,
        choices: SATISFACTION_LEVELS.map((value, index) => ({
          value,
          label: localized(`feedback.form.level.${LEVEL_NAMES[index] ?? 'one'}`),
        })),
      },
      {
        kind: 'choice',
        key: 'recommend',
        label: localized('feedback.form.recommend'),
        required: true,
        choices: [
          { value: 'yes', label: localized('common.yes') },
          { value: 'no', label: localized('common.no') },
        ],
      },
      {
        kind: 'text',
        key: 'comment',
        label: localized('feedback.form.comment'),
        hint: localized('feedback.form.commentHint'),
        required: false,
        minLength: 1,
        maxLength: COMMENT_MAX,
        multiline: true,
      },
    ],
  };
}
