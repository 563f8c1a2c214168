import { ERASED_PROPOSAL_BASIS, pairRuleSchema, referentChoiceSchema, storedProposalSchema } from '../core/matching/matching-state';
import type { MatchingRepository, PersonalDataHolder } from '../core/ports';
import type { KeyValueStore } from './key-value-store';
import { createRecordCollection } from './record-collection';

/**
 * Pins and forbids one key per pair, référent choices one per mentoré, the proposal one per
 * community: two coordinators pinning at once never overwrite each other's decisions.
 */
export function createMatchingRepository(store: KeyValueStore): MatchingRepository & PersonalDataHolder {
  const rules = createRecordCollection(store, 'pair-rule', pairRuleSchema, (rule) => [
    rule.community.platform,
    rule.community.id,
    rule.mentee,
    rule.mentor,
  ]);
  const choices = createRecordCollection(store, 'referent-choice', referentChoiceSchema, (choice) => [
    choice.community.platform,
    choice.community.id,
    choice.mentee,
  ]);
  const proposals = createRecordCollection(store, 'proposal', storedProposalSchema, (proposal) => [
    proposal.community.platform,
    proposal.community.id,
  ]);

  return {
    section: 'matching',
    listRules: (community) => rules.list(community.platform, community.id),
    async saveRule(rule) {
      if (rule.kind === 'pin') {
        // A mentoré has one mentor: a new pin replaces the pins of their other pairs.
        for (const other of await rules.list(rule.community.platform, rule.community.id, rule.mentee)) {
          if (other.kind === 'pin' && other.mentor !== rule.mentor) {
            await rules.remove(other.community.platform, other.community.id, other.mentee, other.mentor);
          }
        }
      }
      await rules.set(rule);
    },
    removeRule: (community, mentee, mentor) => rules.remove(community.platform, community.id, mentee, mentor),
    listReferentChoices: (community) => choices.list(community.platform, community.id),
    saveReferentChoice: (choice) => choices.set(choice),
    async clearDecisions(community) {
      for (const rule of await rules.list(community.platform, community.id)) {
        await rules.remove(community.platform, community.id, rule.mentee, rule.mentor);
      }
      for (const choice of await choices.list(community.platform, community.id)) {
        await choices.remove(community.platform, community.id, choice.mentee);
      }
    },
    findProposal: (community) => proposals.find(community.platform, community.id),
    saveProposal: (proposal) => proposals.set(proposal),

    async exportFor(participant) {
      const mine = (ids: readonly string[]) => ids.includes(participant.userId);
      const proposal = await proposals.find(participant.platform, participant.communityId);
      const found = {
        pairRules: (await rules.list(participant.platform, participant.communityId)).filter((rule) => mine([rule.mentee, rule.mentor])),
        referentChoices: (await choices.list(participant.platform, participant.communityId)).filter((choice) =>
          mine([choice.mentee, choice.referent]),
        ),
        // A mentor with several places, or a référent, is in several pairs.
        proposedPairs: proposal?.pairs.filter((pair) => mine([pair.mentee, pair.mentor, pair.referent ?? ''])) ?? [],
        // Erasure counts a mentoré the proposal left out as named in it: the export shows that entry too.
        leftOutOfProposal: proposal?.unmatched.find((item) => item.mentee === participant.userId) ?? null,
      };
      const nothing =
        found.pairRules.length === 0 &&
        found.referentChoices.length === 0 &&
        found.proposedPairs.length === 0 &&
        found.leftOutOfProposal === null;
      return nothing ? null : found;
    },
    /**
     * Their pins, forbids and référent choices go; a proposal that names them is emptied (coordinators
     * recompute it). Its revision stays: binôme ids, waiting-list rounds and announcements are named
     * after it, and a new proposal starting again at 1 would take an earlier round's names.
     */
    async eraseFor(participant) {
      let erased = false;
      const { platform, communityId, userId } = participant;
      for (const rule of await rules.list(platform, communityId)) {
        if (rule.mentee === userId || rule.mentor === userId)
          erased = (await rules.remove(platform, communityId, rule.mentee, rule.mentor)) || erased;
      }
      for (const choice of await choices.list(platform, communityId)) {
        if (choice.mentee === userId || choice.referent === userId)
          erased = (await choices.remove(platform, communityId, choice.mentee)) || erased;
      }
      const proposal = await proposals.find(platform, communityId);
      const named =
        proposal?.pairs.some((pair) => [pair.mentee, pair.mentor, pair.referent].includes(userId)) ||
        proposal?.unmatched.some((item) => item.mentee === userId);
      if (proposal && named) {
        await proposals.set({ ...proposal, basis: ERASED_PROPOSAL_BASIS, pairs: [], unmatched: [] });
        erased = true;
      }
      return erased;
    },
  };
}
