import { afterEach, describe, expect, it } from 'vitest';
import { createBinomeByHand } from '../../../src/core/binomes/manage-binome';
import { dissolveForFit, keepAfterFit } from '../../../src/core/follow-up/fit-resolution';
import { chooseNotAFit, confirmNotAFit, requestNotAFit } from '../../../src/core/follow-up/not-a-fit';
import { requestPause } from '../../../src/core/follow-up/pause-requests';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { pinPair } from '../../../src/core/matching/pair-decisions';
import { showProposal } from '../../../src/core/matching/show-proposal';
import type { Reply } from '../../../src/core/reply';
import { CONFIG_REFERENT, enrolMentee, enrolMentor, makeBinome, markAnnounced, text } from '../../support/pairing-people';
import { refusal } from '../../support/refusal';
import { TERMINAL } from '../../support/use-case-world';
import { buttonsOf, createFollowUpWorld, type FollowUpWorld } from './follow-up-world';

const opened: FollowUpWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close();
});

async function newWorld() {
  const world = await createFollowUpWorld();
  opened.push(world);
  return world;
}

/** What arrived, by kind and recipient (a DM's user, a post's space). */
function delivered(world: FollowUpWorld) {
  return world.chat.events.flatMap((event) =>
    event.type === 'dm'
      ? [{ to: event.userId, text: event.message.text, buttons: event.message.buttons ?? [] }]
      : event.type === 'post'
        ? [{ to: event.spaceId, text: event.message.text, buttons: event.message.buttons ?? [] }]
        : [],
  );
}

/** The "yes" button's arguments of a confirmation question. */
function yesArgs(reply: Reply): readonly string[] {
  const yes = buttonsOf(reply).find((button) => button.action === 'confirm');
  if (!yes) throw new Error('no confirmation button');
  return yes.args;
}

async function saysNotAFit(world: FollowUpWorld, userId: string, locale: 'fr' | 'en' = 'fr') {
  const asked = await requestNotAFit(world.as({ userId, locale }));
  return confirmNotAFit(world.as({ userId, locale }), yesArgs(asked));
}

describe('saying "not a good fit"', () => {
  it('is refused politely before the binôme ever said it met, pointing to the report command', async () => {
    const world = await newWorld();
    await world.checkIn('m1', 1, ['dan', 'not-yet']);
    expect(await refusal(() => requestNotAFit(world.as({ userId: 'dan' })), 'fr')).toBe(
      'Le programme demande de se rencontrer au moins une fois avant de juger un binôme : vous pourrez le dire ici après un premier « on s’est vus » à un point d’étape. Si quelque chose vous inquiète d’ici là, `/mentorat signaler` est fait pour ça, en toute confidentialité.',
    );
    expect(await world.ports.fitConcerns.listByCommunity(TERMINAL)).toEqual([]);
  });

  it('asks for confirmation, then tells the référent privately and the coordinators with dissolve and keep buttons; the other member gets nothing', async () => {
    const world = await newWorld();
    await world.checkIn('m1', 1, ['erin', 'met']);
    const asked = await requestNotAFit(world.as({ userId: 'dan' }));
    expect(text(asked)).toBe(
      'Dire que votre binôme avec <@erin> ne fonctionne pas ? Votre référent·e et la coordination seront prévenu·es, en privé ; <@erin> ne sera pas prévenu·e. La coordination pourra dissoudre le binôme ou le garder.',
    );
    expect(delivered(world)).toEqual([]);
    const done = await confirmNotAFit(world.as({ userId: 'dan' }), yesArgs(asked));
    expect(text(done)).toBe('C’est noté. <@ref> et la coordination sont prévenu·es, en privé ; l’autre membre ne l’est pas.');

    const seen = delivered(world);
    expect(seen.map((entry) => entry.to)).toEqual([CONFIG_REFERENT, 'space-1']);
    expect(seen[0]?.text).toBe(
      '**Binôme à revoir** : <@dan> dit en privé que le binôme Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>), que vous suivez, ne fonctionne pas. La coordination peut le dissoudre ; l’autre membre n’a pas été prévenu·e, merci de ne pas le lui dire.',
    );
    expect(seen[1]?.text).toBe(
      '**Binôme à revoir** : <@dan> dit en privé que le binôme Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>) (référent·e : <@ref>) ne fonctionne pas. L’autre membre n’a pas été prévenu·e.\nDissoudre le binôme remet <@dan> sur la liste d’attente, en tête pour le prochain tour ; le garder ne change rien.',
    );
    expect(seen[1]?.buttons.map((button) => [button.action, button.label, button.command])).toEqual([
      ['fit-dissolve', 'Dissoudre le binôme', 'admin.pairs'],
      ['fit-keep', 'Garder le binôme', 'admin.pairs'],
    ]);
    const space = world.chat.events.find((event) => event.type === 'open-space');
    expect(space?.type === 'open-space' && space.request.key).toBe('coordination');
    expect(seen.some((entry) => entry.to === 'erin')).toBe(false);

    // Said twice: nothing more is sent.
    expect(await refusal(() => requestNotAFit(world.as({ userId: 'dan', locale: 'en' })))).toBe(
      'You already said so for this pair: the coordination team knows and will decide what comes next.',
    );
    expect(delivered(world)).toHaveLength(2);
  });

  it('asks which binôme first when the member has several, one button per binôme', async () => {
    const world = await newWorld();
    await enrolMentor(world, 'hana', 'Hana Petit', { profile: { capacity: 2 } });
    await world.ports.binomes.add(makeBinome({ id: 'p1-2', mentee: 'gus', mentor: 'hana' }));
    await enrolMentee(world, 'ivy', 'Ivy Moreau');
    await world.ports.binomes.add(makeBinome({ id: 'p1-3', mentee: 'ivy', mentor: 'hana', referent: CONFIG_REFERENT }));
    await markAnnounced(world, 'p1-3');
    await world.checkIn('p1-3', 1, ['ivy', 'met']);
    const hana = world.as({ userId: 'hana', locale: 'en' });
    const choice = await requestNotAFit(hana);
    expect(text(choice)).toBe('You have several pairs. Which one is not working?');
    expect(buttonsOf(choice).map((button) => [button.label, button.args])).toEqual([
      ['With Gus Klein', ['p1-2']],
      ['With Ivy Moreau', ['p1-3']],
    ]);
    // Gus and Hana never said they met: refused for that one.
    expect(await refusal(() => chooseNotAFit(hana, ['p1-2']))).toMatch(/^The programme asks you to meet at least once/);
    const asked = await chooseNotAFit(hana, ['p1-3']);
    await confirmNotAFit(hana, yesArgs(asked));
    expect(await world.ports.fitConcerns.listForBinome(TERMINAL, 'p1-3')).toMatchObject([{ by: 'hana' }]);
    expect(delivered(world).some((entry) => entry.to === 'ivy')).toBe(false);
  });

  it('without a référent, tells the coordinators only, and says so before and after', async () => {
    const world = await newWorld();
    await world.ports.binomes.add(makeBinome({ id: 'm2', mentee: 'gus', mentor: 'fay' }));
    await world.checkIn('m2', 1, ['fay', 'met']);
    const gus = world.as({ userId: 'gus' });
    const asked = await requestNotAFit(gus);
    expect(text(asked)).toContain('La coordination sera prévenue, en privé (votre binôme n’a pas de référent·e)');
    expect(text(await confirmNotAFit(gus, yesArgs(asked)))).toBe(
      'C’est noté. La coordination est prévenue, en privé ; l’autre membre ne l’est pas.',
    );
    const seen = delivered(world);
    expect(seen.map((entry) => entry.to)).toEqual(['space-1']);
    expect(seen[0]?.text).toContain('(référent·e : aucun·e)');
  });

  it('tells a member with no binôme where to turn', async () => {
    const world = await newWorld();
    expect(await refusal(() => requestNotAFit(world.as({ userId: 'gus', locale: 'en' })))).toBe(
      'You have no running pair: there is nothing to say here. For a difficulty, `/mentorat report` passes it on confidentially.',
    );
  });
});

describe('the coordinators’ buttons under a "not a good fit"', () => {
  async function concernRaised() {
    const world = await newWorld();
    await world.checkIn('m1', 1, ['dan', 'met']);
    await saysNotAFit(world, 'erin', 'en');
    const post = delivered(world).find((entry) => entry.to === 'space-1');
    const dissolve = post?.buttons.find((button) => button.action === 'fit-dissolve');
    if (!dissolve) throw new Error('no dissolve button');
    world.chat.events.splice(0);
    return { world, args: dissolve.args };
  }

  it('refuse anyone who is not a coordinator, changing nothing', async () => {
    const { world, args } = await concernRaised();
    expect(await refusal(() => dissolveForFit(world.as({ userId: CONFIG_REFERENT, roles: ['referent'] }), args), 'fr')).toBe(
      'Cette commande est réservée à la coordination du programme. Si vous pensez en faire partie, demandez-lui de vous ajouter.',
    );
    expect(await world.ports.binomes.find(TERMINAL, 'm1')).toMatchObject({ status: 'confirmed' });
    expect(delivered(world)).toEqual([]);
  });

  it('dissolve the binôme in one press and put the mentoré first in line, told privately; a second press says it is done', async () => {
    const { world, args } = await concernRaised();
    const reply = await dissolveForFit(world.coordinator(), args);
    expect(text(reply)).toBe(
      '**Binôme dissous** : Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>). Ses membres et sa ou son référent·e sont prévenu·es, sans la raison.\n\n<@dan> est sur la liste d’attente, en tête pour le prochain tour (`/mentorat-admin apparier`).',
    );
    expect(await world.ports.binomes.find(TERMINAL, 'm1')).toMatchObject({
      status: 'dissolved',
      dissolvedBecause: 'coordinator',
      dissolvedBy: 'coord',
    });
    expect(await world.ports.fitConcerns.listForBinome(TERMINAL, 'm1')).toMatchObject([{ by: 'erin', resolution: 'dissolved' }]);
    const [entry] = await world.ports.waitlist.list(TERMINAL);
    expect(entry).toMatchObject({ mentee: 'dan', schemaVersion: 2, firstInLine: { because: 'not-a-fit', binomeId: 'm1' } });
    const toDan = delivered(world)
      .filter((seen) => seen.to === 'dan')
      .map((seen) => seen.text);
    expect(toDan).toHaveLength(2);
    expect(toDan[1]).toBe(
      'Vous êtes sur la liste d’attente, **en tête** pour le prochain tour : la coordination vous proposera un·e autre mentor dès que possible.',
    );
    // Nobody is told why: the dissolution message names no concern.
    for (const seen of delivered(world)) expect(seen.text).not.toMatch(/compatible|fonctionne pas|not working/);

    expect(await refusal(() => dissolveForFit(world.coordinator('en'), args))).toMatch(/^Already done: the pair was dissolved on /);
  });

  it('keep the binôme: the concern is closed and nobody hears of it', async () => {
    const { world, args } = await concernRaised();
    expect(text(await keepAfterFit(world.coordinator('en'), args))).toBe(
      'Pair kept: Dan Leroy (<@dan>) ↔ Erin Roux (<@erin>). Nothing changes, nobody is told.',
    );
    expect(await world.ports.binomes.find(TERMINAL, 'm1')).toMatchObject({ status: 'confirmed' });
    expect(await world.ports.fitConcerns.listForBinome(TERMINAL, 'm1')).toMatchObject([{ resolution: 'kept' }]);
    expect(delivered(world)).toEqual([]);
    expect(await world.ports.waitlist.list(TERMINAL)).toEqual([]);
  });

  it('the next proposal pairs the mentoré first in line before a better-scoring one when places are scarce, and says why', async () => {
    const { world, args } = await concernRaised();
    await dissolveForFit(world.coordinator(), args);
    // One place left (Fay's): Erin takes a break; Gus shares more with Fay than Dan does.
    await requestPause(world.as({ userId: 'erin', locale: 'en' }), {});
    await enrolMentor(world, 'fay', 'Fay Morel', { profile: { fields: ['proteomique', 'lipidomique'] } });
    await enrolMentee(world, 'gus', 'Gus Klein', { profile: { fields: ['proteomique', 'lipidomique'] } });
    const proposal = text(await showProposal(world.coordinator()));
    const stored = await world.ports.matching.findProposal(TERMINAL);
    expect(stored?.pairs.map((pair) => [pair.mentee, pair.mentor])).toEqual([['dan', 'fay']]);
    expect(stored?.unmatched.map((item) => item.mentee)).toEqual(['gus']);
    expect(proposal).toContain('en tête de la liste d’attente (binôme précédent dissous)');
    expect(proposal).toContain('**En pause, laissé·es de côté (1)**');
    expect(proposal).toContain('- Erin Roux (<@erin>) : en pause jusqu’à nouvel ordre');
    // Once paired, they leave the waiting list and its marker with it; Gus waits, not first in line.
    await confirmProposal(world.coordinator());
    expect((await world.ports.waitlist.list(TERMINAL)).map((entry) => [entry.mentee, entry.firstInLine])).toEqual([['gus', undefined]]);
  });
});

describe('a paused person and matching', () => {
  it('is never proposed: listed apart as paused, with until when', async () => {
    const world = await newWorld();
    await requestPause(world.as({ userId: 'gus' }), { weeks: '4' });
    const proposal = text(await showProposal(world.coordinator('en')));
    expect(proposal).toContain('**On a break, left out (1)**: this person is not proposed while the break lasts.');
    expect(proposal).toContain('- Gus Klein (<@gus>): on a break until 30 March 2026');
    const stored = await world.ports.matching.findProposal(TERMINAL);
    expect([...(stored?.pairs ?? []), ...(stored?.unmatched ?? [])].some((item) => item.mentee === 'gus')).toBe(false);
  });

  it('can still be paired by hand, explicitly, and the coordinator is told of the break', async () => {
    const world = await newWorld();
    await requestPause(world.as({ userId: 'fay' }), {});
    const reply = text(await createBinomeByHand(world.coordinator('en'), { mentee: 'gus', mentor: 'fay' }));
    expect(reply).toContain('Note: Fay Morel (<@fay>) is on a break (until further notice); no reminders for them while it lasts.');
  });

  it('cannot be pinned: the pin is refused, saying until when they are paused', async () => {
    const world = await newWorld();
    await requestPause(world.as({ userId: 'fay' }), { weeks: '2' });
    expect(await refusal(() => pinPair(world.coordinator('en'), { mentee: 'gus', mentor: 'fay' }))).toBe(
      'Fay Morel (<@fay>) is on a break (until 16 March 2026): they cannot be pinned, as nobody on a break is ever proposed. Wait until the break ends, or until they come back with `/mentorat resume`.',
    );
    expect(await world.ports.matching.listRules(TERMINAL)).toEqual([]);
  });
});
