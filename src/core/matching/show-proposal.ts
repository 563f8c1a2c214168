import type { UseCaseContext } from '../context';
import { translate } from '../i18n/translate';
import { literal, messages, type Reply } from '../reply';
import { pairReasons, unmatchedReasons } from './explain';
import { candidatesFrom } from './from-enrolments';
import { proposePairings } from './proposal';
import { assignReferents } from './referents';

/**
 * `/mentorat-admin apparier`: the best pairs for the enrolled people, with their scores and
 * reasons, the référent proposed for each, and every mentoré left out with why. Nothing is
 * saved: it is a proposal for the coordinators to read.
 */
export async function showProposal(ctx: UseCaseContext): Promise<Reply> {
  const { locale, programme } = ctx;
  const enrolments = await ctx.ports.enrolments.listByCommunity(ctx.community);
  const { input, names } = candidatesFrom(enrolments);
  if (input.mentees.length === 0) return messages(translate(locale, 'propose.none'));
  const proposal = proposePairings(input, programme.matching);
  const referents = assignReferents(proposal.pairs, programme.access.referents.users);
  const name = (id: string) => literal(names.get(id) ?? id);
  const lines = [
    translate(locale, 'propose.title', { matched: proposal.matched, mentees: input.mentees.length, total: proposal.total }),
    ...proposal.pairs.map((pair, index) => {
      const referent = referents[index];
      return translate(locale, 'propose.pair', {
        mentee: name(pair.mentee),
        mentor: name(pair.mentor),
        score: pair.score,
        reasons: pairReasons(pair, programme, locale).join(translate(locale, 'list.separator')),
        referent: referent ? translate(locale, 'propose.referent', { name: name(referent) }) : '',
      });
    }),
  ];
  if (proposal.unmatched.length > 0) {
    lines.push('', translate(locale, 'propose.unmatchedTitle', { count: proposal.unmatched.length }));
    for (const item of proposal.unmatched) {
      lines.push(
        translate(locale, 'propose.unmatched', {
          mentee: name(item.mentee),
          reasons: unmatchedReasons(item, locale).join(translate(locale, 'list.separator')),
        }),
      );
    }
  }
  lines.push('', translate(locale, 'propose.notSaved'));
  return messages(lines.join('\n'));
}
