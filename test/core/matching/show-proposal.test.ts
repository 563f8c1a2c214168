import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { showProposal } from '../../../src/core/matching/show-proposal';
import type { Reply } from '../../../src/core/reply';
import { makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

const text = (reply: Reply) => (reply.kind === 'messages' ? reply.messages.map((message) => message.text).join('\n') : '');

const mentorProfile = (name: string, affiliation: string) => ({
  role: 'mentor' as const,
  name,
  affiliation,
  fields: ['proteomique'],
  languages: ['fr'],
  format: 'remote' as const,
  region: 'ile-de-france',
  sector: 'both' as const,
  offers: ['reseau'],
  capacity: 1,
});

describe('the proposal coordinators read', () => {
  it('never pairs a mentoré with a mentor they named to avoid, and says who is left and why', async () => {
    await world.enrolments.save(
      makeEnrolment({ participant: participantIn(TERMINAL, 'alice'), profile: mentorProfile('Alice Martin', 'Pasteur') }),
    );
    await world.enrolments.save(
      makeEnrolment({ participant: participantIn(TERMINAL, 'bob'), profile: mentorProfile('Bob Bernard', 'CNRS') }),
    );
    const mentee = makeEnrolment().profile;
    await world.enrolments.save(
      makeEnrolment({
        participant: participantIn(TERMINAL, 'dan'),
        profile: { ...mentee, name: 'Dan Leroy', fields: ['proteomique'], excluded: ['alice martin'] } as never,
      }),
    );
    await world.enrolments.save(
      makeEnrolment({
        participant: participantIn(TERMINAL, 'erin'),
        profile: { ...mentee, name: 'Erin Roux', languages: ['de'] } as never,
      }),
    );
    const shown = text(await showProposal(world.as({ userId: 'coord', roles: ['coordinator'], locale: 'en' })));
    expect(shown).toContain('**Proposed pairs**: 1 of 2 mentee(s) paired');
    expect(shown).toContain('- **Dan Leroy** ↔ **Bob Bernard** — score');
    expect(shown).toContain('- **Erin Roux**: no shared language with 2 mentor(s)');
    expect(shown).toContain('Nothing is confirmed yet.');
  });

  it('says when there is nobody to pair', async () => {
    expect(text(await showProposal(world.as({ roles: ['coordinator'] })))).toBe('Personne à apparier : aucun·e mentoré·e inscrit·e.');
  });
});
