import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/core/i18n/locale';
import { translate } from '../../src/core/i18n/translate';
import { participantIdOf } from '../../src/core/identity';
import { decodeStepId } from '../../src/platforms/discord/step-ids';
import { createStore } from '../../src/store/create-store';
import { DRAFT_LIFETIME_MS } from '../../src/store/form-draft-repository';
import type { KeyValueStore } from '../../src/store/key-value-store';
import type { FakeInteraction, FakeMessage, InteractionSeed } from '../fakes/discord/types';
import { componentsOf, discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTOR_FORM } from '../scenarios/participant-journey';
import { says } from '../scenarios/scenario';
import { type DiscordWorld, GENERAL_CHANNEL_ID, GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';
import { fixedClock } from '../support/fixed-clock';
import { withEnrolmentWritesFailing } from '../support/unavailable-store';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const alice = participantIdOf({ platform: 'discord', id: GUILD_ID }, userIdOf('alice'));

function textInputs(interaction: FakeInteraction) {
  return componentsOf(interaction.modal?.components ?? []);
}

/** Opens the enrolment and answers its first modal: the person now sees the menus of step 2. */
async function reachMenus(current: DiscordWorld, name: string, locale: Locale) {
  const person = discordPerson(current, name, locale);
  const first = await person.runCommand('mentorat.enrol');
  if (!first.modal) throw new Error('no modal');
  const answered = await current.fake.submitModal({
    ...person.seed,
    modal: first.modal,
    values: { name: 'Alice Martin', affiliation: 'Institut Pasteur' },
  });
  await current.app.idle();
  const message = latestMessage(answered);
  if (!message) throw new Error('no step message');
  return { person, message };
}

/** Presses the button with this label, as the person would, and waits for the bot's answer. */
async function pressLabelled(current: DiscordWorld, seed: InteractionSeed, message: FakeMessage, label: string): Promise<FakeInteraction> {
  const button = componentsOf(message.components).find((component) => component.label === label);
  if (!button?.custom_id) throw new Error(`no "${label}" button`);
  const pressed = await current.fake.pressButton({ ...seed, message, customId: button.custom_id });
  await current.app.idle();
  return pressed;
}

describe('the enrolment form on Discord', () => {
  it('opens a modal as the very first answer, with labels and limits Discord accepts', async () => {
    world = await startDiscordWorld();
    const first = await discordPerson(world, 'alice', 'fr').runCommand('mentorat.enrol');
    expect(first.callbacks.map((callback) => callback.type)).toEqual([9]);
    expect(first.modal?.title).toMatch(/^Inscription au mentorat \(1\/\d\)$/);
    const inputs = textInputs(first);
    expect(inputs.map((input) => input.custom_id)).toEqual(['name', 'affiliation', 'about']);
    for (const input of inputs) expect((input.label ?? '').length).toBeLessThanOrEqual(45);
    expect(first.modal?.components).toContainEqual({
      type: 1,
      components: [expect.objectContaining({ custom_id: 'name', min_length: 2, required: true })],
    });
  });

  it('asks the choices in select menus, showing a mentor’s menus once the role is chosen', async () => {
    world = await startDiscordWorld();
    const { person, message } = await reachMenus(world, 'alice', 'en');
    expect(message.ephemeral).toBe(true);
    expect(message.content).toContain('Step 2 of');
    const menus = () => componentsOf(message.components).filter((component) => component.type === 3);
    const label = (field: 'role' | 'fields' | 'languages' | 'format') => translate('en', `form.enrol.${field}.label`);
    expect(menus().map((menu) => menu.placeholder)).toEqual([label('role'), label('fields'), label('languages'), label('format')]);
    const role = menus()[0];
    if (!role?.custom_id) throw new Error('no role menu');
    const chosen = await world.fake.selectValues({ ...person.seed, message, customId: role.custom_id, values: ['mentor'] });
    await world.app.idle();
    const after = componentsOf(latestMessage(chosen)?.components ?? []).filter((component) => component.type === 3);
    expect(after.map((menu) => menu.placeholder)).toContain(translate('en', 'form.enrol.sector.label'));
    expect(after[0]?.options?.find((option) => option.value === 'mentor')?.default).toBe(true);
  });

  it('refuses to move on while a required menu is empty, naming it', async () => {
    world = await startDiscordWorld();
    const { person, message } = await reachMenus(world, 'alice', 'fr');
    const pressed = await pressLabelled(world, person.seed, message, 'Continuer');
    expect(latestMessage(pressed)?.content).toContain(`Il manque encore : ${translate('fr', 'form.enrol.role.label')}, `);
  });

  it('stores nothing as an enrolment when abandoned halfway, and forgets the draft when cancelled', async () => {
    world = await startDiscordWorld();
    const { person, message } = await reachMenus(world, 'alice', 'fr');
    expect(await world.app.ports.enrolments.find(alice)).toBeUndefined();
    expect((await world.app.ports.formDrafts.find(alice, 'mentorat.enrol'))?.values).toMatchObject({ name: 'Alice Martin' });
    const cancelled = await pressLabelled(world, person.seed, message, 'Abandonner');
    expect(latestMessage(cancelled)?.content).toBe("Formulaire abandonné : rien n'a été enregistré.");
    expect(latestMessage(cancelled)?.components).toEqual([]);
    expect(await world.app.ports.formDrafts.find(alice, 'mentorat.enrol')).toBeUndefined();
    expect(await world.app.ports.enrolments.find(alice)).toBeUndefined();
  });

  it('keeps what was typed across a restart: the next step still works on the old message', async () => {
    const store = await createStore('memory://');
    world = await startDiscordWorld({ store });
    const { message } = await reachMenus(world, 'alice', 'fr');
    await world.stopBot();
    const fake = world.fake;
    world = await startDiscordWorld({ fake, store });
    const restarted = discordPerson(world, 'alice', 'fr');
    const role = componentsOf(message.components).find((component) => component.type === 3);
    if (!role?.custom_id) throw new Error('no role menu');
    const chosen = await world.fake.selectValues({ ...restarted.seed, message, customId: role.custom_id, values: ['mentor'] });
    await world.app.idle();
    await restarted.fillForm(chosen, MENTOR_FORM);
    expect(await world.app.ports.enrolments.find(alice)).toMatchObject({
      profile: { name: 'Alice Martin', affiliation: 'Institut Pasteur' },
    });
    expect(await world.app.ports.formDrafts.find(alice, 'mentorat.enrol')).toBeUndefined();
  });

  it('after a refusal, “Fix” reopens only the steps in error, with every other answer kept', async () => {
    world = await startDiscordWorld();
    const person = discordPerson(world, 'carol', 'fr');
    const first = await person.runCommand('mentorat.enrol');
    await person.fillForm(first, { ...MENTOR_FORM, capacity: '9' });
    const refused = world.fake.interactions.at(-1);
    const message = refused && latestMessage(refused);
    expect(message?.content).toContain('(capacity)');
    const fix = componentsOf(message?.components ?? []).find((component) => component.label === 'Corriger');
    if (!message || !fix?.custom_id) throw new Error('no fix button');
    const reopened = await world.fake.pressButton({ ...person.seed, message, customId: fix.custom_id });
    await world.app.idle();
    expect(textInputs(reopened).map((input) => [input.custom_id, input.value])).toEqual([['capacity', '9']]);
    await person.fillForm(reopened, { capacity: '2' });
    const carol = participantIdOf({ platform: 'discord', id: GUILD_ID }, userIdOf('carol'));
    expect(await world.app.ports.enrolments.find(carol)).toMatchObject({ profile: { capacity: 2, name: 'Alice Martin' } });
  });

  it('keeps every answer when the store fails at the last step, and “Try again” saves them', async () => {
    const store = withEnrolmentWritesFailing(await createStore('memory://'));
    world = await startDiscordWorld({ store });
    const person = discordPerson(world, 'alice', 'fr');
    store.down = true;
    await person.fillForm(await person.runCommand('mentorat.enrol'), MENTOR_FORM);
    const failed = world.fake.interactions.at(-1);
    const message = failed && latestMessage(failed);
    expect(message?.content).toContain(says('fr', 'error.storeUnavailable'));
    expect(await world.app.ports.enrolments.find(alice)).toBeUndefined();
    expect((await world.app.ports.formDrafts.find(alice, 'mentorat.enrol'))?.values).toMatchObject({ name: 'Alice Martin' });
    store.down = false;
    if (!message) throw new Error('no message');
    await person.fillForm(await pressLabelled(world, person.seed, message, translate('fr', 'steps.retry')), {});
    expect(await world.app.ports.enrolments.find(alice)).toMatchObject({ profile: { name: 'Alice Martin', capacity: 2 } });
  });

  it('refuses a step’s button to anyone but its person, leaving their draft as it was', async () => {
    world = await startDiscordWorld();
    const { message } = await reachMenus(world, 'alice', 'fr');
    const draft = await world.app.ports.formDrafts.find(alice, 'mentorat.enrol');
    // Discord shows a step to its person only (ephemeral): should its button ever be where others can press it,
    // here a copy the bot's own client posts in #general, the bot still checks who presses.
    const general = await world.app.client.channels.fetch(GENERAL_CHANNEL_ID);
    if (!general?.isSendable()) throw new Error('no general channel');
    await general.send({
      content: message.content,
      components: message.components as APIActionRowComponent<APIComponentInMessageActionRow>[],
    });
    const shown = world.fake.messagesIn(GENERAL_CHANNEL_ID).at(-1);
    const next = componentsOf(shown?.components ?? []).find((component) => decodeStepId(component.custom_id ?? '')?.action === 'next');
    if (!shown || !next?.custom_id) throw new Error('no copy of the step');
    expect(decodeStepId(next.custom_id)?.owner).toBe(userIdOf('alice'));

    const zoe = discordPerson(world, 'zoe', 'fr');
    const pressed = await world.fake.pressButton({ ...zoe.seed, message: shown, customId: next.custom_id });
    await world.app.idle();
    expect(pressed.callbacks.map((callback) => callback.type)).toEqual([4]);
    expect(pressed.original).toMatchObject({ content: translate('fr', 'button.notForYou'), ephemeral: true });
    expect(await world.app.ports.formDrafts.find(alice, 'mentorat.enrol')).toEqual(draft);
    expect(
      await world.app.ports.formDrafts.find(participantIdOf({ platform: 'discord', id: GUILD_ID }, userIdOf('zoe')), 'mentorat.enrol'),
    ).toBeUndefined();
  });

  it('says a step has expired when its draft is gone (a day untouched), instead of failing', async () => {
    const clock = fixedClock('2026-11-02T10:00:00.000Z');
    world = await startDiscordWorld({ clock });
    const { person, message } = await reachMenus(world, 'alice', 'en');
    clock.set(new Date(Date.parse('2026-11-02T10:00:00.000Z') + DRAFT_LIFETIME_MS + 60_000).toISOString());
    const pressed = await pressLabelled(world, person.seed, message, translate('en', 'steps.continue'));
    expect(pressed.callbacks.map((callback) => callback.type)).toEqual([7]);
    expect(latestMessage(pressed)?.content).toBe(translate('en', 'steps.expired'));
    expect(await world.app.ports.formDrafts.find(alice, 'mentorat.enrol')).toBeUndefined();
    expect(await world.app.ports.enrolments.find(alice)).toBeUndefined();
  });

  it('offers a button opening the form when a slow moment made the bot acknowledge first (a modal must be the first answer)', async () => {
    const memory = await createStore('memory://');
    let slow = true;
    const store: KeyValueStore = {
      ...memory,
      get: async (key) => {
        if (slow) await new Promise((resolve) => setTimeout(resolve, 150));
        return memory.get(key);
      },
      close: () => memory.close(),
    };
    world = await startDiscordWorld({ store, acknowledgeAfterMs: 20 });
    const person = discordPerson(world, 'alice', 'fr');
    const first = await person.runCommand('mentorat.enrol');
    expect(first.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(first.modal).toBeUndefined();
    expect(first.original?.content).toContain(translate('fr', 'steps.nextIsText'));
    expect(first.original?.ephemeral).toBe(true);

    slow = false;
    if (!first.original) throw new Error('no answer');
    const opened = await pressLabelled(world, person.seed, first.original, translate('fr', 'steps.open'));
    expect(opened.callbacks.map((callback) => callback.type)).toEqual([9]);
    expect(opened.modal?.title).toMatch(/^Inscription au mentorat \(1\/\d\)$/);
    await person.fillForm(opened, MENTOR_FORM);
    expect(await world.app.ports.enrolments.find(alice)).toMatchObject({ profile: { name: 'Alice Martin' } });
  });
});
