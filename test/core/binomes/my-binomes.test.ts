import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepAttempt } from '../../../src/core/binomes/announcement-log';
import { showMyBinomes } from '../../../src/core/binomes/my-binomes';
import { enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await createUseCaseWorld();
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentee(world, 'gus', 'Gus Klein');
  await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 2 } });
});
afterEach(async () => {
  await world.close();
});

const mine = async (userId: string, locale: 'fr' | 'en' = 'en') => text(await showMyBinomes(world.as({ userId, locale })));

describe('/mentorat binome', () => {
  it('says the binôme is formed but not yet announced, without naming anyone', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    for (const who of ['dan', 'erin', 'ref']) {
      expect(await mine(who)).toBe('Your pair is formed; the coordinators will announce it very soon, with your private channel.');
    }
  });

  it('stays quiet about a binôme whose space is still being opened or could not be', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    const attempt: StepAttempt = {
      schemaVersion: 1,
      community: TERMINAL,
      subject: 'binome:p1-1',
      step: 'space',
      attempt: 1,
      state: 'started',
      instance: 'run',
      startedAt: '2026-03-02T09:00:00.000Z',
    };
    await world.ports.announcements.claim(attempt);
    expect(await mine('dan')).toContain('Your pair is formed');
    await world.ports.announcements.finish({ ...attempt, state: 'failed', failure: { reason: 'missing-permission' } });
    expect(await mine('dan')).toContain('Your pair is formed');
  });

  it('once announced, shows the mentoré their mentor, their référent, their space and since when', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await markAnnounced(world, 'p1-1', { id: 'C123', name: 'binome-dan-erin' });
    expect(await mine('dan')).toBe(
      [
        '**Your pair**',
        '',
        'Your mentor: Erin Roux (<@erin>)',
        'Referent: <@ref>',
        'Private channel: <#C123|binome-dan-erin>',
        'Since 1 March 2026',
      ].join('\n'),
    );
    expect(await mine('dan', 'fr')).toContain('Votre mentor : Erin Roux (<@erin>)');
  });

  it('shows a mentor each announced binôme, and a binôme without référent says so', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'erin' }));
    await markAnnounced(world, 'p1-1');
    await markAnnounced(world, 'p1-2');
    const shown = await mine('erin');
    expect(shown).toContain('You are mentoring: Dan Leroy (<@dan>)\nReferent: <@ref>\nPrivate channel: <#space-p1-1|binome-p1-1>');
    expect(shown).toContain(
      'You are mentoring: Gus Klein (<@gus>)\n- **Referent**: none for this pair; its reports go straight to the coordinators.\nPrivate channel: <#space-p1-2|binome-p1-2>',
    );
  });

  it('shows a référent the binômes they follow', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref' }));
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'erin', referent: 'omar' }));
    await markAnnounced(world, 'p1-1');
    await markAnnounced(world, 'p1-2');
    const shown = await mine('ref');
    expect(shown).toContain('You follow: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>)\nPrivate channel: <#space-p1-1|binome-p1-1>');
    expect(shown).not.toContain('Gus Klein');
  });

  it('no longer shows a dissolved binôme', async () => {
    await world.ports.binomes.add(makeBinome({ id: 'p1-1', mentee: 'dan', mentor: 'erin', referent: 'ref', status: 'dissolved' }));
    await markAnnounced(world, 'p1-1');
    expect(await mine('dan')).toBe('You have no pair yet: the coordinators will write to you when the pairs are formed.');
    expect(await mine('ref')).toBe(
      'You do not follow any announced pair yet: the coordinators will give you some at the next announcements.',
    );
  });

  it('never tells a référent to enrol, whether named in config, added in chat or holding the role', async () => {
    const nothing = 'You do not follow any announced pair yet: the coordinators will give you some at the next announcements.';
    await world.ports.referents.add({
      schemaVersion: 1,
      community: TERMINAL,
      userId: 'omar',
      addedAt: '2026-03-01T10:00:00.000Z',
      addedBy: 'coord',
    });
    expect(await mine('ref')).toBe(nothing);
    expect(await mine('omar')).toBe(nothing);
    expect(text(await showMyBinomes(world.as({ userId: 'rita', roles: ['referent'], locale: 'en' })))).toBe(nothing);
  });

  it('tells a mentoré on the waiting list, one without a binôme yet, and someone not enrolled', async () => {
    await world.ports.waitlist.save({
      schemaVersion: 2,
      community: TERMINAL,
      mentee: 'gus',
      round: 1,
      reasons: [{ kind: 'no-mentor' }],
      since: '2026-03-02T10:00:00.000Z',
    });
    expect(await mine('gus')).toBe('You have no pair for now: you are on the waiting list for the next round.');
    expect(await mine('dan')).toBe('You have no pair yet: the coordinators will write to you when the pairs are formed.');
    expect(await mine('zoe')).toBe('You are not enrolled in the programme. `/mentorat enrol` to do so.');
  });

  it('treats someone who withdrew as not enrolled', async () => {
    const dan = await world.enrolments.find({ platform: 'terminal', communityId: 'local', userId: 'dan' });
    if (!dan) throw new Error('dan is enrolled');
    await world.enrolments.save({ ...dan, status: 'withdrawn', revision: 2 });
    expect(await mine('dan')).toBe('You are not enrolled in the programme. `/mentorat enrol` to do so.');
  });
});
