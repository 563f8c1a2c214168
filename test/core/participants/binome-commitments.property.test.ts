import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveBinome } from '../../../src/core/binomes/binome';
import { confirmDissolution, createBinomeByHand, requestDissolution } from '../../../src/core/binomes/manage-binome';
import { UserError } from '../../../src/core/errors';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { submitEnrolment } from '../../../src/core/participants/enrol';
import type { Reply } from '../../../src/core/reply';
import { answersWith, MENTEE_ANSWERS, MENTOR_ANSWERS } from '../../support/enrolment-answers';
import { COORDINATOR } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

const PERSON = fc.nat({ max: 2 });
const operation = fc.oneof(
  fc.record({
    kind: fc.constant('enrol' as const),
    person: PERSON,
    role: fc.constantFrom('mentor', 'mentee'),
    capacity: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('pair' as const), mentee: PERSON, mentor: PERSON }),
  fc.record({ kind: fc.constant('dissolve' as const), mentee: PERSON }),
  fc.record({ kind: fc.constant('round' as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function refusedOrDone(action: () => Promise<unknown>) {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

function yes(reply: Reply): readonly string[] {
  const button = reply.kind === 'messages' ? reply.messages[0]?.buttons?.find((candidate) => candidate.action === 'confirm') : undefined;
  if (!button) throw new Error('expected a confirmation button');
  return button.args;
}

async function apply(world: UseCaseWorld, step: Operation) {
  const coordinator = world.as(COORDINATOR);
  switch (step.kind) {
    case 'enrol': {
      const name = `Person ${step.person}`;
      const answers =
        step.role === 'mentor'
          ? answersWith(MENTOR_ANSWERS, { name, capacity: String(step.capacity) })
          : answersWith(MENTEE_ANSWERS, { name, excluded: undefined });
      return refusedOrDone(() => submitEnrolment(world.as({ userId: `p${step.person}` }), answers));
    }
    case 'pair':
      return refusedOrDone(() => createBinomeByHand(coordinator, { mentee: `p${step.mentee}`, mentor: `p${step.mentor}` }));
    case 'dissolve':
      return refusedOrDone(async () =>
        confirmDissolution(coordinator, yes(await requestDissolution(coordinator, { mentee: `p${step.mentee}` }))),
      );
    case 'round':
      return refusedOrDone(async () => {
        await showProposal(coordinator);
        await confirmProposal(coordinator);
      });
  }
}

/** Nobody mentor and mentoré at once, each in the role they enrolled in, no mentor over capacity. */
async function expectPossible(world: UseCaseWorld, history: readonly Operation[]) {
  const active = (await world.ports.binomes.listByCommunity(TERMINAL)).filter(isActiveBinome);
  const enrolments = new Map(
    (await world.ports.enrolments.listByCommunity(TERMINAL)).map((enrolment) => [enrolment.participant.userId, enrolment]),
  );
  const mentees = active.map((binome) => binome.mentee);
  const mentors = new Set(active.map((binome) => binome.mentor));
  const after = JSON.stringify(history);
  expect(new Set(mentees).size, `a mentoré in two binômes after ${after}`).toBe(mentees.length);
  expect(
    mentees.filter((mentee) => mentors.has(mentee)),
    `mentor and mentoré at once after ${after}`,
  ).toEqual([]);
  for (const binome of active) {
    expect(enrolments.get(binome.mentee)?.profile.role, `${binome.mentee}'s role after ${after}`).toBe('mentee');
    expect(enrolments.get(binome.mentor)?.profile.role, `${binome.mentor}'s role after ${after}`).toBe('mentor');
  }
  for (const mentor of mentors) {
    const profile = enrolments.get(mentor)?.profile;
    const capacity = profile?.role === 'mentor' ? profile.capacity : 0;
    expect(active.filter((binome) => binome.mentor === mentor).length, `${mentor} over capacity after ${after}`).toBeLessThanOrEqual(
      capacity,
    );
  }
}

describe('enrolments and binômes, over any sequence of changes', () => {
  it('never hold a person in both roles nor a mentor over capacity, whatever is enrolled, edited, paired, dissolved or confirmed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 14 }), async (steps) => {
        const world = await createUseCaseWorld();
        try {
          for (const [index, step] of steps.entries()) {
            await apply(world, step);
            await expectPossible(world, steps.slice(0, index + 1));
          }
        } finally {
          await world.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
