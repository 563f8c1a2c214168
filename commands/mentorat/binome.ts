import { showMyBinomes } from '../../src/core/binomes/my-binomes';
import { defineCommand } from '../../src/core/command';
import { UserError } from '../../src/core/errors';
import type { CheckInAnswer } from '../../src/core/follow-up/check-in';
import { answerCheckIn, latestCheckInMessages } from '../../src/core/follow-up/check-in-answer';
import { CHECK_IN_COMMAND } from '../../src/core/follow-up/check-in-texts';
import { buildReportForm } from '../../src/core/reports/report-form';
import { noOptions } from '../no-options';

const answer = (choice: CheckInAnswer) => (ctx: Parameters<typeof answerCheckIn>[0], args: readonly string[]) => {
  if (!args[0] || !args[1]) throw new UserError('button.unknown');
  return answerCheckIn(ctx, args[0], args[1], choice);
};

/**
 * `/mentorat binome`: my binôme, then its latest check-in with its buttons. The check-in posts in
 * the binôme's space carry the same buttons (shared: the action checks that whoever pressed is a
 * member). Check-ins live here rather than in a command of their own: `/mentorat` holds at most
 * 25 subcommands on Discord.
 */
export const myBinomeCommand = defineCommand({
  id: CHECK_IN_COMMAND,
  group: 'mentorat',
  name: { fr: 'binome', en: 'pair' },
  description: 'command.mentorat.binome.description',
  audience: 'everyone',
  options: [],
  input: noOptions,
  run: async (ctx) => {
    const reply = await showMyBinomes(ctx);
    const checkIns = await latestCheckInMessages(ctx);
    return reply.kind === 'messages' && checkIns.length > 0 ? { ...reply, messages: [...reply.messages, ...checkIns] } : reply;
  },
  actions: { met: answer('met'), 'not-yet': answer('not-yet'), help: answer('help') },
  sharedActions: ['met', 'not-yet', 'help'],
  // Discord and Slack open a form as the very first answer to a press: they must know it beforehand.
  actionForms: { help: buildReportForm },
});
