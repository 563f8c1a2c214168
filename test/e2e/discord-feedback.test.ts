import { afterEach, describe, expect, it } from 'vitest';
import { currentCycle } from '../../src/core/cycles/current-cycle';
import { scheduleFeedbackAsk } from '../../src/core/feedback/feedback-job';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { type DiscordWorld, GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
const COMMENT = 'Des échanges réguliers et très utiles.';

describe('end-of-cycle feedback on Discord', () => {
  it('reaches a member by DM once, and its button opens the form, answered anonymously', async () => {
    const current = await startDiscordWorld();
    world = current;
    const alice = discordPerson(current, 'alice', 'fr');
    await alice.fillForm(await alice.runCommand('mentorat.enrol'), { ...MENTOR_FORM, capacity: '1' });
    const dan = discordPerson(current, 'dan', 'fr');
    await dan.fillForm(await dan.runCommand('mentorat.enrol'), MENTEE_FORM);
    await discordPerson(current, 'coord', 'fr').runCommand('admin.binome', {
      action: 'create',
      mentee: userIdOf('dan'),
      mentor: userIdOf('alice'),
    });
    // The cycle closes (the cycle-closing job will do this and plan the asks); asking twice plans one.
    const { ports } = current.app;
    const cycle = await currentCycle(ports, community);
    const closed = { ...cycle, state: 'closed' as const, closedAt: new Date().toISOString(), closedBy: userIdOf('coord') };
    await ports.cycles.save(closed);
    await scheduleFeedbackAsk(ports, community, closed, userIdOf('dan'));
    await scheduleFeedbackAsk(ports, community, closed, userIdOf('dan'));
    await current.app.jobs.runDue();
    await current.app.idle();

    const asks = current.fake.dmsTo(userIdOf('dan')).filter((message) => message.content.includes(closed.name));
    expect(asks).toHaveLength(1);
    expect(asks[0]?.content).toContain('merci d’y avoir pris part');
    expect(JSON.stringify(asks[0]?.components)).toContain(translate('fr', 'feedback.button'));

    const opened = await dan.press('open');
    await dan.fillForm(opened, { satisfaction: '4', recommend: 'oui', comment: COMMENT });
    const shown = current.fake.interactions
      .filter((interaction) => interaction.userId === userIdOf('dan'))
      .map((interaction) => latestMessage(interaction)?.content ?? '')
      .join('\n');
    expect(shown).toContain(translate('fr', 'feedback.thanks', { cycle: closed.name }));
    const answers = await ports.feedback.listAnswers(community, closed.sequence);
    expect(answers).toMatchObject([{ satisfaction: 4, recommend: true, comment: COMMENT }]);
    expect(JSON.stringify(answers)).not.toContain(userIdOf('dan'));
    // The comment never reaches the logs.
    expect(JSON.stringify(current.log.entries)).not.toContain(COMMENT);
    expect(current.fake.dmsTo(userIdOf('alice')).filter((message) => message.content.includes(closed.name))).toEqual([]);
  });
});
