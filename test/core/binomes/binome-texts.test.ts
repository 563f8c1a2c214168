import { afterEach, describe, expect, it } from 'vitest';
import { announceBinomes } from '../../../src/core/binomes/announce';
import { requestDissolution } from '../../../src/core/binomes/manage-binome';
import { translate } from '../../../src/core/i18n/translate';
import { confirmProposal } from '../../../src/core/matching/confirm-proposal';
import { showProposal } from '../../../src/core/matching/show-proposal';
import { requestWithdrawal } from '../../../src/core/participants/withdraw';
import { CONFIG_REFERENT, enrolMentee, enrolMentor, text } from '../../support/pairing-people';
import type { UseCaseWorld } from '../../support/use-case-world';
import { COORDINATOR, createAnnounceWorld } from './announce-world';

const opened: UseCaseWorld[] = [];
afterEach(async () => {
  for (const world of opened.splice(0)) await world.close().catch(() => undefined);
});

async function announceWorld() {
  const made = await createAnnounceWorld();
  opened.push(made.world);
  return made;
}

const DAN_ABOUT = 'Doctorant en chimie, je cherche à comprendre le privé.';

describe('a binôme without a référent', () => {
  /** The only référent of the configuration is the mentor: nobody may follow this binôme. */
  async function pairWithoutReferent() {
    const made = await announceWorld();
    await enrolMentor(made.world, CONFIG_REFERENT, 'Rémi Ferrand', { profile: { about: 'Ingénieur *R&D*\ndepuis dix ans.' } });
    await enrolMentee(made.world, 'dan', 'Dan Leroy', { profile: { about: DAN_ABOUT } });
    return made;
  }

  it('is proposed with a warning on its line and under the list', async () => {
    const { world } = await pairWithoutReferent();
    const shown = text(await showProposal(world.as(COORDINATOR)));
    const pairLine = shown.split('\n').find((line) => line.includes('Dan Leroy'));
    expect(pairLine).toContain('⚠️ sans référent·e');
    expect(shown).toContain('⚠️ 1 paire n’a pas de référent·e : ses signalements iraient directement à la coordination.');
  });

  it('is welcomed as two people, told who answers their reports, and never promised a référent', async () => {
    const { world, scripted } = await pairWithoutReferent();
    await showProposal(world.as(COORDINATOR));
    await confirmProposal(world.as(COORDINATOR));
    await announceBinomes(world.as(COORDINATOR));

    const [space] = [...scripted.spaces.values()];
    expect(space?.members).toEqual(['dan', CONFIG_REFERENT]);
    const welcome = scripted.postsIn(space?.id ?? '')[0]?.text ?? '';
    expect(welcome).toContain('Ce salon est privé : seul·es vous deux (et le bot) le voyez.');
    expect(welcome).not.toContain('vous trois');
    expect(welcome).toContain('- **Référent·e** : aucun·e pour ce binôme ; ses signalements vont directement à la coordination.');
    expect(welcome).not.toContain(translate('fr', 'announce.welcome.referentRole'));
    expect(welcome).not.toMatch(/pas encore désigné/);
    const dm = scripted.dmsTo('dan')[0]?.text ?? '';
    expect(dm).toContain('aucun·e pour ce binôme ; ses signalements vont directement à la coordination');
  });

  it('shows each member the word the other wrote about themself, as typed', async () => {
    const { world, scripted } = await pairWithoutReferent();
    await showProposal(world.as(COORDINATOR));
    await confirmProposal(world.as(COORDINATOR));
    await announceBinomes(world.as(COORDINATOR));
    const [space] = [...scripted.spaces.values()];
    const welcome = scripted.postsIn(space?.id ?? '')[0]?.text ?? '';
    expect(welcome).toContain(`- **Mentoré·e** : Dan Leroy (<@dan>)\n> ${DAN_ABOUT}`);
    expect(welcome).toContain('> Ingénieur \\*R&D\\*\n> depuis dix ans.');
  });

  it('asks the coordinator to dissolve it and the member to leave without naming a référent', async () => {
    const { world } = await pairWithoutReferent();
    await showProposal(world.as(COORDINATOR));
    await confirmProposal(world.as(COORDINATOR));
    await announceBinomes(world.as(COORDINATOR));

    const dissolve = text(await requestDissolution(world.as(COORDINATOR), { mentee: 'Dan Leroy' }));
    expect(dissolve).toContain('Ses deux membres seront prévenu·es en privé (il n’a pas de référent·e).');
    expect(dissolve).not.toContain('le ou la référent·e seront');

    const leave = text(await requestWithdrawal(world.as({ userId: 'dan' })));
    expect(leave).toContain('Votre binôme prendra fin : l’autre membre en sera prévenu·e.');
    expect(leave).not.toContain('référent');
  });
});

describe('binômes with a référent', () => {
  it('are welcomed as three, and a mentor of two is told both binômes end when leaving', async () => {
    const { world, scripted } = await announceWorld();
    await enrolMentor(world, 'erin', 'Erin Roux', { profile: { capacity: 2 } });
    await enrolMentee(world, 'dan', 'Dan Leroy', { profile: { about: DAN_ABOUT } });
    await enrolMentee(world, 'gus', 'Gus Klein');
    await showProposal(world.as(COORDINATOR));
    await confirmProposal(world.as(COORDINATOR));
    await announceBinomes(world.as(COORDINATOR));

    const welcomes = [...scripted.spaces.values()].map((space) => scripted.postsIn(space.id)[0]?.text ?? '');
    expect(welcomes).toHaveLength(2);
    for (const welcome of welcomes) {
      expect(welcome).toContain('seul·es vous trois (et le bot)');
      expect(welcome).toContain(translate('fr', 'announce.welcome.referentRole'));
    }
    expect(welcomes.filter((welcome) => welcome.includes(`> ${DAN_ABOUT}`))).toHaveLength(1);

    const leave = text(await requestWithdrawal(world.as({ userId: 'erin' })));
    expect(leave).toContain('Vos 2 binômes prendront fin : les autres membres et leurs référent·es en seront prévenu·es.');
    const dissolve = text(await requestDissolution(world.as(COORDINATOR), { mentee: 'Dan Leroy' }));
    expect(dissolve).toContain('Les deux membres et le ou la référent·e seront prévenu·es en privé.');
  });
});
