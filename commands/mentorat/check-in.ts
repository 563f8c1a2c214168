import { defineCommand } from '../../src/core/command';
import { UserError } from '../../src/core/errors';
import type { CheckInAnswer } from '../../src/core/follow-up/check-in';
import { answerCheckIn, showLatestCheckIns } from '../../src/core/follow-up/check-in-answer';
import { CHECK_IN_COMMAND } from '../../src/core/follow-up/check-in-texts';
import { buildReportForm } from '../../src/core/reports/report-form';
import { noOptions } from '../no-options';

const answer = (choice: CheckInAnswer) => (ctx: Parameters<typeof answerCheckIn>[0], args: readonly string[]) => {
  if (!args[0] || !args[1]) throw new UserError('button.unknown');
  return answerCheckIn(ctx, args[0], args[1], choice);
};

/**
 * Check-ins: posted in each binôme's space by the `check-in.round` job, answered with the buttons
 * under the post (shared: the action checks that the one who pressed is a member), or typed to
 * see the latest round with its buttons.
 */
export const checkInCommand = defineCommand({
  id: CHECK_IN_COMMAND,
  group: 'mentorat',
  name: { fr: 'point', en: 'check-in' },
  description: 'command.mentorat.checkIn.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: (ctx) => showLatestCheckIns(ctx),
  actions: { met: answer('met'), 'not-yet': answer('not-yet'), help: answer('help') },
  sharedActions: ['met', 'not-yet', 'help'],
  // Discord and Slack open a form as the very first answer to a press: they must know it beforehand.
  actionForms: { help: buildReportForm },
});
