import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveBinome } from '../../../src/core/binomes/binome';
import { UserError } from '../../../src/core/errors';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { forbidPair, pinPair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import { COORDINATOR, enrolMentee, enrolMentor } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

const LANGUAGES = fc.subarray(['fr', 'en'], { minLength: 1 });
const FIELDS = fc.subarray(['proteomique', 'lipidomique', 'metabolomique'], { minLength: 1 });
const LAB = fc.constantFrom('Lab A', 'Lab B', 'Lab C');

const round = fc.record({
  mentors: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 2 }), languages: LANGUAGES, fields: FIELDS, lab: LAB }), {
    minLength: 1,
    maxLength: 4,
  }),
  mentees: fc.array(fc.record({ languages: LANGUAGES, fields: FIELDS, lab: LAB, excluded: fc.subarray([0, 1, 2, 3], { maxLength: 2 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  decisions: fc.array(fc.record({ kind: fc.constantFrom('pin', 'forbid'), mentee: fc.nat({ max: 5 }), mentor: fc.nat({ max: 3 }) }), {
    maxLength: 5,
  }),
  /** A mentor also référent: they must never follow their own binôme. */
  mentorReferent: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
  latecomers: fc.integer({ min: 0, max: 2 }),
});

type Round = typeof round extends fc.Arbitrary<infer T> ? T : never;

async function ignoringRefusals(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

async function expectSoundBinomes(
  world: UseCaseWorld,
  capacities: ReadonlyMap<string, number>,
  excluded: ReadonlyMap<string, Set<string>>,
) {
  const active = (await world.ports.binomes.listByCommunity(TERMINAL)).filter(isActiveBinome);
  const mentees = active.map((binome) => binome.mentee);
  expect(new Set(mentees).size, 'a mentoré in two binômes').toBe(mentees.length);
  for (const [mentor, capacity] of capacities) {
    expect(active.filter((binome) => binome.mentor === mentor).length, `${mentor} over capacity`).toBeLessThanOrEqual(capacity);
  }
  for (const binome of active) {
    expect([binome.mentee, binome.mentor]).not.toContain(binome.referent);
    expect(excluded.get(binome.mentee)?.has(binome.mentor), `${binome.mentee} excluded ${binome.mentor}`).toBeFalsy();
  }
}

async function play(input: Round) {
  const world = await createUseCaseWorld();
  try {
    const coordinator = world.as(COORDINATOR);
    const capacities = new Map<string, number>();
    const excluded = new Map<string, Set<string>>();
    for (const [index, mentor] of input.mentors.entries()) {
      capacities.set(`m${index}`, mentor.capacity);
      await enrolMentor(world, `m${index}`, `Mentor ${index}`, {
        profile: { capacity: mentor.capacity, languages: mentor.languages, fields: mentor.fields, affiliation: mentor.lab },
      });
    }
    for (const [index, mentee] of input.mentees.entries()) {
      const avoided = mentee.excluded.filter((mentor) => mentor < input.mentors.length);
      excluded.set(`e${index}`, new Set(avoided.map((mentor) => `m${mentor}`)));
      await enrolMentee(world, `e${index}`, `Mentee ${index}`, {
        profile: {
          languages: mentee.languages,
          fields: mentee.fields,
          affiliation: mentee.lab,
          excluded: avoided.map((mentor) => `Mentor ${mentor}`),
        },
      });
    }
    if (input.mentorReferent !== undefined && input.mentorReferent < input.mentors.length) {
      await manageReferents(coordinator, { action: 'add', person: `m${input.mentorReferent}` });
    }
    for (const decision of input.decisions) {
      const pair = { mentee: `e${decision.mentee}`, mentor: `m${decision.mentor}` };
      await ignoringRefusals(() => (decision.kind === 'pin' ? pinPair(coordinator, pair) : forbidPair(coordinator, pair)));
    }
    const rules = await world.ports.matching.listRules(TERMINAL);

    await showProposal(coordinator);
    const proposal = await world.ports.matching.findProposal(TERMINAL);
    await showProposal(coordinator);
    expect((await world.ports.matching.findProposal(TERMINAL))?.pairs, 'the same situation gives the same pairs').toEqual(proposal?.pairs);

    const proposed = new Set((proposal?.pairs ?? []).map((pair) => `${pair.mentee}-${pair.mentor}`));
    for (const rule of rules) {
      if (rule.kind === 'forbid') expect(proposed.has(`${rule.mentee}-${rule.mentor}`), 'a forbidden pair was proposed').toBe(false);
    }
    const pinsPerMentor = new Map<string, number>();
    for (const rule of rules) if (rule.kind === 'pin') pinsPerMentor.set(rule.mentor, (pinsPerMentor.get(rule.mentor) ?? 0) + 1);
    for (const rule of rules) {
      const fits = (pinsPerMentor.get(rule.mentor) ?? 0) <= (capacities.get(rule.mentor) ?? 0);
      if (rule.kind === 'pin' && fits) expect(proposed.has(`${rule.mentee}-${rule.mentor}`), 'a pin was not proposed').toBe(true);
    }
    for (const pair of proposal?.pairs ?? []) {
      expect(pair.pinned).toBe(rules.some((rule) => rule.kind === 'pin' && rule.mentee === pair.mentee && rule.mentor === pair.mentor));
    }

    await ignoringRefusals(() => confirmProposal(coordinator));
    await expectSoundBinomes(world, capacities, excluded);

    // A second round with latecomers: earlier binômes stay, capacities still hold, ids never repeat.
    for (let index = 0; index < input.latecomers; index += 1) {
      const id = `e${input.mentees.length + index}`;
      excluded.set(id, new Set());
      await enrolMentee(world, id, `Latecomer ${index}`, { profile: { languages: ['fr', 'en'] } });
    }
    const before = await world.ports.binomes.listByCommunity(TERMINAL);
    await showProposal(coordinator);
    await ignoringRefusals(() => confirmProposal(coordinator));
    const after = await world.ports.binomes.listByCommunity(TERMINAL);
    for (const binome of before) expect(after).toContainEqual(binome);
    await expectSoundBinomes(world, capacities, excluded);
  } finally {
    await world.close();
  }
}

describe('a pairing round, for any enrolments and decisions', () => {
  it('respects capacities, exclusions, pins and forbids, never gives a binôme one of its members as référent, and is deterministic', async () => {
    await fc.assert(fc.asyncProperty(round, play), { numRuns: 60 });
  }, 60_000);
});
