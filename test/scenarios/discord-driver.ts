import { z } from 'zod';
import { commands } from '../../commands';
import { foldForMatching } from '../../src/core/forms/raw-input';
import type { Locale } from '../../src/core/i18n/locale';
import { decodeButtonId } from '../../src/dispatch/button-id';
import { readGuildStamp } from '../../src/platforms/discord/guild-stamp';
import { decodeStepId } from '../../src/platforms/discord/step-ids';
import type { FakeInteraction, FakeMessage, InteractionSeed } from '../fakes/discord/types';
import { type DiscordWorld, discordLocaleTag, GUILD_ID, PEOPLE, startDiscordWorld, userIdOf } from '../support/discord-world';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { type Delivery, SCENARIO_START, type Scenario, type SpaceAtEnd, type SpacesAtEndListener, type Step, waitedMs } from './scenario';

type ScenarioClock = ReturnType<typeof fixedClock>;

const componentSchema = z.looseObject({
  type: z.number(),
  custom_id: z.string().optional(),
  label: z.string().optional(),
  value: z.string().optional(),
  options: z.array(z.looseObject({ value: z.string(), label: z.string(), default: z.boolean().optional() })).optional(),
});
const rowSchema = z.looseObject({ type: z.number(), components: z.array(componentSchema) });
type Component = z.infer<typeof componentSchema>;

/** Every component of a message or modal, rows flattened. */
export function componentsOf(raw: readonly unknown[]): Component[] {
  return raw.flatMap((row) => {
    const parsed = rowSchema.safeParse(row);
    return parsed.success ? parsed.data.components : [];
  });
}

/** The action of a button, whether its id carries the server (in a DM) or not. */
const buttonAction = (customId: string) => decodeButtonId(readGuildStamp(customId)?.customId ?? customId)?.action;

/** A form step's id, whether it carries the server (a form opened from a DM's button) or not. */
const stepIdOf = (customId: string) => decodeStepId(readGuildStamp(customId)?.customId ?? customId);

const stepAction = (component: Component) => (component.custom_id ? stepIdOf(component.custom_id)?.action : undefined);

/** The message an interaction left in the end: its (possibly updated) answer, else its last follow-up. */
export function latestMessage(interaction: FakeInteraction): FakeMessage | undefined {
  return interaction.followUps.at(-1) ?? interaction.original;
}

/** What a person picks in a menu for an answer typed as in the terminal: ids or labels, `;`-separated, oui/non. */
function optionValues(component: Component, typed: string): string[] {
  const options = component.options ?? [];
  if (options.some((option) => option.value === 'yes') && options.some((option) => option.value === 'no')) {
    return [['oui', 'yes', 'true'].includes(foldForMatching(typed)) ? 'yes' : 'no'];
  }
  return typed
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const found = options.find((option) => option.value === item || foldForMatching(option.label) === foldForMatching(item));
      if (!found) throw new Error(`"${item}" is not among the menu options ${options.map((option) => option.value).join(', ')}`);
      return found.value;
    });
}

/** A person on Discord, clicking and typing as Discord lets them. */
export function discordPerson(world: DiscordWorld, name: string, locale: Locale) {
  const seed: InteractionSeed = { guildId: GUILD_ID, userId: userIdOf(name), locale: discordLocaleTag(locale) };
  const settled = async (interaction: Promise<FakeInteraction>) => {
    const done = await interaction;
    await world.app.idle();
    return done;
  };

  /** Walks the form steps: types the answers given (keeping what is shown otherwise), picks in menus, continues. */
  async function fillForm(first: FakeInteraction, answers: Readonly<Record<string, string>>): Promise<void> {
    let current = first;
    for (let turn = 0; turn < 30; turn += 1) {
      if (current.modal) {
        const values: Record<string, string> = {};
        for (const input of componentsOf(current.modal.components)) {
          if (input.custom_id) values[input.custom_id] = answers[input.custom_id] ?? input.value ?? '';
        }
        current = await settled(
          world.fake.submitModal({
            ...seed,
            modal: current.modal,
            values,
            ...(current.sourceMessage ? { message: current.sourceMessage } : {}),
          }),
        );
        continue;
      }
      let message = latestMessage(current);
      if (!message) return;
      const picked = new Set<string>();
      for (;;) {
        const select = componentsOf(message.components).find((component) => {
          const field = component.custom_id ? stepIdOf(component.custom_id)?.field : undefined;
          return stepAction(component) === 'select' && field !== undefined && answers[field] !== undefined && !picked.has(field);
        });
        const field = select?.custom_id ? stepIdOf(select.custom_id)?.field : undefined;
        if (!select?.custom_id || field === undefined) break;
        picked.add(field);
        const values = optionValues(select, answers[field] ?? '');
        const updated = await settled(world.fake.selectValues({ ...seed, message, customId: select.custom_id, values }));
        message = latestMessage(updated) ?? message;
      }
      const onward = componentsOf(message.components).find((component) => ['next', 'open'].includes(stepAction(component) ?? ''));
      if (!onward?.custom_id) return;
      current = await settled(world.fake.pressButton({ ...seed, message, customId: onward.custom_id }));
    }
    throw new Error('the form took more than 30 turns');
  }

  async function runCommand(commandId: string, options: Readonly<Record<string, string>> = {}): Promise<FakeInteraction> {
    const command = commands.find((candidate) => candidate.id === commandId);
    if (!command) throw new Error(`unknown command id ${commandId}`);
    // A person picked in Discord's member menu arrives as their id.
    const values = Object.fromEntries(
      Object.entries(options).map(([key, value]) => {
        const isPerson = command.options.find((option) => option.key === key)?.kind === 'user';
        return [key, isPerson && value.startsWith('@') ? userIdOf(value.slice(1)) : value];
      }),
    );
    return settled(world.fake.runCommand({ ...seed, command: command.group, subcommand: command.name.fr, options: values }));
  }

  /**
   * Presses the button for this action on the latest message shown to this person that has one:
   * an answer to them, a DM the bot sent them, or a post in a space they can see. Pressed in a DM,
   * the fake sends it as Discord does, without server or member.
   */
  async function press(action: string): Promise<FakeInteraction> {
    const answers = world.fake.interactions
      .filter((interaction) => interaction.userId === seed.userId)
      .flatMap((interaction) => [interaction.original, ...interaction.followUps]);
    const spacePosts = world.fake
      .channelsOf(GUILD_ID)
      .filter((channel) => world.fake.canView(channel.id, seed.userId))
      .flatMap((channel) => world.fake.messagesIn(channel.id));
    const shown = [...answers, ...world.fake.dmsTo(seed.userId), ...spacePosts]
      .filter((message): message is FakeMessage => message !== undefined && !message.deleted)
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0));
    for (const message of [...shown].reverse()) {
      const found = componentsOf(message.components).find(
        (component) => component.custom_id && buttonAction(component.custom_id) === action,
      );
      if (found?.custom_id) return settled(world.fake.pressButton({ ...seed, message, customId: found.custom_id }));
    }
    throw new Error(`${name} sees no "${action}" button`);
  }

  return { seed, runCommand, press, fillForm };
}

function withNames(text: string): string {
  return PEOPLE.reduce((result, name) => result.replaceAll(userIdOf(name), name), text);
}

function isStepMessage(components: readonly unknown[]): boolean {
  return componentsOf(components).some((component) => ['select', 'next', 'open'].includes(stepAction(component) ?? ''));
}

const dataSchema = z.looseObject({ content: z.string().optional(), components: z.array(z.unknown()).optional() });

/** What one interaction showed its person: modals and form steps, private messages, files. */
function deliveriesOf(interaction: FakeInteraction, to: string): Delivery[] {
  const deliveries: Delivery[] = [];
  const message = (content: string, components: readonly unknown[], files: FakeMessage['attachments']) => {
    // A person sees the buttons under the text: their labels are part of what was shown.
    const labels = componentsOf(components).flatMap((component) =>
      component.type === 2 && component.label ? [`[${component.label}]`] : [],
    );
    const text = [content, labels.join(' ')].filter(Boolean).join('\n');
    deliveries.push({ to, via: isStepMessage(components) ? 'form' : 'ephemeral', text: withNames(text) });
    for (const file of files) deliveries.push({ to, via: 'file', text: withNames(`${file.filename}\n${file.content}`) });
  };
  for (const callback of interaction.callbacks) {
    if (callback.type === 9) deliveries.push({ to, via: 'form', text: interaction.modal?.title ?? '' });
    if (callback.type === 4 || callback.type === 7) {
      const data = dataSchema.parse(callback.data ?? {});
      message(data.content ?? '', data.components ?? [], callback.attachments);
    }
    if (callback.type === 5 && interaction.original) {
      message(interaction.original.content, interaction.original.components, interaction.original.attachments);
    }
  }
  for (const followUp of interaction.followUps) message(followUp.content, followUp.components, followUp.attachments);
  return deliveries;
}

async function performStep(world: DiscordWorld, step: Step, locale: Locale, clock: ScenarioClock): Promise<void> {
  const person = discordPerson(world, step.actor, locale);
  const { action } = step;
  if ('restart' in action) throw new Error('a restart is not a person’s step');
  const runAllDue = async () => {
    for (let round = 0; round < 5 && (await world.app.jobs.runDue()) > 0; round += 1) await world.app.idle();
    await world.app.idle();
  };
  if ('wait' in action) {
    // Time passes, then whatever became due runs, as the background polling would have run it by then.
    clock.advance(waitedMs(action.wait));
    // A job may plan others due at once (a deadline plans its reminder's DMs), as the terminal runs them before its prompt.
    await runAllDue();
    return;
  }
  const first = 'press' in action ? await person.press(action.press) : await person.runCommand(action.command, action.options);
  if (action.form) await person.fillForm(first, action.form);
  // What the step left to do later (a report's deliveries are durable jobs) is done before looking,
  // with what those jobs plan for now (closing a cycle goes on in phases), as the terminal does before its prompt.
  await runAllDue();
}

/** Messages in the server's text channels (binôme spaces), seen by everyone the channel lets in. */
function spaceMessagesSince(world: DiscordWorld, before: ReadonlyMap<string, number>): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const channel of world.fake.channelsOf(GUILD_ID)) {
    for (const message of world.fake.messagesIn(channel.id).slice(before.get(channel.id) ?? 0)) {
      for (const name of PEOPLE) {
        if (world.fake.canView(channel.id, userIdOf(name))) deliveries.push({ to: name, via: 'space', text: withNames(message.content) });
      }
    }
  }
  return deliveries;
}

const ARCHIVE_CATEGORY_ID = '920000000000000019';

/** The server's text channels: an archived one is still readable by its members, none of whom may send. */
function spacesOf(world: DiscordWorld): SpaceAtEnd[] {
  return world.fake.channelsOf(GUILD_ID).map((channel) => ({
    name: channel.name,
    readers: PEOPLE.filter((name) => world.fake.canView(channel.id, userIdOf(name))),
    writers: PEOPLE.filter((name) => world.fake.canSend(channel.id, userIdOf(name))),
  }));
}

/**
 * Replays a scenario on the real bot logged into a loopback Discord (its commands registered on
 * the server, so the fake refuses anything they do not declare); returns what each step delivered,
 * to whom. A restart stops the bot and logs a new one in, on the same store and server. The bot's
 * clock starts at SCENARIO_START and moves only with wait steps.
 */
export async function runScenarioOnDiscord(scenario: Scenario, locale: Locale, atEnd?: SpacesAtEndListener): Promise<Delivery[][]> {
  // One clock for the whole scenario: a restarted bot goes on at the time the last one reached.
  const clock = fixedClock(SCENARIO_START);
  let world = await startDiscordWorld({ registerCommands: true, clock });
  // The server is set up as the README says: the category where the spaces of a closed cycle go.
  world.fake.addChannel(GUILD_ID, { id: ARCHIVE_CATEGORY_ID, name: defaultProgramme().spaces.discordArchiveCategory, type: 4 });
  try {
    const observed: Delivery[][] = [];
    for (const step of scenario.steps) {
      if ('restart' in step.action) {
        await world.stopBot();
        world = await startDiscordWorld({ fake: world.fake, store: world.store, clock });
        observed.push([]);
        continue;
      }
      const firstInteraction = world.fake.interactions.length;
      const dmsBefore = new Map(PEOPLE.map((name) => [name, world.fake.dmsTo(userIdOf(name)).length]));
      const channelsBefore = new Map(
        world.fake.channelsOf(GUILD_ID).map((channel) => [channel.id, world.fake.messagesIn(channel.id).length]),
      );
      await performStep(world, step, locale, clock);
      const deliveries = world.fake.interactions.slice(firstInteraction).flatMap((interaction) => {
        const to = PEOPLE.find((name) => userIdOf(name) === interaction.userId) ?? interaction.userId;
        return deliveriesOf(interaction, to);
      });
      for (const name of PEOPLE) {
        for (const dm of world.fake.dmsTo(userIdOf(name)).slice(dmsBefore.get(name) ?? 0)) {
          deliveries.push({ to: name, via: 'dm', text: withNames(dm.content) });
        }
      }
      deliveries.push(...spaceMessagesSince(world, channelsBefore));
      observed.push(deliveries);
    }
    atEnd?.(spacesOf(world));
    return observed;
  } finally {
    await world.close();
  }
}
