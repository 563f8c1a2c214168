import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBinomeByHand } from '../../../src/core/binomes/manage-binome';
import { UserError } from '../../../src/core/errors';
import type { RawFormValues } from '../../../src/core/forms/form-types';
import { translateUnchecked } from '../../../src/core/i18n/translate';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { submitEnrolment } from '../../../src/core/participants/enrol';
import type { MenteeProfile, MentorProfile } from '../../../src/core/participants/enrolment';
import { MENTEE_ANSWERS, MENTOR_ANSWERS } from '../../support/enrolment-answers';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
});
afterEach(async () => {
  await world.close();
});

const enrol = (userId: string, raw: RawFormValues) => submitEnrolment(world.as({ userId, locale: 'en' }), raw);
const stored = (userId: string) => world.enrolments.find({ platform: 'terminal', communityId: 'local', userId });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return translateUnchecked('en', error.messageKey, error.params);
}

/** Marie mentors Dan and Gus; Ada is still waiting. */
async function marieMentorsTwo() {
  await enrol('marie', { ...MENTOR_ANSWERS, capacity: '3' });
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein');
  await enrolMentee(world, 'ada', 'Ada Lovelace');
  await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'marie' }));
  await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'marie' }));
}

describe('changing an enrolment that running binômes rest on', () => {
  it('refuses a mentor of two who re-enrols as a mentoré, saying why and what to do, and stores nothing', async () => {
    await marieMentorsTwo();
    const before = await stored('marie');
    expect(await refusal(enrol('marie', { ...MENTEE_ANSWERS, name: 'Marie Curie' }))).toBe(
      '**Enrolment not changed**: you are the mentor of a running pair, so you cannot change role. Ask the coordinators to end your pairs first, or withdraw with `/mentorat withdraw` (your pairs will end), then enrol again. Nothing was saved.',
    );
    expect(await stored('marie')).toEqual(before);
  });

  it('refuses a mentoré in a binôme who re-enrols as a mentor', async () => {
    await marieMentorsTwo();
    const before = await stored('dan');
    expect(await refusal(enrol('dan', { ...MENTOR_ANSWERS, name: 'Dan Leroy' }))).toContain(
      'you are the mentee of a running pair, so you cannot change role',
    );
    expect(await stored('dan')).toEqual(before);
  });

  it('refuses a capacity below the binômes held, and accepts one that still holds them', async () => {
    await marieMentorsTwo();
    expect(await refusal(enrol('marie', { ...MENTOR_ANSWERS, capacity: '1' }))).toBe(
      '**Enrolment not changed**: you mentor 2 mentees in running pairs, so your capacity cannot go down to 1. Enter at least 2, or ask the coordinators to end a pair first. Nothing was saved.',
    );
    expect((await stored('marie'))?.profile).toMatchObject({ capacity: 3 });
    expect(text(await enrol('marie', { ...MENTOR_ANSWERS, capacity: '2', region: 'bretagne' }))).toContain('Your enrolment is updated.');
    expect((await stored('marie'))?.profile).toMatchObject({ capacity: 2, region: 'bretagne' });
  });

  it('lets someone change role once their binômes have ended', async () => {
    await marieMentorsTwo();
    for (const id of ['p1-1', 'p1-2']) {
      const binome = await world.ports.binomes.find(TERMINAL, id);
      if (binome) await world.ports.binomes.save({ ...binome, status: 'dissolved' });
    }
    expect(text(await enrol('marie', { ...MENTEE_ANSWERS, name: 'Marie Curie' }))).toContain('Your enrolment is updated.');
    expect((await stored('marie'))?.profile.role).toBe('mentee');
  });
});

describe('what the matcher and manual pairing see', () => {
  it('counts a full mentor as full, never below zero, and proposes nobody in the role their binômes do not give them', async () => {
    await marieMentorsTwo();
    // Stored before these checks existed: Marie as a mentoré, still mentoring two; Dan as a mentor, still mentored.
    const marie = await stored('marie');
    const dan = await stored('dan');
    if (!marie || !dan) throw new Error('not enrolled');
    await world.enrolments.save({ ...marie, profile: { ...MENTEE_PROFILE, name: 'Marie Curie' } });
    await world.enrolments.save({ ...dan, profile: { ...MENTOR_PROFILE, name: 'Dan Leroy', capacity: 1 } });
    const shown = text(await showProposal(world.as({ ...COORDINATOR, locale: 'en' })));
    expect(shown).not.toContain('Marie Curie');
    expect(shown).not.toContain('↔ **Dan Leroy**');
    const proposal = await world.ports.matching.findProposal(TERMINAL);
    expect(proposal?.pairs).toEqual([]);
    expect(proposal?.unmatched.map((item) => item.mentee)).toEqual(['ada']);
  });

  it('refuses a manual binôme with someone in the other role, by enrolment or by a running binôme', async () => {
    await marieMentorsTwo();
    await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 2 } });
    const coordinator = world.as({ ...COORDINATOR, locale: 'en' });
    expect(await refusal(createBinomeByHand(coordinator, { mentee: 'erin', mentor: 'marie' }))).toBe(
      'Erin Roux is not enrolled as a mentee.',
    );
    expect(await refusal(createBinomeByHand(coordinator, { mentee: 'ada', mentor: 'dan' }))).toBe('Dan Leroy is not enrolled as a mentor.');
    const dan = await stored('dan');
    if (!dan) throw new Error('not enrolled');
    await world.enrolments.save({ ...dan, profile: { ...MENTOR_PROFILE, name: 'Dan Leroy', capacity: 1 } });
    expect(await refusal(createBinomeByHand(coordinator, { mentee: 'ada', mentor: 'dan' }))).toBe(
      'Dan Leroy (<@dan>) is already in a running pair as mentee: nobody is mentor and mentee at once. End that pair first with `/mentorat-admin pair action:dissolve mentee:@…`.',
    );
    const active = (await world.ports.binomes.listByCommunity(TERMINAL)).filter((binome) => binome.status === 'confirmed');
    expect(active.map((binome) => binome.id)).toEqual(['p1-1', 'p1-2']);
  });
});

const MENTOR_PROFILE: MentorProfile = {
  role: 'mentor',
  name: 'x',
  affiliation: 'Institut du Radium',
  sector: 'academic',
  fields: ['proteomique'],
  languages: ['fr'],
  format: 'both',
  region: 'ile-de-france',
  offers: ['reseau'],
  capacity: 1,
};

const MENTEE_PROFILE: MenteeProfile = {
  role: 'mentee',
  name: 'x',
  affiliation: 'Université de Lyon',
  wishedSector: 'any',
  phdStatus: 'in-progress',
  fields: ['proteomique'],
  languages: ['fr'],
  format: 'remote',
  region: 'ile-de-france',
  expectations: ['reseau'],
  excluded: [],
};
