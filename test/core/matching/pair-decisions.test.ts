import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseReferent, forbidPair, pinPair, releasePair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import type { Enrolment } from '../../../src/core/participants/enrolment';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { refusal } from '../../support/refusal';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

const coordinator = () => world.as({ ...COORDINATOR, locale: 'en' });
const pin = (mentee: string, mentor: string) => pinPair(coordinator(), { mentee, mentor });
const forbid = (mentee: string, mentor: string) => forbidPair(coordinator(), { mentee, mentor });
const release = (mentee: string, mentor: string) => releasePair(coordinator(), { mentee, mentor });
const setReferent = (mentee: string, referent: string) => chooseReferent(coordinator(), { mentee, referent });
const proposal = async () => {
  await showProposal(coordinator());
  return world.ports.matching.findProposal(TERMINAL);
};
const pairsOf = async () => ((await proposal())?.pairs ?? []).map((pair) => `${pair.mentee}-${pair.mentor}`);

async function withdraw(enrolment: Enrolment) {
  await world.enrolments.save({ ...enrolment, status: 'withdrawn', revision: enrolment.revision + 1 });
}

/** Dan suits Erin best (shared field); Fay shares only a language and a format with him. */
async function dan_erin_fay() {
  await enrolMentee(world, 'dan', 'Dan Leroy');
  const erin = await enrolMentor(world, 'erin', 'Erin Roux');
  const fay = await enrolMentor(world, 'fay', 'Fay Morel', {
    profile: { fields: ['lipidomique'], offers: ['publication'], sector: 'academic' },
  });
  return { erin, fay };
}

describe('pinning a pair', () => {
  it('is kept, with who decided and when, and the pair is proposed whatever its score', async () => {
    await dan_erin_fay();
    expect(await pairsOf()).toEqual(['dan-erin']);
    expect(text(await pin('Dan Leroy', 'fay'))).toBe(
      'Pinned: Dan Leroy (<@dan>) ↔ Fay Morel (<@fay>) will be proposed every time, until the next confirmation. Run `/mentorat-admin match` again.',
    );
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([
      { schemaVersion: 1, community: TERMINAL, kind: 'pin', mentee: 'dan', mentor: 'fay', by: 'coord', at: '2026-03-02T10:00:00.000Z' },
    ]);
    const shown = text(await showProposal(coordinator()));
    expect(shown).toContain(
      '- **Dan Leroy** ↔ **Fay Morel** — score 7 (wished sector: Either, mentor’s sector: Academic (university, research institute) ✓; compatible format; language: fr; pinned by the coordinators)',
    );
    expect(shown).toContain('Coordinators’ decisions applied: 1 pinned, 0 forbidden, 0 referent choices.');
    expect((await world.ports.matching.findProposal(TERMINAL))?.pairs).toMatchObject([{ mentee: 'dan', mentor: 'fay', pinned: true }]);
  });

  it('is refused when the mentor has no place left, counting their binômes and other pins', async () => {
    await dan_erin_fay();
    await enrolMentee(world, 'gus', 'Gus Klein');
    await enrolMentee(world, 'hal', 'Hal Simon');
    await pin('gus', 'erin');
    expect(await refusal(() => pin('dan', 'erin'))).toBe(
      'Erin Roux (<@erin>) has no place left to pin: capacity 1, current pairs and pins included.',
    );
    await world.ports.binomes.add(makeBinome({ id: 'm1', mentee: 'hal', mentor: 'fay' }));
    expect(await refusal(() => pin('dan', 'fay'))).toContain('Fay Morel (<@fay>) has no place left to pin');
    expect((await world.ports.matching.listRules(TERMINAL)).map((rule) => `${rule.mentee}-${rule.mentor}`)).toEqual(['gus-erin']);
  });

  it('counts only the pins that still apply: not one whose mentoré left, was paired by hand, or excluded that mentor since', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 3 } });
    await enrolMentor(world, 'fay', 'Fay Morel');
    const gus = await enrolMentee(world, 'gus', 'Gus Klein');
    await enrolMentee(world, 'hal', 'Hal Simon');
    const ivy = await enrolMentee(world, 'ivy', 'Ivy Blanc');
    await pin('gus', 'erin');
    await pin('hal', 'erin');
    await pin('ivy', 'erin');
    await withdraw(gus);
    await world.ports.binomes.add(makeBinome({ id: 'm1', mentee: 'hal', mentor: 'fay' }));
    if (ivy.profile.role !== 'mentee') throw new Error('ivy is a mentee');
    await world.enrolments.save({ ...ivy, revision: ivy.revision + 1, profile: { ...ivy.profile, excluded: ['Erin Roux'] } });
    expect(text(await pin('dan', 'erin'))).toContain('Pinned: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)');
    expect((await proposal())?.pairs).toMatchObject([{ mentee: 'dan', mentor: 'erin', pinned: true }]);
  });

  it('says which usual rule a pinned pair breaks, and keeps it', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy', { profile: { languages: ['de'] } });
    await enrolMentor(world, 'erin', 'Erin Roux');
    expect(text(await pin('dan', 'erin'))).toBe(
      [
        'Pinned: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) will be proposed every time, until the next confirmation. Run `/mentorat-admin match` again.',
        'Note: a usual rule is not met: no shared language.',
      ].join('\n'),
    );
    expect(await pairsOf()).toEqual(['dan-erin']);
  });

  it('keeps one pin per mentoré: pinning another mentor replaces the first', async () => {
    await dan_erin_fay();
    await pin('dan', 'fay');
    await pin('dan', 'erin');
    expect((await world.ports.matching.listRules(TERMINAL)).map((rule) => `${rule.kind}:${rule.mentor}`)).toEqual(['pin:erin']);
  });

  it('is refused for a mentor the mentoré asked to avoid, named or by id, and nothing is kept', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy', { profile: { excluded: ['erin roux', 'fay'] } });
    await enrolMentor(world, 'erin', 'Erin Roux');
    await enrolMentor(world, 'fay', 'Fay Morel');
    expect(await refusal(() => pin('dan', 'Erin Roux'))).toBe(
      'Not possible: the mentee asked not to be paired with this mentor (Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)).',
    );
    expect(await refusal(() => pin('dan', 'fay'))).toContain('the mentee asked not to be paired with this mentor');
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([]);
  });

  it('stops applying once the mentoré excludes that mentor in their profile', async () => {
    const { fay } = await dan_erin_fay();
    await pin('dan', 'fay');
    const dan = await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'dan' });
    if (dan?.profile.role !== 'mentee') throw new Error('dan is a mentee');
    await world.enrolments.save({ ...dan, revision: 2, profile: { ...dan.profile, excluded: [fay.profile.name] } });
    expect(await pairsOf()).toEqual(['dan-erin']);
  });

  it('is refused for a mentoré who already has a binôme, naming it', async () => {
    await dan_erin_fay();
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin' }));
    for (const decide of [pin, forbid]) {
      expect(await refusal(() => decide('dan', 'fay'))).toBe(
        'This mentee already has a pair: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>). Dissolve it first if needed.',
      );
    }
  });

  it('names people only in their roles: a mentor is not pinned as a mentoré', async () => {
    await dan_erin_fay();
    expect(await refusal(() => pin('erin', 'fay'))).toBe('Erin Roux is not enrolled as a mentee.');
    expect(await refusal(() => pin('dan', 'Dan Leroy'))).toBe('Dan Leroy is not enrolled as a mentor.');
  });
});

describe('forbidding a pair', () => {
  it('is kept and the pair is never proposed: the mentoré goes elsewhere, or stays out with the reason', async () => {
    await dan_erin_fay();
    expect(text(await forbid('dan', 'erin'))).toBe(
      'Forbidden: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) will not be proposed, until the next confirmation. Run `/mentorat-admin match` again.',
    );
    expect(await pairsOf()).toEqual(['dan-fay']);
    await forbid('dan', 'fay');
    const shown = text(await showProposal(coordinator()));
    expect(shown).toContain('- **Dan Leroy**: 2 pairs set aside by the coordinators');
    expect(shown).toContain('Coordinators’ decisions applied: 0 pinned, 2 forbidden, 0 referent choices.');
  });

  it('replaces a pin on the same pair, and a pin replaces it back', async () => {
    await dan_erin_fay();
    await pin('dan', 'fay');
    await forbid('dan', 'fay');
    expect((await world.ports.matching.listRules(TERMINAL)).map((rule) => rule.kind)).toEqual(['forbid']);
    await pin('dan', 'fay');
    expect((await world.ports.matching.listRules(TERMINAL)).map((rule) => rule.kind)).toEqual(['pin']);
  });
});

describe('releasing a pair', () => {
  it('forgets its pin or forbid, and says when there was none', async () => {
    await dan_erin_fay();
    await forbid('dan', 'erin');
    expect(text(await release('dan', 'erin'))).toBe(
      'No decision left on Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>). Run `/mentorat-admin match` again.',
    );
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([]);
    expect(await pairsOf()).toEqual(['dan-erin']);
    expect(text(await release('dan', 'erin'))).toBe('There was no pin or forbid on Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>).');
  });
});

describe('decisions about someone who left', () => {
  it('no longer apply, and are not counted among the decisions applied', async () => {
    const { erin, fay } = await dan_erin_fay();
    await enrolMentee(world, 'gus', 'Gus Klein');
    await pin('dan', 'fay');
    await forbid('gus', 'erin');
    await withdraw(fay);
    await withdraw(erin);
    await enrolMentor(world, 'hal', 'Hal Simon', { profile: { capacity: 2 } });
    const shown = text(await showProposal(coordinator()));
    expect((await world.ports.matching.findProposal(TERMINAL))?.pairs.map((pair) => `${pair.mentee}-${pair.mentor}`)).toEqual([
      'dan-hal',
      'gus-hal',
    ]);
    expect(shown).not.toContain('Coordinators’ decisions applied');
  });
});

describe('choosing the référent of a mentoré’s binôme', () => {
  it('before the binôme exists: kept, and the next proposal gives that référent to the pair', async () => {
    await dan_erin_fay();
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    expect(text(await setReferent('dan', '@omar'))).toBe(
      '<@omar> will follow the pair of Dan Leroy (<@dan>) once it is formed. Run `/mentorat-admin match` again to see it.',
    );
    expect(await world.ports.matching.listReferentChoices(TERMINAL)).toMatchObject([{ mentee: 'dan', referent: 'omar', by: 'coord' }]);
    const shown = text(await showProposal(coordinator()));
    expect(shown).toContain('— referent: <@omar>');
    expect(shown).toContain('0 pinned, 0 forbidden, 1 referent choice.');
    expect((await world.ports.matching.findProposal(TERMINAL))?.pairs).toMatchObject([{ mentee: 'dan', referent: 'omar' }]);
  });

  it('is not used once that person is no longer a référent', async () => {
    await dan_erin_fay();
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    await setReferent('dan', 'omar');
    await manageReferents(coordinator(), { action: 'remove', person: 'omar' });
    expect((await proposal())?.pairs).toMatchObject([{ mentee: 'dan', referent: 'ref' }]);
  });

  it('refuses someone who is not a référent, and the mentoré themself', async () => {
    await dan_erin_fay();
    expect(await refusal(() => setReferent('dan', 'nobody'))).toBe(
      '<@nobody> is not a referent: add them first with `/mentorat-admin referents action:add person:@…`.',
    );
    await manageReferents(coordinator(), { action: 'add', person: 'dan' });
    expect(await refusal(() => setReferent('dan', 'dan'))).toBe('A referent cannot follow a pair they belong to.');
    expect(await world.ports.matching.listReferentChoices(TERMINAL)).toEqual([]);
  });

  it('on a confirmed binôme not yet announced: changes it', async () => {
    await dan_erin_fay();
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    expect(text(await setReferent('Dan Leroy', 'omar'))).toBe('<@omar> is now the referent of Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>).');
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.referent).toBe('omar');
    expect(await world.ports.matching.listReferentChoices(TERMINAL)).toEqual([]);
  });

  it('refuses a member of the binôme as its référent', async () => {
    await dan_erin_fay();
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await manageReferents(coordinator(), { action: 'add', person: 'erin' });
    expect(await refusal(() => setReferent('dan', 'erin'))).toBe('A referent cannot follow a pair they belong to.');
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.referent).toBe('ref');
  });

  it('on an announced binôme: refused, since its private space already holds its référent', async () => {
    await dan_erin_fay();
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await markAnnounced(world, 'p1-1');
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    expect(await refusal(() => setReferent('dan', 'omar'))).toBe(
      'The pair Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) is already announced: its private channel already has its members. Dissolve it and create it again with the right referent.',
    );
    expect((await world.ports.binomes.find(TERMINAL, 'p1-1'))?.referent).toBe('ref');
  });
});
