import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { manageReferents } from '../../../src/core/referents/manage-referents';
import type { Reply } from '../../../src/core/reply';
import { attachmentText } from '../../../src/core/reply';
import { makeEnrolment, participantIn } from '../../store/enrolment-fixture';
import { COORDINATOR, enrolMentee, enrolMentor, makeBinome } from '../../support/pairing-people';
import { defaultProgramme } from '../../support/programme';
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
    expect(shown).toContain('**Proposed pairs**: 1 mentee paired out of 2');
    expect(shown).toContain('- **Dan Leroy** ↔ **Bob Bernard** — score');
    expect(shown).toContain('- **Erin Roux**: no shared language with any of the 2 mentors');
    expect(shown).toContain('Nothing is confirmed yet.');
  });

  it('says when there is nobody to pair', async () => {
    expect(text(await showProposal(world.as({ roles: ['coordinator'] })))).toBe('Personne à apparier : aucun·e mentoré·e inscrit·e.');
  });
});

describe('a proposal, as stored and shown', () => {
  const coordinator = () => world.as({ ...COORDINATOR, locale: 'en' });
  const onlyMessage = (reply: Reply) => {
    if (reply.kind !== 'messages' || reply.messages.length !== 1 || !reply.messages[0]) throw new Error('expected one message');
    return reply.messages[0];
  };

  it('is kept exactly as shown, each time with the next revision, under a Confirm button that carries it', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentor(world, 'erin', 'Erin Roux');
    const first = onlyMessage(await showProposal(coordinator()));
    const stored = await world.ports.matching.findProposal(TERMINAL);
    expect(stored).toMatchObject({
      revision: 1,
      computedBy: 'coord',
      computedAt: '2026-03-02T10:00:00.000Z',
      pairs: [{ mentee: 'dan', mentor: 'erin', score: 20, pinned: false, referent: 'ref', languages: ['fr'] }],
      unmatched: [],
    });
    expect(stored?.confirmed).toBeUndefined();
    expect(first.buttons).toEqual([{ action: 'confirm', label: 'Confirm this pair', style: 'primary', args: ['1'] }]);
    const second = onlyMessage(await showProposal(coordinator()));
    expect(second.buttons?.[0]?.args).toEqual(['2']);
    expect((await world.ports.matching.findProposal(TERMINAL))?.revision).toBe(2);
  });

  it('leaves out mentorés who already have a binôme and counts the places their mentors already give', async () => {
    await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 2 } });
    await enrolMentor(world, 'fay', 'Fay Morel', { profile: { fields: ['lipidomique'] } });
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentee(world, 'gus', 'Gus Klein');
    await enrolMentee(world, 'hal', 'Hal Simon');
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin' }));
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'ivy', mentor: 'fay', status: 'dissolved' }));
    const shown = text(await showProposal(coordinator()));
    const stored = await world.ports.matching.findProposal(TERMINAL);
    expect(stored?.pairs.map((pair) => `${pair.mentee}-${pair.mentor}`)).toEqual(['gus-erin', 'hal-fay']);
    expect(shown).toContain('**Proposed pairs**: 2 mentees paired out of 2');
    expect(shown).toContain('1 pair already confirmed stays as it is and is not recomputed.');
  });

  it('says everyone is paired when no mentoré is left, and keeps no new proposal', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentor(world, 'erin', 'Erin Roux');
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin' }));
    expect(text(await showProposal(coordinator()))).toBe('Every enrolled mentee already has a pair (1 confirmed pair): nobody to match.');
    expect(await world.ports.matching.findProposal(TERMINAL)).toBeUndefined();
  });

  it('gives each pair a référent, loads balanced with the binômes they already follow, never one of its members', async () => {
    await manageReferents(coordinator(), { action: 'add', person: 'erin' });
    await manageReferents(coordinator(), { action: 'add', person: 'omar' });
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'zed', mentor: 'yan', referent: 'omar' }));
    await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 3 } });
    for (const [id, name] of [
      ['dan', 'Dan Leroy'],
      ['gus', 'Gus Klein'],
      ['hal', 'Hal Simon'],
    ] as const) {
      await enrolMentee(world, id, name);
    }
    await showProposal(coordinator());
    const pairs = (await world.ports.matching.findProposal(TERMINAL))?.pairs ?? [];
    expect(pairs.map((pair) => `${pair.mentee}-${pair.mentor}:${pair.referent}`)).toEqual([
      'dan-erin:ref',
      'gus-erin:omar',
      'hal-erin:ref',
    ]);
  });

  it('says when no référent is appointed, pair by pair and below', async () => {
    const programme = defaultProgramme();
    const bare = await createUseCaseWorld({
      programme: { ...programme, access: { ...programme.access, referents: { roles: [], users: [] } } },
    });
    try {
      await enrolMentee(bare, 'dan', 'Dan Leroy');
      await enrolMentor(bare, 'erin', 'Erin Roux');
      const shown = text(await showProposal(bare.as({ ...COORDINATOR, locale: 'en' })));
      expect(shown).toContain('language: fr) — ⚠️ no referent: its reports would go to the coordinators');
      expect(shown).toContain('No referent is appointed: add some with `/mentorat-admin referents` before confirming if you can.');
    } finally {
      await bare.close();
    }
  });

  it('offers nothing to confirm when no pair is possible', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy', { profile: { languages: ['de'] } });
    await enrolMentor(world, 'erin', 'Erin Roux');
    const message = onlyMessage(await showProposal(coordinator()));
    expect(message.text).toContain('- **Dan Leroy**: no shared language with the only mentor');
    expect(message.text).toContain('No pair is possible for now: there is nothing to confirm.');
    expect(message.buttons).toBeUndefined();
  });

  it('attaches a CSV with every pair and every mentoré left out, names kept as text', async () => {
    await enrolMentee(world, 'dan', 'Dan Leroy');
    await enrolMentee(world, 'gus', '=HYPERLINK("x")', { profile: { languages: ['de'] } });
    await enrolMentor(world, 'erin', 'Erin Roux');
    const message = onlyMessage(await showProposal(coordinator()));
    expect(message.attachments).toEqual([
      {
        name: 'proposition.csv',
        mimeType: 'text/csv',
        content: [
          'mentee_id,mentee,mentor_id,mentor,score,referent_id,pinned,reasons',
          'dan,Dan Leroy,erin,Erin Roux,20,ref,no,"1 shared field: Proteomics; wished sector: Either, mentor’s sector: Both ✓; 1 expectation covered: Building your network; compatible format; language: fr"',
          `gus,"'=HYPERLINK(""x"")",,,,,,no shared language with the only mentor`,
          '',
        ].join('\n'),
      },
    ]);
  });

  it('lists 25 pairs in chat and says how many more the CSV holds', async () => {
    for (let index = 0; index < 30; index += 1) {
      const id = String(index).padStart(2, '0');
      await enrolMentee(world, `dan${id}`, `Mentee ${id}`);
      await enrolMentor(world, `erin${id}`, `Mentor ${id}`);
    }
    const message = onlyMessage(await showProposal(coordinator()));
    expect(message.text).toContain('**Proposed pairs**: 30 mentees paired out of 30');
    expect(message.text.split('\n').filter((line) => line.startsWith('- **Mentee'))).toHaveLength(25);
    expect(message.text).toContain('- **Mentee 24** ↔');
    expect(message.text).not.toContain('- **Mentee 25** ↔');
    expect(message.text).toContain('… and 5 more pairs: see the CSV file.');
    const csv = message.attachments?.[0];
    expect(csv && attachmentText(csv).trim().split('\n')).toHaveLength(31);
    expect(message.buttons?.[0]?.label).toBe('Confirm these 30 pairs');
  });
});
