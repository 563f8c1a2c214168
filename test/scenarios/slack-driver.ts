import { z } from 'zod';
import { commands } from '../../commands';
import { foldForMatching } from '../../src/core/forms/raw-input';
import type { Locale } from '../../src/core/i18n/locale';
import { decodeButtonId } from '../../src/dispatch/button-id';
import { FIELD_ACTION_ID } from '../../src/platforms/slack/slack-modal';
import type { FakeSlackMessage, FakeView, ViewAnswers } from '../fakes/slack/types';
import { fixedClock } from '../support/fixed-clock';
import { SLACK_PEOPLE, type SlackWorld, slackUserIdOf, startSlackWorld } from '../support/slack-world';
import { type Delivery, SCENARIO_START, type Scenario, type SpaceAtEnd, type SpacesAtEndListener, type Step, waitedMs } from './scenario';

type ScenarioClock = ReturnType<typeof fixedClock>;

const optionSchema = z.looseObject({ value: z.string(), text: z.looseObject({ text: z.string() }) });
const elementSchema = z.looseObject({
  type: z.string(),
  action_id: z.string().optional(),
  value: z.string().optional(),
  text: z.looseObject({ text: z.string() }).optional(),
  options: z.array(optionSchema).optional(),
  initial_value: z.string().optional(),
  initial_option: optionSchema.optional(),
  initial_options: z.array(optionSchema).optional(),
});
const blockSchema = z.looseObject({
  type: z.string(),
  block_id: z.string().optional(),
  dispatch_action: z.boolean().optional(),
  element: elementSchema.optional(),
  elements: z.array(elementSchema).optional(),
});
type Block = z.infer<typeof blockSchema>;

export function blocksOf(raw: unknown): Block[] {
  const parsed = z.array(z.unknown()).safeParse(raw);
  return (parsed.success ? parsed.data : []).flatMap((block) => {
    const one = blockSchema.safeParse(block);
    return one.success ? [one.data] : [];
  });
}

function buttonsOf(message: Pick<FakeSlackMessage, 'blocks'>) {
  return blocksOf(message.blocks).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
}

/** What a person picks or types in a modal for an answer written as in the terminal. */
function answerFor(block: Block, typed: string): string | string[] | boolean {
  const element = block.element;
  if (element?.type === 'checkboxes') return ['oui', 'yes', 'true'].includes(foldForMatching(typed));
  if (element?.type !== 'static_select' && element?.type !== 'multi_static_select') return typed;
  const pick = (item: string) => {
    const found = (element.options ?? []).find(
      (option) => option.value === item || foldForMatching(option.text.text) === foldForMatching(item),
    );
    if (!found) throw new Error(`"${item}" is not among the options of ${block.block_id}`);
    return found.value;
  };
  const items = typed
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean)
    .map(pick);
  return element.type === 'static_select' ? (items[0] ?? '') : items;
}

/** What the modal already shows, kept when the person does not change it. */
function shown(block: Block): string | string[] | boolean | undefined {
  const element = block.element;
  if (!element) return undefined;
  if (element.type === 'checkboxes') return (element.initial_options ?? []).length > 0;
  if (element.type === 'multi_static_select') return element.initial_options?.map((option) => option.value);
  if (element.type === 'static_select') return element.initial_option?.value;
  return element.initial_value;
}

/** What a modal shows now, by block: the state Slack would send with an action. */
function entered(view: FakeView): ViewAnswers {
  const answers: ViewAnswers = {};
  for (const block of blocksOf(view.view.blocks)) {
    const value = block.type === 'input' && block.block_id ? shown(block) : undefined;
    if (block.block_id && value !== undefined) answers[block.block_id] = value;
  }
  return answers;
}

/** A person in Slack, typing slash commands, pressing buttons, filling modals as Slack lets them. */
export function slackPerson(world: SlackWorld, name: string, locale: Locale) {
  const userId = slackUserIdOf(name);

  async function fillModal(viewId: string, answers: Readonly<Record<string, string>>) {
    let view = world.fake.currentView(viewId);
    // Choices other fields depend on first: the modal changes with them, as a person sees it change.
    const chosen = new Set<string>();
    for (;;) {
      const driving = blocksOf(view?.view.blocks).find(
        (block) => block.dispatch_action && block.block_id && answers[block.block_id] !== undefined && !chosen.has(block.block_id),
      );
      if (!view || !driving?.block_id) break;
      chosen.add(driving.block_id);
      const picked = answerFor(driving, answers[driving.block_id] ?? '');
      const values = world.fake.stateFor(view, { ...entered(view), [driving.block_id]: picked });
      await world.fake.blockAction({
        userId,
        actionId: FIELD_ACTION_ID,
        blockId: driving.block_id,
        selected: [String(picked)],
        view,
        values,
      });
      await world.settle();
      view = world.fake.currentView(viewId);
    }
    if (!view) throw new Error('the modal is gone');
    const state: ViewAnswers = {};
    for (const block of blocksOf(view.view.blocks)) {
      if (block.type !== 'input' || !block.block_id) continue;
      const typed = answers[block.block_id];
      const value = typed === undefined ? shown(block) : answerFor(block, typed);
      if (value !== undefined) state[block.block_id] = value;
    }
    const result = await world.fake.viewSubmission({ userId, view, values: world.fake.stateFor(view, state) });
    await world.settle();
    return result;
  }

  async function runCommand(commandId: string, options: Readonly<Record<string, string>> = {}, form?: Readonly<Record<string, string>>) {
    const command = commands.find((candidate) => candidate.id === commandId);
    if (!command) throw new Error(`unknown command id ${commandId}`);
    // `@carol` typed in Slack arrives escaped as a mention (the manifest asks for it on /mentorat-admin).
    const mentioned = (key: string, value: string) =>
      command.options.find((option) => option.key === key)?.kind === 'user' && value.startsWith('@')
        ? `<@${slackUserIdOf(value.slice(1))}|${value.slice(1)}>`
        : value;
    const typed = [command.name[locale], ...Object.entries(options).map(([key, value]) => `${key}:${mentioned(key, value)}`)].join(' ');
    const viewsBefore = world.fake.views.length;
    const result = await world.fake.slashCommand({ command: `/${command.group}`, text: typed, userId });
    await world.settle();
    const opened = world.fake.views.slice(viewsBefore).find((view) => view.kind === 'open');
    if (form && opened) await fillModal(opened.id, form);
    return result;
  }

  /**
   * Presses the button for this action on the latest message shown to this person that has one:
   * an answer to them, a DM the bot sent them, or a post in a private channel they are in.
   */
  async function press(action: string, form?: Readonly<Record<string, string>>) {
    const spacePosts = world.fake.channels
      .filter((channel) => channel.isPrivate && channel.members.includes(userId))
      .flatMap((channel) => world.fake.messagesIn(channel.id));
    const shown = [...world.fake.ephemeralsTo(userId), ...world.fake.dmsTo(userId), ...spacePosts].sort(
      (a, b) => Number(a.ts) - Number(b.ts),
    );
    for (const message of shown.reverse()) {
      const button = buttonsOf(message).find((element) => element.action_id && decodeButtonId(element.action_id)?.action === action);
      if (!button?.action_id) continue;
      const viewsBefore = world.fake.views.length;
      await world.fake.blockAction({
        userId,
        actionId: button.action_id,
        value: button.value ?? button.action_id,
        message,
        channelId: message.channel,
      });
      await world.settle();
      const opened = world.fake.views.slice(viewsBefore).find((view) => view.kind === 'open');
      if (form && opened) await fillModal(opened.id, form);
      return;
    }
    throw new Error(`${name} sees no "${action}" button`);
  }

  return { userId, runCommand, press, fillModal };
}

function withNames(text: string): string {
  return SLACK_PEOPLE.reduce((result, name) => result.replaceAll(slackUserIdOf(name), name), text);
}

function messageText(message: Pick<FakeSlackMessage, 'text' | 'blocks'>): string {
  const labels = buttonsOf(message).flatMap((element) => (element.text?.text ? [`[${element.text.text}]`] : []));
  return withNames([message.text, labels.join(' ')].filter(Boolean).join('\n'));
}

const postedSchema = z.looseObject({ text: z.string().optional(), blocks: z.unknown().optional(), user: z.string().optional() });

/** A message posted through a response_url or chat.postEphemeral, as its reader sees it. */
function postedText(body: unknown): { text: string; user: string | undefined } {
  const posted = postedSchema.safeParse(body);
  const data = posted.success ? posted.data : {};
  return { text: messageText({ text: data.text ?? '', blocks: Array.isArray(data.blocks) ? data.blocks : [] }), user: data.user };
}

async function performStep(world: SlackWorld, step: Step, locale: Locale, clock: ScenarioClock): Promise<void> {
  const person = slackPerson(world, step.actor, locale);
  const { action } = step;
  if ('restart' in action) throw new Error('a restart is not a person’s step');
  const runAllDue = async () => {
    for (let round = 0; round < 5 && (await world.bot.jobs.runDue()) > 0; round += 1) await world.settle();
    await world.settle();
  };
  if ('wait' in action) {
    // Time passes, then whatever became due runs, as the background polling would have run it by then.
    clock.advance(waitedMs(action.wait));
    // A job may plan others due at once (a deadline plans its reminder's DMs), as the terminal runs them before its prompt.
    await runAllDue();
    return;
  }
  if ('press' in action) await person.press(action.press, action.form);
  else await person.runCommand(action.command, action.options, action.form);
  // What the step left to do later (a report's deliveries are durable jobs) is done before looking,
  // with what those jobs plan for now (closing a cycle goes on in phases), as the terminal does before its prompt.
  await runAllDue();
}

/** Messages posted in private channels (binôme spaces), seen by each of their members. */
function spaceMessagesSince(world: SlackWorld, before: ReadonlyMap<string, number>): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const channel of world.fake.channels.filter((candidate) => candidate.isPrivate)) {
    for (const message of world.fake.messagesIn(channel.id).slice(before.get(channel.id) ?? 0)) {
      // An ephemeral message in a channel is seen by its one reader, and counted with chat.postEphemeral.
      if (message.ephemeral) continue;
      for (const name of SLACK_PEOPLE) {
        if (channel.members.includes(slackUserIdOf(name))) deliveries.push({ to: name, via: 'space', text: messageText(message) });
      }
    }
  }
  return deliveries;
}

/** The workspace's private channels: an archived one keeps its members, none of whom may post. */
function spacesOf(world: SlackWorld): SpaceAtEnd[] {
  return world.fake.channels
    .filter((channel) => channel.isPrivate)
    .map((channel) => {
      const readers = SLACK_PEOPLE.filter((name) => channel.members.includes(slackUserIdOf(name)));
      return { name: channel.name, readers, writers: channel.archived ? [] : readers };
    });
}

/**
 * Replays a scenario on the real Bolt app answering a loopback Slack; returns what each step
 * delivered, to whom. A restart stops the app and starts a new one on the same store and workspace.
 * The bot's clock starts at SCENARIO_START and moves only with wait steps.
 */
export async function runScenarioOnSlack(scenario: Scenario, locale: Locale, atEnd?: SpacesAtEndListener): Promise<Delivery[][]> {
  // One clock for the whole scenario: a restarted bot goes on at the time the last one reached.
  const clock = fixedClock(SCENARIO_START);
  let world = await startSlackWorld({ locale, clock });
  try {
    const observed: Delivery[][] = [];
    for (const step of scenario.steps) {
      if ('restart' in step.action) {
        await world.stopBot();
        world = await startSlackWorld({ locale, fake: world.fake, store: world.store, clock });
        observed.push([]);
        continue;
      }
      const spaces = new Map(world.fake.channels.map((channel) => [channel.id, world.fake.messagesIn(channel.id).length]));
      const dms = new Map(SLACK_PEOPLE.map((name) => [name, world.fake.dmsTo(slackUserIdOf(name)).length]));
      const views = world.fake.views.length;
      const responses = world.fake.responseUrlPosts.length;
      const calls = world.fake.calls.length;
      const uploads = world.fake.uploads.length;
      await performStep(world, step, locale, clock);
      const deliveries: Delivery[] = [];
      for (const view of world.fake.views.slice(views)) {
        if (view.kind === 'open')
          deliveries.push({ to: SLACK_PEOPLE.find((name) => slackUserIdOf(name) === view.userId) ?? view.userId, via: 'form', text: '' });
      }
      const nameOf = (userId: string | undefined) => SLACK_PEOPLE.find((name) => slackUserIdOf(name) === userId) ?? userId ?? '?';
      // A response_url answers the person who acted; replacing a message shows them new text too.
      for (const post of world.fake.responseUrlPosts.slice(responses))
        deliveries.push({ to: step.actor, via: 'ephemeral', text: postedText(post.body).text });
      for (const call of world.fake.calls.slice(calls)) {
        if (call.method !== 'chat.postEphemeral') continue;
        const posted = postedText(call.params);
        deliveries.push({ to: nameOf(posted.user), via: 'ephemeral', text: posted.text });
      }
      for (const name of SLACK_PEOPLE) {
        for (const message of world.fake.dmsTo(slackUserIdOf(name)).slice(dms.get(name) ?? 0))
          deliveries.push({ to: name, via: 'dm', text: messageText(message) });
        const im = world.fake.imChannelOf(slackUserIdOf(name));
        for (const upload of world.fake.uploads.slice(uploads)) {
          if (upload.channel === im) deliveries.push({ to: name, via: 'file', text: withNames(`${upload.filename}\n${upload.content}`) });
        }
      }
      deliveries.push(...spaceMessagesSince(world, spaces));
      observed.push(deliveries);
    }
    atEnd?.(spacesOf(world));
    return observed;
  } finally {
    await world.close();
  }
}
