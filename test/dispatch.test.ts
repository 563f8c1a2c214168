import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../commands';
import { createCorePorts } from '../src/app/app-ports';
import type { ActorFacts } from '../src/core/access';
import { defineCommand } from '../src/core/command';
import type { CommunityRef } from '../src/core/identity';
import type { Programme } from '../src/core/programme/programme-schema';
import { messages } from '../src/core/reply';
import { decodeButtonId } from '../src/dispatch/button-id';
import { createDispatcher, type Delivery, type Invocation } from '../src/dispatch/dispatcher';
import { createStore } from '../src/store/create-store';
import { createEnrolmentRepository } from '../src/store/enrolment-repository';
import type { KeyValueStore } from '../src/store/key-value-store';
import { MENTOR_ANSWERS } from './support/enrolment-answers';
import { fixedClock } from './support/fixed-clock';
import { defaultProgramme } from './support/programme';
import { createRecordingChat, createRecordingResponder } from './support/recording-chat';
import { createRecordingLog } from './support/recording-log';
import { createUnavailableStore } from './support/unavailable-store';

const GUILD: CommunityRef = { platform: 'discord', id: '111' };
const OTHER_GUILD: CommunityRef = { platform: 'discord', id: '222' };

const failing = defineCommand({
  id: 'test.failing',
  group: 'mentorat',
  name: { fr: 'panne', en: 'failure' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [],
  input: z.object({}),
  run: async () => {
    throw new Error('disk on fire while handling secret answers');
  },
});

const chatty = defineCommand({
  id: 'test.long',
  group: 'mentorat',
  name: { fr: 'long', en: 'long' },
  description: 'command.mentorat.help.description',
  audience: 'everyone',
  options: [],
  input: z.object({}),
  run: async () => ({
    kind: 'messages',
    messages: [
      {
        text: Array.from({ length: 60 }, (_, index) => `Paragraphe ${index} ${'x'.repeat(80)}`).join('\n\n'),
        buttons: [{ action: 'ok', label: 'OK', style: 'primary', args: [] }],
      },
    ],
  }),
  actions: { ok: async () => messages('ok') },
});

async function world(options: { store?: KeyValueStore; programmes?: (community: CommunityRef) => Programme } = {}) {
  const store = options.store ?? (await createStore('memory://'));
  const enrolments = createEnrolmentRepository(store);
  const log = createRecordingLog();
  const programme = defaultProgramme();
  const build = () =>
    createDispatcher({
      commands: [...commands, failing, chatty],
      programmes: { programmeFor: options.programmes ?? (() => programme) },
      ports: {
        ...createCorePorts(store, createRecordingChat(), fixedClock('2026-11-25T10:00:00Z')),
        enrolments,
        personalData: [enrolments],
      },
      log,
    });
  const dispatcher = build();
  const actor = (userId: string, extra: Partial<ActorFacts> = {}): ActorFacts => ({
    userId,
    displayName: userId,
    platformRoles: [],
    isAdministrator: false,
    ...extra,
  });
  const send = (invocation: Invocation, who: ActorFacts = actor('alice'), community = GUILD, locale: 'fr' | 'en' | undefined = 'fr') =>
    dispatcher.dispatch({ community, actor: who, locale, invocation, responder: createRecordingResponder() });
  return { dispatcher, rebuild: build, send, actor, log, store };
}

function texts(delivery: Delivery): string[] {
  if (delivery.kind === 'form') return [];
  return delivery.messages.map((message) => message.text);
}

describe('the dispatcher', () => {
  it('answers in the person’s language, or the community’s when the platform gives none', async () => {
    const { send } = await world();
    const english = await send({ type: 'command', commandId: 'mentorat.pillars', options: {} }, undefined, GUILD, 'en');
    const unknown = await send({ type: 'command', commandId: 'mentorat.pillars', options: {} }, undefined, GUILD, undefined);
    expect(texts(english.delivery)[0]).toContain('The 4 pillars of mentoring');
    expect(unknown.locale).toBe('fr');
    expect(texts(unknown.delivery)[0]).toContain('Les 4 piliers du mentorat');
  });

  it('refuses a coordinators’ command to a participant, clearly and in their language', async () => {
    const { send, actor } = await world();
    const refused = await send({ type: 'command', commandId: 'admin.enrolled', options: {} }, actor('bob'), GUILD, 'en');
    expect(texts(refused.delivery)).toEqual([
      'This command is for the programme coordinators. If you think you are one, ask them to add you.',
    ]);
  });

  it('lets coordinators in by user id, by role name (any case) and as server administrators', async () => {
    const { send, actor } = await world();
    for (const who of [actor('coord'), actor('u1', { platformRoles: ['coordination MENTORAT'] }), actor('u2', { isAdministrator: true })]) {
      const result = await send({ type: 'command', commandId: 'admin.enrolled', options: {} }, who);
      expect(texts(result.delivery)[0]).toContain('Inscriptions actives');
    }
  });

  it('routes a form submission to the command named by the form', async () => {
    const { send } = await world();
    const opened = await send({ type: 'command', commandId: 'mentorat.enrol', options: {} });
    expect(opened.delivery.kind).toBe('form');
    const formId = opened.delivery.kind === 'form' ? opened.delivery.form.id : '';
    const saved = await send({ type: 'submit', formId, values: MENTOR_ANSWERS });
    expect(texts(saved.delivery)[0]).toContain('Merci, votre inscription comme mentor est enregistrée');
  });

  it('declares every form a command or a button answers with, so platforms can open it first', async () => {
    const { send, dispatcher } = await world();
    await send({ type: 'submit', formId: 'mentorat.enrol', values: MENTOR_ANSWERS });
    const enrol = await send({ type: 'command', commandId: 'mentorat.enrol', options: {} });
    const enrolCommand = dispatcher.commands.find((command) => command.id === 'mentorat.enrol');
    expect(enrol.delivery.kind === 'form' && enrol.delivery.form.id).toBe(enrolCommand?.form?.(defaultProgramme()).id);
    const profile = await send({ type: 'command', commandId: 'mentorat.profile', options: {} });
    const edit = profile.delivery.kind === 'messages' ? profile.delivery.messages[0]?.buttons[0] : undefined;
    const pressed = await send({ type: 'press', buttonId: edit?.id ?? '' });
    const profileCommand = dispatcher.commands.find((command) => command.id === 'mentorat.profile');
    expect(pressed.delivery.kind).toBe('form');
    expect(pressed.delivery.kind === 'form' && pressed.delivery.form.id).toBe(profileCommand?.actionForms?.edit?.(defaultProgramme()).id);
    expect(pressed.delivery.kind === 'form' && pressed.delivery.initial).toMatchObject({ name: MENTOR_ANSWERS.name, capacity: 2 });
  });

  it('lets only the person who was shown a button press it, even after a restart', async () => {
    const { send, actor, rebuild } = await world();
    await send({ type: 'submit', formId: 'mentorat.enrol', values: MENTOR_ANSWERS });
    const asked = await send({ type: 'command', commandId: 'mentorat.withdraw', options: {} });
    const buttons = asked.delivery.kind === 'messages' ? (asked.delivery.messages[0]?.buttons ?? []) : [];
    const confirm = buttons.find((button) => decodeButtonId(button.id)?.action === 'confirm');
    expect(confirm?.label).toBe('Oui, me retirer');
    const stolen = await send({ type: 'press', buttonId: confirm?.id ?? '' }, actor('mallory'));
    expect(texts(stolen.delivery)[0]).toContain("Ce bouton a été proposé à quelqu'un d'autre");

    const restarted = rebuild();
    const pressed = await restarted.dispatch({
      community: GUILD,
      actor: actor('alice'),
      locale: 'fr',
      invocation: { type: 'press', buttonId: confirm?.id ?? '' },
      responder: createRecordingResponder(),
    });
    expect(pressed.delivery).toMatchObject({ kind: 'messages', replacesOriginal: true });
    expect(texts(pressed.delivery)[0]).toContain('Vous vous êtes retiré·e du programme');
    const again = await send({ type: 'press', buttonId: confirm?.id ?? '' });
    expect(texts(again.delivery)[0]).toContain('Cette confirmation a expiré');
  });

  it('lets a person whose id is long and not Latin press their button, and nobody else', async () => {
    const { send, actor } = await world();
    const owner = actor('محمد_عبدالله_بن_عبد_الرحمن_الخطيب');
    await send({ type: 'submit', formId: 'mentorat.enrol', values: MENTOR_ANSWERS }, owner);
    const asked = await send({ type: 'command', commandId: 'mentorat.withdraw', options: {} }, owner);
    const buttons = asked.delivery.kind === 'messages' ? (asked.delivery.messages[0]?.buttons ?? []) : [];
    const confirm = buttons.find((button) => decodeButtonId(button.id)?.action === 'confirm');
    expect(confirm?.id.length).toBeLessThanOrEqual(100);
    const stolen = await send({ type: 'press', buttonId: confirm?.id ?? '' }, actor('محمد_عبدالله_بن_عبد_الرحمن_الخطي'));
    expect(texts(stolen.delivery)[0]).toContain("Ce bouton a été proposé à quelqu'un d'autre");
    const pressed = await send({ type: 'press', buttonId: confirm?.id ?? '' }, owner);
    expect(texts(pressed.delivery)[0]).toContain('Vous vous êtes retiré·e du programme');
  });

  it('says a garbled or unknown button has expired', async () => {
    const { send } = await world();
    for (const buttonId of ['nonsense', 'b1|mentorat.withdraw|nope|alice', 'b1|ghost.command|confirm|alice']) {
      const result = await send({ type: 'press', buttonId });
      expect(texts(result.delivery)).toEqual(["Ce bouton n'est plus valable. Relancez la commande pour en obtenir un nouveau."]);
    }
  });

  it('answers an unknown command instead of staying silent', async () => {
    const { send } = await world();
    const result = await send({ type: 'command', commandId: 'mentorat.dance', options: {} });
    expect(texts(result.delivery)[0]).toContain('Je ne connais pas cette commande');
  });

  it('turns an unexpected failure into a reference the coordinators can find in the logs', async () => {
    const { send, log } = await world();
    const result = await send({ type: 'command', commandId: 'test.failing', options: {} }, undefined, GUILD, 'en');
    const [text = ''] = texts(result.delivery);
    const reference = /ERR-[0-9A-F]{8}/.exec(text)?.[0];
    expect(text).toContain('Something went wrong on our side.');
    expect(reference).toBeDefined();
    const logged = log.entries.find((entry) => entry.level === 'error');
    expect(logged?.details).toMatchObject({ reference, commandId: 'test.failing', userId: 'alice' });
  });

  it('says the store is temporarily unavailable, never that the person is not enrolled', async () => {
    const { send, log } = await world({ store: createUnavailableStore() });
    const profile = await send({ type: 'command', commandId: 'mentorat.profile', options: {} });
    const enrolment = await send({ type: 'submit', formId: 'mentorat.enrol', values: MENTOR_ANSWERS }, undefined, GUILD, 'en');
    expect(texts(profile.delivery)[0]).toMatch(
      /^Le stockage est momentanément indisponible : rien n'a été enregistré\. .*\(référence ERR-[0-9A-F]{8}\)\.$/,
    );
    expect(texts(enrolment.delivery)[0]).toMatch(/^Storage is temporarily unavailable: nothing was saved\./);
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });

  it('never logs what a person typed', async () => {
    const { send, log } = await world();
    await send({ type: 'submit', formId: 'mentorat.enrol', values: MENTOR_ANSWERS });
    expect(JSON.stringify(log.entries)).not.toContain(MENTOR_ANSWERS.name);
    expect(JSON.stringify(log.entries)).not.toContain(MENTOR_ANSWERS.affiliation);
  });

  it('splits a long answer into chat-sized messages and keeps the buttons on the last one', async () => {
    const { send } = await world();
    const result = await send({ type: 'command', commandId: 'test.long', options: {} });
    if (result.delivery.kind !== 'messages') throw new Error('expected messages');
    const { messages: parts } = result.delivery;
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(2000);
    expect(parts.map((part) => part.buttons.length)).toEqual([...parts.slice(1).map(() => 0), 1]);
    expect(parts.map((part) => part.text).join('\n\n')).toContain('Paragraphe 59');
  });

  it('gives each community its own programme rules and data', async () => {
    const strict = { ...defaultProgramme(), eligibility: { maxAge: 30, maxYearsAfterPhd: 1, doctoralStudentsEligible: false } };
    const { send } = await world({ programmes: (community) => (community.id === OTHER_GUILD.id ? strict : defaultProgramme()) });
    const mentee = {
      ...MENTOR_ANSWERS,
      role: 'mentee',
      wishedSector: 'any',
      phdStatus: 'in-progress',
      birthDate: '1990-01-01',
      expectations: 'reseau',
    };
    const accepted = await send({ type: 'submit', formId: 'mentorat.enrol', values: mentee }, undefined, GUILD);
    const refused = await send({ type: 'submit', formId: 'mentorat.enrol', values: mentee }, undefined, OTHER_GUILD);
    expect(accepted.delivery.kind).toBe('messages');
    expect(refused.delivery.kind).toBe('form-rejected');
    const otherProfile = await send({ type: 'command', commandId: 'mentorat.profile', options: {} }, undefined, OTHER_GUILD);
    expect(texts(otherProfile.delivery)[0]).toContain("Vous n'êtes pas inscrit·e");
  });
});
