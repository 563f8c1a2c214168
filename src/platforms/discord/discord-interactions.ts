import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import { StoreUnavailableError } from '../../core/errors';
import { translate } from '../../core/i18n/translate';
import type { OutgoingMessage } from '../../core/reply';
import { type DeliveredMessage, type Dispatcher, type DispatchResult, errorReference, type Invocation } from '../../dispatch/dispatcher';
import type { Log } from '../../infra/log';
import type { FormDraftRepository } from '../../store/form-draft-repository';
import { serialQueue } from '../single-flight';
import { discordActor, discordCommunity, discordLocale, discordMemberActor } from './discord-identity';
import { messagePayload, textPayload } from './discord-message';
import { DmInteractionAnswer } from './dm-interaction-answer';
import { createFormStepFlow } from './form-step-flow';
import { type AnswerableInteraction, AnswerLostError, DEFAULT_ANSWER_TIMING, InteractionAnswer } from './interaction-answer';
import { originOf } from './interaction-origin';
import type { InteractionScope } from './interaction-scope';
import { decodeStepId, isStepId, type StepTarget } from './step-ids';

export interface InteractionHandlerOptions {
  readonly dispatcher: Dispatcher;
  readonly drafts: FormDraftRepository;
  readonly log: Log;
  /** Work still running after this long is acknowledged first and answered by an edit (Discord allows 3 s). */
  readonly acknowledgeAfterMs: number;
  /** Answers later than this after the interaction go by DM (its token lives 15 minutes); 14 minutes unless a test says. */
  readonly answerByDmAfterMs?: number;
  /** Real time, against the interaction's creation; `Date.now` unless a test says. */
  readonly now?: () => number;
}

function isAnswerable(interaction: Interaction): interaction is AnswerableInteraction {
  return interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit();
}

/** Text and files of a follow-up; buttons need a command to belong to, which a follow-up has not. */
function followUpMessage(message: OutgoingMessage): DeliveredMessage {
  return { text: message.text, buttons: [], attachments: message.attachments ?? [] };
}

/** Routes every Discord interaction to the dispatcher, or to the form steps, and answers privately. */
export function createInteractionHandler(options: InteractionHandlerOptions) {
  const { dispatcher, log } = options;
  const timing = {
    byDmAfterMs: options.answerByDmAfterMs ?? DEFAULT_ANSWER_TIMING.byDmAfterMs,
    now: options.now ?? DEFAULT_ANSWER_TIMING.now,
  };

  async function showMessages(scope: InteractionScope, messages: readonly DeliveredMessage[], replace: boolean): Promise<void> {
    for (const [index, message] of messages.entries()) {
      await scope.answer.show(messagePayload(message), { replace: replace && index === 0 });
    }
  }

  const flow = createFormStepFlow({ dispatcher, drafts: options.drafts, showMessages });
  const oneByOne = serialQueue();

  function dispatch(scope: InteractionScope, invocation: Invocation): Promise<DispatchResult> {
    return dispatcher.dispatch({
      community: scope.community,
      actor: scope.actor,
      locale: scope.platformLocale,
      invocation,
      responder: scope.responder,
    });
  }

  /** Work still running near Discord's 3 seconds is acknowledged, then answered by an edit or a follow-up. */
  async function beforeDeadline(answer: InteractionAnswer, work: () => Promise<void>): Promise<void> {
    const timer = setTimeout(() => {
      answer.defer().catch((error: unknown) => log.warn({ err: error }, 'could not acknowledge a slow interaction'));
    }, options.acknowledgeAfterMs);
    try {
      await work();
    } finally {
      clearTimeout(timer);
    }
  }

  async function deliver(scope: InteractionScope, result: DispatchResult): Promise<void> {
    const { delivery } = result;
    switch (delivery.kind) {
      case 'messages':
        return showMessages(scope, delivery.messages, delivery.replacesOriginal ?? false);
      case 'form':
        return flow.start(scope, delivery.form, delivery.initial);
      case 'form-rejected':
        return showMessages(scope, delivery.messages, false);
    }
  }

  function commandOptions(interaction: ChatInputCommandInteraction, commandId: string): Record<string, string> {
    const command = dispatcher.commands.find((candidate) => candidate.id === commandId);
    const values: Record<string, string> = {};
    for (const option of command?.options ?? []) {
      const value = interaction.options.get(option.key)?.value;
      if (value !== undefined && value !== null) values[option.key] = String(value);
    }
    return values;
  }

  async function onCommand(scope: InteractionScope, interaction: ChatInputCommandInteraction): Promise<void> {
    const subcommand = interaction.options.getSubcommand(false);
    const command = dispatcher.commands.find(
      (candidate) => candidate.group === interaction.commandName && candidate.name.fr === subcommand,
    );
    if (!command) return scope.answer.show(textPayload(translate(scope.locale, 'command.unknown')), { replace: false });
    const invocation: Invocation = { type: 'command', commandId: command.id, options: commandOptions(interaction, command.id) };
    await deliver(scope, await dispatch(scope, invocation));
  }

  async function onStep(scope: InteractionScope, interaction: AnswerableInteraction, customId: string): Promise<void> {
    const target = decodeStepId(customId);
    if (!target) return scope.answer.show(textPayload(translate(scope.locale, 'button.unknown')), { replace: false });
    if (target.owner !== scope.actor.userId) {
      return scope.answer.show(textPayload(translate(scope.locale, 'button.notForYou')), { replace: false });
    }
    // One step at a time per person and form: each handler reads the draft, changes it, saves it.
    return oneByOne(`${scope.community.id}|${scope.actor.userId}|${target.formId}`, () => runStep(scope, interaction, target));
  }

  async function runStep(scope: InteractionScope, interaction: AnswerableInteraction, target: StepTarget): Promise<void> {
    if (interaction.isStringSelectMenu() && target.action === 'select') return flow.onSelect(scope, target, interaction);
    if (interaction.isModalSubmit() && target.action === 'modal') return flow.onModal(scope, target, interaction);
    switch (target.action) {
      case 'next':
        return flow.onNext(scope, target);
      case 'open':
      case 'fix':
        return flow.onResume(scope, target);
      case 'cancel':
        return flow.onCancel(scope, target);
      default:
        return scope.answer.show(textPayload(translate(scope.locale, 'button.unknown')), { replace: false });
    }
  }

  /** `customId`: as the bot made it, without the server a DM's components carry. */
  async function route(scope: InteractionScope, interaction: AnswerableInteraction, customId: string | undefined): Promise<void> {
    if (interaction.isChatInputCommand()) return onCommand(scope, interaction);
    const id = customId ?? interaction.customId;
    if (isStepId(id)) return onStep(scope, interaction, id);
    if (interaction.isButton()) return deliver(scope, await dispatch(scope, { type: 'press', buttonId: id }));
    await scope.answer.show(textPayload(translate(scope.locale, 'button.unknown')), { replace: false });
  }

  /** Handles one interaction to the end; never throws (an unexpected error is answered with a reference). */
  return async function handleInteraction(interaction: Interaction): Promise<void> {
    if (!isAnswerable(interaction)) return;
    const origin = originOf(interaction);
    if (!origin) return;
    const platformLocale = discordLocale(interaction.locale);
    if (origin.kind === 'unknown-dm') {
      const unknown = new InteractionAnswer(interaction, timing);
      await unknown
        .show(textPayload(translate(platformLocale ?? 'fr', 'button.unknown')), { replace: false })
        .catch((error: unknown) => log.warn({ err: error }, 'could not answer a DM component of an unknown server'));
      return;
    }
    const community = discordCommunity(origin.kind === 'dm' ? origin.guild.id : origin.guildId);
    const answer =
      origin.kind === 'dm' ? new DmInteractionAnswer(interaction, timing, origin.guild.id) : new InteractionAnswer(interaction, timing);
    const userId = interaction.user.id;
    let scope: InteractionScope | undefined;
    try {
      // Reading a DM's actor asks Discord: it counts within the 3 seconds.
      await beforeDeadline(answer, async () => {
        const routed: InteractionScope = {
          community,
          actor: origin.kind === 'dm' ? await discordMemberActor(origin.guild, interaction.user) : discordActor(interaction),
          locale: platformLocale ?? dispatcher.programmeFor(community).defaultLocale,
          platformLocale,
          answer,
          responder: {
            // A job reporting progress goes on whatever becomes of its reports.
            followUp: (message) =>
              answer
                .show(messagePayload(followUpMessage(message)), { replace: false })
                .catch((error: unknown) => log.warn({ err: error, community, userId }, 'could not deliver a follow-up')),
          },
        };
        scope = routed;
        await route(routed, interaction, origin.customId);
      });
    } catch (error) {
      if (error instanceof AnswerLostError) {
        log.warn({ err: error, community, userId }, 'the answer came after the interaction expired and the person takes no DM: lost');
        return;
      }
      const reference = errorReference();
      log.error({ err: error, reference, community, userId: interaction.user.id }, 'discord interaction failed');
      const locale = scope?.locale ?? platformLocale ?? 'fr';
      const key = error instanceof StoreUnavailableError ? 'error.storeUnavailable' : 'error.unexpected';
      await answer
        .show(textPayload(translate(locale, key, { reference })), { replace: false })
        .catch((failure: unknown) => log.warn({ err: failure, reference }, 'could not tell the person about a failure'));
    }
  };
}
