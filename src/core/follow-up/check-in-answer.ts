import { type Binome, isActiveBinome, isMemberOf } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { participantIdOf } from '../identity';
import { mention, messages, type OutgoingMessage, type Reply } from '../reply';
import { openReportForm } from '../reports/file-report';
import type { CheckInAnswer } from './check-in';
import { checkInButtons } from './check-in-texts';

/**
 * A member's answer to round N, from the buttons under the post in their space (or under the
 * typed command's answer). Only the two members may answer; anyone else who presses is told so
 * privately and nothing is stored. A member may change their answer while the round is the latest;
 * once a newer round is posted the old one is closed, so that the answers of a round say what
 * was true at its time. "I need help" is stored too, and opens the report form.
 */
export async function answerCheckIn(ctx: UseCaseContext, binomeId: string, roundText: string, answer: CheckInAnswer): Promise<Reply> {
  const { ports, community } = ctx;
  const round = Number(roundText);
  const binome = binomeId ? await ports.binomes.find(community, binomeId) : undefined;
  if (!binome || !Number.isInteger(round) || round < 1) throw new UserError('checkIn.unknownRound');
  const me = ctx.actor.id.userId;
  if (!isMemberOf(binome, me)) throw new UserError('checkIn.notAMember');
  if (!isActiveBinome(binome)) throw new UserError('checkIn.ended');
  const checkIn = await ports.checkIns.find(community, binomeId, round);
  if (!checkIn) throw new UserError('checkIn.unknownRound');
  if (await ports.checkIns.find(community, binomeId, round + 1)) {
    const latest = Math.max(...(await ports.checkIns.listForBinome(community, binomeId)).map((candidate) => candidate.round));
    throw new UserError('checkIn.closedRound', { round, latest });
  }
  await ports.checkIns.save({ ...checkIn, answers: [...checkIn.answers, { by: me, answer, at: ports.clock.now().toISOString() }] });
  if (answer === 'help') return helpForm(ctx, binome);
  return messages(translate(ctx.locale, answer === 'met' ? 'checkIn.answered.met' : 'checkIn.answered.notYet', { round }));
}

/** The report form `/mentorat signaler` opens, with the binôme already named (the partner's name, as the form asks). */
async function helpForm(ctx: UseCaseContext, binome: Binome): Promise<Reply> {
  const form = await openReportForm(ctx);
  if (form.kind !== 'form') return form;
  const partner = binome.mentee === ctx.actor.id.userId ? binome.mentor : binome.mentee;
  const name = (await ctx.ports.enrolments.find(participantIdOf(ctx.community, partner)))?.profile.name;
  return name ? { ...form, initial: { ...form.initial, binome: name } } : form;
}

/**
 * Under `/mentorat binome`: the latest round of each of the person's binômes, with the same three
 * buttons as the post in the space, for whoever missed it there. Nothing before the first round.
 */
export async function latestCheckInMessages(ctx: UseCaseContext): Promise<OutgoingMessage[]> {
  const me = ctx.actor.id.userId;
  const mine = (await ctx.ports.binomes.listByCommunity(ctx.community)).filter(
    (binome) => isActiveBinome(binome) && isMemberOf(binome, me),
  );
  const shown: OutgoingMessage[] = [];
  for (const binome of mine) {
    const latest = (await ctx.ports.checkIns.listForBinome(ctx.community, binome.id)).sort((a, b) => a.round - b.round).at(-1);
    if (!latest) continue;
    const partner = binome.mentee === me ? binome.mentor : binome.mentee;
    shown.push({
      text: translate(ctx.locale, 'checkIn.latest', { partner: mention(partner), round: latest.round }),
      buttons: checkInButtons(binome.id, latest.round, [ctx.locale]),
    });
  }
  return shown;
}
