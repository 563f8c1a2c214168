import type { Binome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { requireMatchingOpen } from '../cycles/cycle-gates';
import { UserError } from '../errors';
import { translate } from '../i18n/translate';
import { namesOf } from '../people';
import type { Reply } from '../reply';
import { loadMatchingSituation } from './matching-situation';
import { ERASED_PROPOSAL_BASIS, type StoredProposal } from './matching-state';
import { pairLabel } from './proposal-view';

/** Ids are the proposal's revision and the pair's place in it: confirming twice finds them taken. */
const binomeIdOf = (revision: number, index: number) => `p${revision}-${index + 1}`;

function binomesOf(proposal: StoredProposal, ctx: UseCaseContext, now: string, cycle: number): Binome[] {
  return proposal.pairs.map((pair, index) => ({
    schemaVersion: 2,
    id: binomeIdOf(proposal.revision, index),
    community: ctx.community,
    cycle,
    mentee: pair.mentee,
    mentor: pair.mentor,
    ...(pair.referent ? { referent: pair.referent } : {}),
    status: 'confirmed',
    origin: 'proposal',
    score: pair.score,
    terms: pair.terms,
    languages: pair.languages,
    createdAt: now,
    createdBy: ctx.actor.id.userId,
  }));
}

/**
 * `/mentorat-admin valider` (or the button under a proposal): the pairs coordinators last saw
 * become binômes. Refused when anything the proposal rests on changed since (someone enrolled,
 * withdrew, was pinned or paired): the coordinator recomputes and reads the new one first. Every
 * write can be repeated, so a confirmation cut short is finished by confirming again.
 */
export async function confirmProposal(ctx: UseCaseContext, revisionShown?: string): Promise<Reply> {
  const { ports, community, locale } = ctx;
  const cycle = await requireMatchingOpen(ctx);
  const proposal = await ports.matching.findProposal(community);
  if (!proposal) throw new UserError('confirm.noProposal');
  if (revisionShown !== undefined && revisionShown !== String(proposal.revision)) throw new UserError('confirm.outdatedProposal');
  if (proposal.basis === ERASED_PROPOSAL_BASIS) throw new UserError('confirm.changedSince');
  if (proposal.confirmed) throw new UserError('confirm.alreadyConfirmed', { count: proposal.pairs.length });
  if (proposal.pairs.length === 0) throw new UserError('propose.nothingToConfirm');

  const now = ports.clock.now().toISOString();
  const binomes = binomesOf(proposal, ctx, now, cycle.sequence);
  const existing = new Map((await ports.binomes.listByCommunity(community)).map((binome) => [binome.id, binome]));
  const sameAs = (binome: Binome) => {
    const other = existing.get(binome.id);
    return other !== undefined && other.mentee === binome.mentee && other.mentor === binome.mentor;
  };
  // An id taken by another pair is not this confirmation's work: `add` would skip that pair silently.
  const clash = binomes.some((binome) => existing.has(binome.id) && !sameAs(binome));
  const startedBefore = binomes.some(sameAs);
  if (clash || (!startedBefore && (await loadMatchingSituation(ctx)).basis !== proposal.basis)) throw new UserError('confirm.changedSince');

  for (const binome of binomes) await ports.binomes.add(binome);
  for (const pair of proposal.pairs) await ports.waitlist.remove(community, pair.mentee);
  // A mentoré first in line who is left out again (no mentor at all) stays first in line.
  const waiting = new Map((await ports.waitlist.list(community)).map((entry) => [entry.mentee, entry]));
  for (const item of proposal.unmatched) {
    const firstInLine = waiting.get(item.mentee)?.firstInLine;
    await ports.waitlist.save({
      schemaVersion: 2,
      community,
      mentee: item.mentee,
      round: proposal.revision,
      reasons: item.reasons,
      since: now,
      ...(firstInLine ? { firstInLine } : {}),
    });
  }
  await ports.matching.clearDecisions(community);
  await ports.matching.saveProposal({ ...proposal, confirmed: { at: now, by: ctx.actor.id.userId } });

  const names = namesOf(await ports.enrolments.listByCommunity(community));
  const lines = [
    translate(locale, 'confirm.done', { count: binomes.length }),
    ...proposal.pairs.slice(0, 10).map((pair) => `- ${pairLabel(pair, names)}`),
    ...(proposal.pairs.length > 10 ? [translate(locale, 'confirm.more', { count: proposal.pairs.length - 10 })] : []),
  ];
  if (proposal.unmatched.length > 0) lines.push('', translate(locale, 'confirm.waitlisted', { count: proposal.unmatched.length }));
  lines.push('', translate(locale, 'confirm.next'));
  return {
    kind: 'messages',
    replacesOriginal: revisionShown !== undefined,
    messages: [
      {
        text: lines.join('\n'),
        buttons: [{ action: 'announce', label: translate(locale, 'confirm.button.announce'), style: 'primary', args: [] }],
      },
    ],
  };
}
