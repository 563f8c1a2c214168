import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBinomeByHand } from '../../../src/core/binomes/manage-binome';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { unmatchedReasons } from '../../../src/core/matching/explain';
import { pinPair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { submitEnrolment } from '../../../src/core/participants/enrol';
import { answersWith, MENTEE_ANSWERS } from '../../support/enrolment-answers';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';
import { cycleRecord } from './cycle-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld({ now: '2026-10-01T10:00:00.000Z' });
  await world.ports.cycles.add(cycleRecord(1, '2025-2026', 'closed'));
  await world.ports.cycles.add(cycleRecord(2, '2026-2027', 'enrolment-open', '2026-09-01T08:00:00.000Z'));
  // Dan and Erin were a binôme of the first cycle, ended with it.
  await world.ports.binomes.add(
    makeBinome({ id: 'old', cycle: 1, mentee: 'dan', mentor: 'erin', status: 'dissolved', dissolvedBecause: 'cycle-closed' }),
  );
});
afterEach(async () => {
  await world.close();
});

const coordinator = () => world.as({ ...COORDINATOR });
const stored = async () => (await world.ports.matching.findProposal(TERMINAL))?.pairs.map((pair) => [pair.mentee, pair.mentor]);

describe('a pair from an earlier cycle', () => {
  it('is never proposed again: a mentoré whose only mentor is their earlier one is left out, and the reason says so', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentee(world, 'dan', 'Dan Leroy');
    const proposal = text(await showProposal(coordinator()));
    expect(await stored()).toEqual([]);
    expect(proposal).toContain(translate('fr', 'match.unmatched.paired-before', { count: 1 }));
    expect(proposal).toContain('1 mentor déjà en binôme avec cette personne lors d’un cycle précédent');
    expect((await world.ports.matching.findProposal(TERMINAL))?.unmatched).toEqual([
      { mentee: 'dan', reasons: [{ kind: 'blocked', because: 'paired-before', mentors: 1 }] },
    ]);
  });

  it('leaves the mentoré to another mentor, even one who suits them less', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentor(world, 'fay', 'Fay Dubois', { profile: { offers: ['carriere-academique'] } });
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await showProposal(coordinator());
    expect(await stored()).toEqual([['dan', 'fay']]);
  });

  it('is proposed when a coordinator pins it, and the reason names the earlier cycle', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await pinPair(coordinator(), { mentee: 'dan', mentor: 'erin' });
    const proposal = text(await showProposal(coordinator()));
    expect(await stored()).toEqual([['dan', 'erin']]);
    expect(proposal).toContain(translate('fr', 'match.reason.pairedBefore', { cycle: '2025-2026' }));
    expect(proposal).toContain(translate('fr', 'match.reason.pinned'));
  });

  it('is proposed when both asked to be paired again, and the reason says so; one asking is not enough', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux', { pairAgain: true });
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await showProposal(coordinator());
    expect(await stored()).toEqual([]);

    await enrolMentee(world, 'dan', 'Dan Leroy', { pairAgain: true });
    const proposal = text(await showProposal(world.as({ ...COORDINATOR, locale: 'en' })));
    expect(await stored()).toEqual([['dan', 'erin']]);
    expect(proposal).toContain('already paired in cycle 2025-2026, and both asked to be paired again');
  });
});

describe('a binôme made by hand', () => {
  it('may repeat an earlier pair (the coordinators decide), and says it was one', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentee(world, 'dan', 'Dan Leroy');
    const created = text(await createBinomeByHand(coordinator(), { mentee: 'dan', mentor: 'erin' }));
    expect(created).toContain(translate('fr', 'match.reason.pairedBefore', { cycle: '2025-2026' }));
    expect((await world.ports.binomes.listByCommunity(TERMINAL)).filter((b) => b.cycle === 2).map((b) => b.mentee)).toEqual(['dan']);
  });
});

describe('the waiting list', () => {
  it('keeps "already paired in an earlier cycle" as the reason of a mentoré left out by a confirmed round (stored and read back)', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentor(world, 'fay', 'Fay Dubois', { profile: { languages: ['en'] } });
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentee(world, 'hal', 'Hal Garnier', { profile: { languages: ['en'] } });
    await showProposal(coordinator());
    await confirmProposal(coordinator());
    expect((await world.ports.binomes.listByCommunity(TERMINAL)).filter((b) => b.cycle === 2).map((b) => [b.mentee, b.mentor])).toEqual([
      ['hal', 'fay'],
    ]);
    const waiting = await world.ports.waitlist.list(TERMINAL);
    expect(waiting.map((entry) => [entry.mentee, entry.reasons])).toEqual([
      [
        'dan',
        [
          { kind: 'blocked', because: 'no-shared-language', mentors: 1 },
          { kind: 'blocked', because: 'paired-before', mentors: 1 },
        ],
      ],
    ]);
    expect(unmatchedReasons({ mentee: 'dan', reasons: waiting[0]?.reasons ?? [] }, 'en', 'mentee')).toContain(
      translate('en', 'match.notice.paired-before'),
    );
  });
});

describe('the enrolment form', () => {
  it('asks whether to be paired again with a previous partner, stored with the enrolment (no by default)', async () => {
    await submitEnrolment(world.as({ userId: 'zoe' }), MENTEE_ANSWERS);
    const find = () => world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'zoe' });
    expect((await find())?.pairAgain).toBe(false);
    const updated = text(await submitEnrolment(world.as({ userId: 'zoe' }), answersWith(MENTEE_ANSWERS, { pairAgain: 'yes' })));
    expect((await find())?.pairAgain).toBe(true);
    expect(updated).toContain(`**${translate('fr', 'form.enrol.pairAgain.name')}** : ${translate('fr', 'pairAgain.yes')}`);
  });
});
