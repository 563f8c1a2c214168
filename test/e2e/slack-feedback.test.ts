import { afterEach, describe, expect, it } from 'vitest';
import { currentCycle } from '../../src/core/cycles/current-cycle';
import { scheduleFeedbackAsk } from '../../src/core/feedback/feedback-job';
import { translate } from '../../src/core/i18n/translate';
import type { CommunityRef } from '../../src/core/identity';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { slackPerson } from '../scenarios/slack-driver';
import { type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const COMMENT = 'Un binôme qui a bien fonctionné.';

describe('end-of-cycle feedback on Slack', () => {
  it('reaches a member by DM, and its button opens the form in a modal; a second answer is refused politely', async () => {
    const current = await startSlackWorld();
    world = current;
    await slackPerson(current, 'alice', 'fr').runCommand('mentorat.enrol', {}, { ...MENTOR_FORM, capacity: '1' });
    await slackPerson(current, 'dan', 'fr').runCommand('mentorat.enrol', {}, MENTEE_FORM);
    await slackPerson(current, 'coord', 'fr').runCommand('admin.binome', {
      action: 'create',
      mentee: `<@${slackUserIdOf('dan')}>`,
      mentor: `<@${slackUserIdOf('alice')}>`,
    });
    const community: CommunityRef = { platform: 'slack', id: current.fake.teamId };
    const { ports } = current.bot;
    const cycle = await currentCycle(ports, community);
    const closed = { ...cycle, state: 'closed' as const, closedAt: new Date().toISOString(), closedBy: slackUserIdOf('coord') };
    await ports.cycles.save(closed);
    for (const member of ['dan', 'alice']) await scheduleFeedbackAsk(ports, community, closed, slackUserIdOf(member));
    await current.bot.jobs.runDue();
    await current.settle();

    const asks = (name: string) => current.fake.dmsTo(slackUserIdOf(name)).filter((message) => message.text.includes(closed.name));
    expect(asks('dan')).toHaveLength(1);
    expect(asks('alice')).toHaveLength(1);
    expect(asks('ref')).toEqual([]);

    const dan = slackPerson(current, 'dan', 'fr');
    await dan.press('open', { satisfaction: '5', recommend: 'oui', comment: COMMENT });
    const seen = () =>
      [...current.fake.ephemeralsTo(dan.userId), ...current.fake.dmsTo(dan.userId)].map((message) => message.text).join('\n');
    expect(seen()).toContain(translate('fr', 'feedback.thanks', { cycle: closed.name }).split(' : ')[0]);
    expect(await ports.feedback.listAnswers(community, closed.sequence)).toMatchObject([
      { satisfaction: 5, recommend: true, comment: COMMENT },
    ]);

    // Slack opens the form at once (before the bot can look anything up): the submission is refused.
    await dan.runCommand('mentorat.feedback', {}, { satisfaction: '1', recommend: 'non' });
    // The answer to a submission shows in the modal itself.
    const lastView = current.fake.views.at(-1);
    const modalText = JSON.stringify(lastView ? current.fake.currentView(lastView.id)?.view : undefined);
    expect(modalText).toContain(translate('fr', 'feedback.alreadyAnswered', { cycle: closed.name }).split(' ! ')[0]);
    expect((await ports.feedback.listAnswers(community, closed.sequence)).map((answer) => answer.satisfaction)).toEqual([5]);
    expect(JSON.stringify(current.log.entries)).not.toContain(COMMENT);
  });
});
