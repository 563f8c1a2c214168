import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { translate } from '../../src/core/i18n/translate';
import { participantIdOf } from '../../src/core/identity';
import { decodeButtonId } from '../../src/dispatch/button-id';
import { FIELD_ACTION_ID } from '../../src/platforms/slack/slack-modal';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import { personCommand } from '../platforms/person-command';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { says } from '../scenarios/scenario';
import { blocksOf, slackPerson } from '../scenarios/slack-driver';
import { defaultProgramme } from '../support/programme';
import { COORDINATORS_GROUP_ID, SLACK_PEOPLE, type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';
import { withEnrolmentWritesFailing } from '../support/unavailable-store';

let world: SlackWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const programme = defaultProgramme();
/** The latest private answer, as posted to a response_url. */
const lastAnswer = (current: SlackWorld) => current.fake.responseUrlPosts.at(-1)?.body as { text?: string } | undefined;

async function slash(current: SlackWorld, name: string, command: string, text: string) {
  const result = await current.fake.slashCommand({ command, text, userId: slackUserIdOf(name) });
  await current.settle();
  return result;
}

describe('the bot on Slack', () => {
  it('refuses a request with a bad or stale signature, and never runs it', async () => {
    world = await startSlackWorld();
    const body = new URLSearchParams({
      command: '/mentorat',
      text: 'piliers',
      user_id: slackUserIdOf('alice'),
      team_id: world.fake.teamId,
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    const forged = await world.fake.sendRaw({ body, timestamp: now, signature: `v0=${'0'.repeat(64)}` });
    const stale = await world.fake.sendRaw({ body, timestamp: now - 6 * 60, signature: world.fake.sign(body, now - 6 * 60) });
    const unsigned = await world.fake.sendRaw({ body, timestamp: now, signature: '' });
    for (const refused of [forged, stale, unsigned]) expect(refused.status).toBe(401);
    await world.settle();
    expect(world.fake.responseUrlPosts).toEqual([]);
    expect(world.fake.calls.filter((call) => call.method === 'users.info')).toEqual([]);
  });

  it('refuses a correctly signed request dated more than 5 minutes ahead, and answers one 4 minutes ahead', async () => {
    world = await startSlackWorld();
    world.fake.setClockOffset(6 * 60);
    const ahead = await slash(world, 'alice', '/mentorat', 'piliers');
    expect(ahead.status).toBe(401);
    expect(world.fake.responseUrlPosts).toEqual([]);
    expect(world.fake.calls.filter((call) => call.method === 'users.info')).toEqual([]);

    world.fake.setClockOffset(4 * 60);
    expect((await slash(world, 'alice', '/mentorat', 'piliers')).status).toBe(200);
    expect(lastAnswer(world)?.text).toBeDefined();
  });

  it('answers in the person’s Slack language, asking Slack once and remembering it', async () => {
    world = await startSlackWorld({ locale: 'en' });
    await slash(world, 'alice', '/mentorat', '');
    expect(lastAnswer(world)?.text).toContain(programme.name.en);
    await slash(world, 'alice', '/mentorat', 'piliers');
    expect(world.fake.calls.filter((call) => call.method === 'users.info')).toHaveLength(1);
    await world.close();
    world = await startSlackWorld({ locale: 'fr' });
    await slash(world, 'alice', '/mentorat', '');
    expect(lastAnswer(world)?.text).toContain(programme.name.fr);
  });

  it('answers `/mentorat aide`, an unknown word and `/mentorat-admin` alone with the help, never silence', async () => {
    world = await startSlackWorld();
    for (const [command, text] of [
      ['/mentorat', 'aide'],
      ['/mentorat', 'bonjour'],
      ['/mentorat-admin', ''],
    ] as const) {
      await slash(world, 'alice', command, text);
      expect(lastAnswer(world)?.text, `${command} ${text}`).toContain(says('fr', 'help.title').replace(/\*\*/g, '*'));
    }
  });

  it('opens the enrolment modal before asking Slack or the store anything, within Slack’s limits', async () => {
    world = await startSlackWorld();
    const before = world.fake.calls.length;
    await slash(world, 'alice', '/mentorat', 'inscription');
    const calls = world.fake.calls.slice(before).map((call) => call.method);
    expect(calls[0]).toBe('views.open');
    const opened = world.fake.views.find((view) => view.kind === 'open');
    // It opens saying "one moment", without a submit button, and becomes the form once the command ran.
    expect(opened?.view.submit).toBeUndefined();
    const form = opened && world.fake.currentView(opened.id);
    const title = (form?.view.title as { text?: string } | undefined)?.text ?? '';
    expect(title.length).toBeGreaterThan(0);
    expect(title.length).toBeLessThanOrEqual(24);
    expect(form?.view.callback_id).toBe('mentorat.enrol');
  });

  it('shows a mentor’s fields once the role is chosen', async () => {
    world = await startSlackWorld();
    await slash(world, 'alice', '/mentorat', 'inscription');
    const openedId = world.fake.views.find((view) => view.kind === 'open')?.id;
    const opened = openedId ? world.fake.currentView(openedId) : undefined;
    if (!opened) throw new Error('no modal');
    const fieldsOf = () =>
      blocksOf(world?.fake.currentView(opened.id)?.view.blocks).flatMap((block) =>
        block.type === 'input' && block.block_id ? [block.block_id] : [],
      );
    expect(fieldsOf()).not.toContain('capacity');
    const values = world.fake.stateFor(opened, { role: 'mentor' });
    await world.fake.blockAction({
      userId: slackUserIdOf('alice'),
      actionId: FIELD_ACTION_ID,
      blockId: 'role',
      selected: ['mentor'],
      view: opened,
      values,
    });
    await world.settle();
    expect(fieldsOf()).toEqual(expect.arrayContaining(['sector', 'offers', 'capacity']));
    expect(fieldsOf()).not.toContain('wishedSector');
  });

  it('puts validation errors inline, on their fields, in the person’s language, and stores nothing', async () => {
    world = await startSlackWorld({ locale: 'en' });
    const person = slackPerson(world, 'carol', 'en');
    await person.runCommand('mentorat.enrol');
    const opened = world.fake.views.find((view) => view.kind === 'open');
    if (!opened) throw new Error('no modal');
    const result = await person.fillModal(opened.id, { ...MENTOR_FORM, capacity: '9', consentData: 'non' });
    expect(result.json).toEqual({
      response_action: 'errors',
      errors: {
        capacity: translate('en', 'form.error.numberOutOfRange', { min: programme.capacity.min, max: programme.capacity.max }),
        consentData: translate('en', 'form.error.consentRequired'),
      },
    });
    const carol = participantIdOf({ platform: 'slack', id: world.fake.teamId }, slackUserIdOf('carol'));
    expect(await world.bot.ports.enrolments.find(carol)).toBeUndefined();
  });

  it('keeps the modal open with what was typed when the store fails, so that submitting again saves it', async () => {
    const store = withEnrolmentWritesFailing(await createStore('memory://'));
    world = await startSlackWorld({ store });
    const person = slackPerson(world, 'alice', 'fr');
    await person.runCommand('mentorat.enrol');
    const viewId = world.fake.views.find((view) => view.kind === 'open')?.id ?? '';
    store.down = true;
    const failed = await person.fillModal(viewId, MENTOR_FORM);
    expect(failed.json).toEqual({
      response_action: 'errors',
      errors: { role: expect.stringContaining(says('fr', 'error.storeUnavailable')) },
    });
    const alice = participantIdOf({ platform: 'slack', id: world.fake.teamId }, slackUserIdOf('alice'));
    expect(await world.bot.ports.enrolments.find(alice)).toBeUndefined();
    store.down = false;
    const saved = await person.fillModal(viewId, MENTOR_FORM);
    expect(saved.status).toBe(200);
    expect(await world.bot.ports.enrolments.find(alice)).toMatchObject({ profile: { name: 'Alice Martin' } });
  });

  it('acknowledges a slow submission within Slack’s 3 seconds, then says how it went', async () => {
    const memory = await createStore('memory://');
    const slow: KeyValueStore = {
      ...memory,
      set: async (key, value) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return memory.set(key, value);
      },
      close: () => memory.close(),
    };
    world = await startSlackWorld({ store: slow, acknowledgeAfterMs: 20 });
    const person = slackPerson(world, 'alice', 'fr');
    await person.runCommand('mentorat.enrol');
    const viewId = world.fake.views.find((view) => view.kind === 'open')?.id ?? '';
    const submitted = await person.fillModal(viewId, MENTOR_FORM);
    expect(submitted.json).toMatchObject({
      response_action: 'update',
      view: { blocks: [{ text: { text: translate('fr', 'slack.form.loading') } }] },
    });
    expect(lastAnswer(world)?.text).toContain(says('fr', 'enrol.saved.mentor').replace(/\*\*/g, '*'));
    const alice = participantIdOf({ platform: 'slack', id: world.fake.teamId }, slackUserIdOf('alice'));
    expect(await world.bot.ports.enrolments.find(alice)).toMatchObject({ profile: { name: 'Alice Martin' } });
  });

  it('refuses coordinators’ commands to others politely, and lets the coordinator named in config in', async () => {
    world = await startSlackWorld();
    await slash(world, 'zoe', '/mentorat-admin', 'inscrits');
    expect(lastAnswer(world)?.text).toBe(translate('fr', 'access.coordinatorsOnly'));
    await slash(world, 'coord', '/mentorat-admin', 'inscrits');
    expect(lastAnswer(world)?.text).toContain(translate('fr', 'enrolled.none'));
  });

  it('recognises coordinators by a user group named in config', async () => {
    world = await startSlackWorld({
      access: { coordinators: { roles: [COORDINATORS_GROUP_ID], users: [] }, referents: { roles: [], users: [] } },
    });
    await slash(world, 'erin', '/mentorat-admin', 'inscrits');
    expect(lastAnswer(world)?.text).toContain(translate('fr', 'enrolled.none'));
    await slash(world, 'coord', '/mentorat-admin', 'inscrits');
    expect(lastAnswer(world)?.text).toBe(translate('fr', 'access.coordinatorsOnly'));
  });

  it('sends files by DM, since Slack cannot attach one to an ephemeral answer, and says so', async () => {
    world = await startSlackWorld();
    const dan = slackPerson(world, 'dan', 'fr');
    await dan.runCommand('mentorat.enrol', {}, MENTEE_FORM);
    await slash(world, 'dan', '/mentorat', 'mes-donnees');
    expect(lastAnswer(world)?.text).toContain(translate('fr', 'slack.fileSentByDm', { name: 'mentorat-mes-donnees.json' }));
    const upload = world.fake.uploads.at(-1);
    expect(upload?.channel).toBe(world.fake.imChannelOf(slackUserIdOf('dan')));
    expect(upload?.content).toContain('"name": "Dan Leroy"');
  });

  it('answers a confirmation pressed after what it confirms has changed clearly', async () => {
    world = await startSlackWorld();
    const dan = slackPerson(world, 'dan', 'fr');
    await dan.runCommand('mentorat.enrol', {}, MENTEE_FORM);
    await dan.runCommand('mentorat.withdraw');
    const firstAsk = world.fake.responseUrlPosts.length;
    await dan.runCommand('mentorat.withdraw');
    await dan.press('confirm');
    expect(lastAnswer(world)?.text).toBe(translate('fr', 'withdraw.done'));
    expect(firstAsk).toBeGreaterThan(0);
    await dan.runCommand('mentorat.enrol', {}, MENTEE_FORM);
    await dan.runCommand('mentorat.withdraw');
    await dan.runCommand('mentorat.enrol', {}, { about: 'changé' });
    await dan.press('confirm');
    expect(lastAnswer(world)?.text).toBe(translate('fr', 'confirm.expired'));
  });

  it('answers a confirmation pressed by someone else in the presser’s language, and changes nothing', async () => {
    // dan reads Slack in French, alice in English.
    const fake = await startFakeSlack({
      users: SLACK_PEOPLE.map((name) => ({ id: slackUserIdOf(name), name, locale: name === 'alice' ? 'en-US' : 'fr-FR' })),
    });
    world = await startSlackWorld({ fake });
    const dan = slackPerson(world, 'dan', 'fr');
    await dan.runCommand('mentorat.enrol', {}, MENTEE_FORM);
    const danId = participantIdOf({ platform: 'slack', id: world.fake.teamId }, slackUserIdOf('dan'));
    const enrolled = await world.bot.ports.enrolments.find(danId);
    await dan.runCommand('mentorat.withdraw');
    const asked = world.fake.ephemeralsTo(slackUserIdOf('dan')).at(-1);
    const confirm = blocksOf(asked?.blocks)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id && decodeButtonId(element.action_id)?.action === 'confirm');
    if (!asked || !confirm?.action_id) throw new Error('dan was not asked to confirm');

    await world.fake.blockAction({ userId: slackUserIdOf('alice'), actionId: confirm.action_id, message: asked, channelId: asked.channel });
    await world.settle();
    expect(lastAnswer(world)?.text).toBe(translate('en', 'button.notForYou'));
    expect(world.fake.ephemeralsTo(slackUserIdOf('alice')).at(-1)?.text).toBe(translate('en', 'button.notForYou'));
    expect(await world.bot.ports.enrolments.find(danId)).toEqual(enrolled);

    // The button is still dan's to press.
    await dan.press('confirm');
    expect(lastAnswer(world)?.text).toBe(translate('fr', 'withdraw.done'));
  });

  it('lists the coordinators’ commands in `/mentorat aide` for a coordinator, and not for a participant', async () => {
    world = await startSlackWorld();
    const helpFor = async (name: string) => {
      const before = world?.fake.responseUrlPosts.length ?? 0;
      await slash(world as SlackWorld, name, '/mentorat', 'aide');
      return (world?.fake.responseUrlPosts.slice(before) ?? []).map((post) => (post.body as { text?: string }).text ?? '').join('\n');
    };
    const adminUsages = commands
      .filter((command) => command.audience === 'coordinators')
      .map((command) => `/mentorat-admin ${command.name.fr}`);
    expect(adminUsages.length).toBeGreaterThan(0);
    const coordinator = await helpFor('coord');
    for (const usage of adminUsages) expect(coordinator).toContain(usage);
    expect(coordinator).toContain('/mentorat inscription');
    const participant = await helpFor('zoe');
    expect(participant).toContain('/mentorat inscription');
    expect(participant).not.toContain('/mentorat-admin');
  });

  it('works the same over Socket Mode', async () => {
    world = await startSlackWorld({ socketMode: true, locale: 'en' });
    await slash(world, 'alice', '/mentorat', 'piliers');
    expect(lastAnswer(world)?.text).toContain(programme.pillars[0]?.title.en ?? '?');
  });

  it('over Socket Mode: the enrolment modal with an inline error, then saved, and a confirmation button', async () => {
    world = await startSlackWorld({ socketMode: true, locale: 'en' });
    expect(world.fake.socketConnections).toBe(1);
    const carol = slackPerson(world, 'carol', 'en');
    await carol.runCommand('mentorat.enrol');
    const opened = world.fake.views.find((view) => view.kind === 'open');
    if (!opened) throw new Error('no modal');
    expect(world.fake.currentView(opened.id)?.view.callback_id).toBe('mentorat.enrol');
    const carolId = participantIdOf({ platform: 'slack', id: world.fake.teamId }, slackUserIdOf('carol'));

    const refused = await carol.fillModal(opened.id, { ...MENTOR_FORM, capacity: '9' });
    expect(refused.json).toEqual({
      response_action: 'errors',
      errors: { capacity: translate('en', 'form.error.numberOutOfRange', { min: programme.capacity.min, max: programme.capacity.max }) },
    });
    expect(await world.bot.ports.enrolments.find(carolId)).toBeUndefined();

    const saved = await carol.fillModal(opened.id, MENTOR_FORM);
    expect(saved.json).toEqual({});
    expect(lastAnswer(world)?.text).toContain(says('en', 'enrol.saved.mentor').replace(/\*\*/g, '*'));
    expect(await world.bot.ports.enrolments.find(carolId)).toMatchObject({ profile: { name: 'Alice Martin' } });

    await carol.runCommand('mentorat.withdraw');
    await carol.press('confirm');
    expect(lastAnswer(world)?.text).toBe(translate('en', 'withdraw.done'));
    expect(await world.bot.ports.enrolments.find(carolId)).toMatchObject({ status: 'withdrawn' });
  });

  it('reads a person picked in Slack’s autocomplete as their id, and other options as typed', async () => {
    world = await startSlackWorld({ commands: [personCommand] });
    // /mentorat-admin is escaped (should_escape): Slack sends the person picked as <@id|name>, and entities for & < >.
    await slash(
      world,
      'coord',
      '/mentorat-admin',
      `qui <@${slackUserIdOf('dan')}|dan> note:R&amp;D &lt;https://cjsm.fr&gt; <https://cjsm.fr>`,
    );
    expect(lastAnswer(world)?.text).toBe(`personne=${slackUserIdOf('dan')} note=R&amp;D &lt;https://cjsm.fr&gt; https://cjsm.fr`);
    await slash(world, 'coord', '/mentorat-admin', 'qui personne: Dan Leroy ');
    expect(lastAnswer(world)?.text).toBe('personne=Dan Leroy note=');
  });

  it('refuses a line with a key the command does not know, wherever it stands, and runs nothing', async () => {
    world = await startSlackWorld({ commands: [personCommand] });
    await slash(world, 'coord', '/mentorat-admin', 'qui person:dan extra:1 note:ok');
    expect(lastAnswer(world)?.text).toBe(
      'Rien n’a été fait : extra: ne correspond à aucune option de cette commande (possibles : personne, note). Pour écrire « mot:texte » dans un texte, mettez ce texte entre guillemets.',
    );
    await slash(world, 'coord', '/mentorat-admin', 'qui personne:dan note:voir: <https://cjsm.fr>');
    expect(lastAnswer(world)?.text).toBe('personne=dan note=voir: https://cjsm.fr');
  });
});
