import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceBinomes } from '../../../src/core/binomes/announce';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { unmatchedReasons } from '../../../src/core/matching/explain';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { COORDINATOR, dmsTo, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

/** An earlier round is over: Erin and Fay mentor Dan and Gus, one place each, announced. Hugo speaks only English. */
async function afterFirstRound() {
  await enrolMentor(world, 'erin', 'Erin Roux');
  await enrolMentor(world, 'fay', 'Fay Morel');
  await enrolMentor(world, 'hugo', 'Hugo Smith', { profile: { languages: ['en'] } });
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein');
  for (const [id, mentee, mentor] of [
    ['r1-1', 'dan', 'erin'],
    ['r1-2', 'gus', 'fay'],
  ] as const) {
    await world.ports.binomes.add(makeBinome({ id, mentee, mentor, referent: 'ref' }));
    await markAnnounced(world, id);
  }
}

describe('why a mentoré is left out, once mentors are full', () => {
  it('tells the coordinator that the compatible mentors are full, not that no mentor enrolled', async () => {
    await afterFirstRound();
    await enrolMentee(world, 'jo', 'Jo Black', { profile: { languages: ['en'] } });
    await world.ports.binomes.add(makeBinome({ id: 'r1-3', mentee: 'jo', mentor: 'hugo', referent: 'ref' }));
    await enrolMentee(world, 'ivy', 'Ivy Blanc');
    const shown = text(await showProposal(world.as({ ...COORDINATOR, locale: 'fr' })));
    expect(shown).toContain('- **Ivy Blanc** : les 2 mentors compatibles sont complets');
    expect(shown).not.toContain(translate('fr', 'match.unmatched.noMentor'));
  });

  it('tells the waiting mentoré the same reason as the coordinator reads, in their words', async () => {
    await afterFirstRound();
    await enrolMentee(world, 'jo', 'Jo Black', { profile: { languages: ['en'] } });
    await enrolMentee(world, 'ivy', 'Ivy Blanc');
    const coordinator = world.as({ ...COORDINATOR, locale: 'fr' });
    const shown = text(await showProposal(coordinator));
    expect(shown).toContain('- **Jo Black** ↔ **Hugo Smith**');
    expect(shown).toContain('- **Ivy Blanc** : les 2 mentors compatibles sont complets');
    await confirmProposal(coordinator);
    await announceBinomes(coordinator);

    const [notice = ''] = dmsTo(world, 'ivy');
    expect(notice).toContain(translate('fr', 'match.notice.full'));
    expect(notice).not.toContain(translate('fr', 'match.notice.noMentor'));
    expect(notice).not.toContain(translate('fr', 'match.notice.no-shared-language'));
    // One computation: what the mentoré was told rests on exactly the reasons the coordinator saw.
    const proposal = await world.ports.matching.findProposal(TERMINAL);
    const left = proposal?.unmatched.find((item) => item.mentee === 'ivy');
    const waiting = (await world.ports.waitlist.list(TERMINAL)).find((entry) => entry.mentee === 'ivy');
    expect(left?.reasons).toEqual([{ kind: 'compatible-mentors-full', mentors: 2 }]);
    expect(waiting?.reasons).toEqual(left?.reasons);
    if (left) for (const reason of unmatchedReasons(left, 'fr', 'mentee')) expect(notice).toContain(reason);
  });
});
