import { isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { requireMatchingOpen } from '../cycles/cycle-gates';
import { pauseLength } from '../follow-up/pauses';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { personLabel } from '../people';
import type { Programme } from '../programme/programme-schema';
import type { Reply } from '../reply';
import { pairKey } from './earlier-pairs';
import { loadMatchingSituation, type MatchingSituation } from './matching-situation';
import type { StoredProposal } from './matching-state';
import { proposePairings } from './proposal';
import { proposalCsv, proposalLines } from './proposal-view';
import { assignReferents } from './referents';

/** People left out because they are paused, apart from those left out for a reason of matching. */
function pausedPeopleLines(situation: MatchingSituation, programme: Programme, locale: Locale): string[] {
  if (situation.paused.length === 0) return [];
  return [
    '',
    translate(locale, 'pause.proposal.title', { count: situation.paused.length }),
    ...situation.paused.map((person) =>
      translate(locale, 'pause.proposal.person', {
        person: personLabel(person.userId, situation.names),
        length: pauseLength(person, programme, locale),
      }),
    ),
  ];
}

/**
 * `/mentorat-admin apparier`: the best pairs for the enrolled people still without a binôme,
 * with their scores and reasons, the référent proposed for each, and every mentoré left out with
 * why. The proposal is kept exactly as shown, for `valider` (or the button under it) to confirm.
 */
export async function showProposal(ctx: UseCaseContext): Promise<Reply> {
  const { locale, programme, ports, community } = ctx;
  await requireMatchingOpen(ctx);
  const situation = await loadMatchingSituation(ctx);
  const { input } = situation;
  const pausedLines = pausedPeopleLines(situation, programme, locale);
  if (input.mentees.length === 0) {
    const paired = situation.binomes.filter(isActiveBinome).length;
    const text = translate(locale, paired > 0 ? 'propose.everyonePaired' : 'propose.none', { count: paired });
    return { kind: 'messages', messages: [{ text: [text, ...pausedLines].join('\n') }] };
  }
  const proposal = proposePairings(input, programme.matching);
  const referents = assignReferents(proposal.pairs, situation.referents, situation.referentLoads, situation.referentChoices);
  const previous = await ports.matching.findProposal(community);
  const stored: StoredProposal = {
    schemaVersion: 1,
    community,
    revision: (previous?.revision ?? 0) + 1,
    basis: situation.basis,
    computedAt: ports.clock.now().toISOString(),
    computedBy: ctx.actor.id.userId,
    pairs: proposal.pairs.map((pair, index) => {
      const referent = referents[index];
      const earlier = situation.earlier.get(pairKey(pair.mentee, pair.mentor));
      return {
        ...pair,
        terms: [...pair.terms],
        languages: [...pair.languages],
        ...(referent ? { referent } : {}),
        ...(earlier ? { earlier: { cycle: earlier.cycle, bothAsked: earlier.bothAsked } } : {}),
      };
    }),
    unmatched: proposal.unmatched.map((item) => ({ mentee: item.mentee, reasons: [...item.reasons] })),
  };
  await ports.matching.saveProposal(stored);

  // Only the decisions that still apply: one about someone who left changes nothing in this proposal.
  const pins = input.pins.length;
  const forbids = input.forbids.length;
  const lines = [...proposalLines(stored, situation.names, programme, locale), ...pausedLines];
  if (pins + forbids + situation.referentChoices.size > 0) {
    lines.push('', translate(locale, 'propose.decisions', { pins, forbids, referents: situation.referentChoices.size }));
  }
  const alreadyPaired = situation.binomes.filter(isActiveBinome).length;
  if (alreadyPaired > 0) lines.push(translate(locale, 'propose.alreadyPaired', { count: alreadyPaired }));
  const withoutReferent = stored.pairs.filter((pair) => !pair.referent).length;
  if (situation.referents.length === 0) lines.push(translate(locale, 'propose.noReferents'));
  else if (withoutReferent > 0) lines.push(translate(locale, 'propose.pairsWithoutReferent', { count: withoutReferent }));
  lines.push('', translate(locale, stored.pairs.length > 0 ? 'propose.howToConfirm' : 'propose.nothingToConfirm'));
  return {
    kind: 'messages',
    messages: [
      {
        text: lines.join('\n'),
        ...(stored.pairs.length > 0
          ? {
              buttons: [
                {
                  action: 'confirm',
                  label: translate(locale, 'propose.button.confirm', { count: stored.pairs.length }),
                  style: 'primary' as const,
                  args: [String(stored.revision)],
                },
              ],
            }
          : {}),
        attachments: [{ name: 'proposition.csv', mimeType: 'text/csv', content: proposalCsv(stored, situation.names, programme, locale) }],
      },
    ],
  };
}
