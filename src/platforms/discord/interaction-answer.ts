import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  RESTJSONErrorCodes,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { discordErrorCode } from './discord-errors';
import type { MessagePayload } from './discord-message';

export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

type FirstAnswer = 'reply' | 'update' | 'modal' | 'deferred-reply' | 'deferred-update';

/** When answers stop going through the interaction. */
export interface AnswerTiming {
  /**
   * From the interaction's creation, after this long the person is answered by DM: Discord's
   * interaction token, which edits and follow-ups need, lives 15 minutes.
   */
  readonly byDmAfterMs: number;
  /** Real time (ms), compared with the interaction's `createdTimestamp` (Discord's clock, in its id). */
  readonly now: () => number;
}

/** A minute before the token dies: a follow-up sent then still arrives. */
export const DEFAULT_ANSWER_TIMING: AnswerTiming = { byDmAfterMs: 14 * 60_000, now: () => Date.now() };

/** The interaction's token no longer works, and the person does not take DMs from the bot: the answer is lost. */
export class AnswerLostError extends Error {
  constructor(cause: unknown) {
    super('the interaction token expired and the direct message was refused', { cause });
    this.name = 'AnswerLostError';
  }
}

/**
 * The one place that knows Discord's answering rules: a first answer within 3 seconds (a
 * reply, an update of the message whose component was used, a modal, or a deferral), then
 * edits and follow-ups while the token lives (15 minutes), then DMs. Every answer is private.
 */

export class InteractionAnswer {
  /**
   * The first answer, from the moment it is sent: discord.js marks an interaction replied only
   * once Discord has confirmed, and a deferral sent in between would be refused (40060).
   */
  private first: { kind: FirstAnswer; sent: Promise<void> } | undefined;
  /** After a deferral, the first message fills the deferred answer; later ones follow up. */
  private deferredFilled = false;
  /** Once one answer went by DM, the next ones do too, so that they keep their order. */
  private byDm = false;

  constructor(
    readonly interaction: AnswerableInteraction,
    private readonly timing: AnswerTiming = DEFAULT_ANSWER_TIMING,
  ) {}

  /** Whether the token is (nearly) spent: long work, such as announcing many binômes, reports by DM. */
  private get tokenSpent(): boolean {
    return this.byDm || this.timing.now() - this.interaction.createdTimestamp >= this.timing.byDmAfterMs;
  }

  /** Only a first answer can be a modal, and never the answer to a modal. */
  get canOpenModal(): boolean {
    return this.first === undefined && !this.interaction.isModalSubmit();
  }

  /** Whether there is a message this answer can replace (the one holding the button or menu). */
  private get hasOriginMessage(): boolean {
    return this.interaction.isMessageComponent() || (this.interaction.isModalSubmit() && this.interaction.isFromMessage());
  }

  private answerFirst(kind: FirstAnswer, send: () => Promise<unknown>): Promise<void> {
    const sent = send().then(
      () => undefined,
      (error: unknown) => {
        // Nothing reached Discord: a later answer may still try.
        if (this.first?.sent === sent) this.first = undefined;
        throw error;
      },
    );
    this.first = { kind, sent };
    return sent;
  }

  async openModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    const interaction = this.interaction;
    if (interaction.isModalSubmit() || this.first) throw new Error('a modal can only be the first answer, and never to a modal');
    await this.answerFirst('modal', () => interaction.showModal(modal));
  }

  /** Acknowledges now and answers later: the work outlives Discord's 3 seconds. */
  defer(): Promise<void> {
    if (this.first) return this.first.sent.catch(() => undefined);
    const interaction = this.interaction;
    if (interaction.isMessageComponent()) return this.answerFirst('deferred-update', () => interaction.deferUpdate());
    return this.answerFirst('deferred-reply', () => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
  }

  /** Shows a message: replacing the one the person acted on when asked and possible, else as a new private message. */
  show(payload: MessagePayload, options: { replace: boolean }): Promise<void> {
    const interaction = this.interaction;
    const replace = options.replace && this.hasOriginMessage;
    // Claimed at once, before any await: a deadline firing meanwhile must see an answer under way.
    if (!this.first) {
      if (replace && interaction.isMessageComponent()) return this.answerFirst('update', () => interaction.update({ ...payload }));
      if (replace && interaction.isModalSubmit() && interaction.isFromMessage()) {
        return this.answerFirst('update', () => interaction.update({ ...payload }));
      }
      return this.answerFirst('reply', () => interaction.reply({ ...payload, flags: MessageFlags.Ephemeral }));
    }
    return this.afterFirst(this.first, payload, replace);
  }

  private async afterFirst(first: { kind: FirstAnswer; sent: Promise<void> }, payload: MessagePayload, replace: boolean): Promise<void> {
    await first.sent.catch(() => undefined);
    if (this.tokenSpent) return this.directMessage(payload);
    try {
      await this.throughInteraction(first, payload, replace);
    } catch (error) {
      // Discord's clock decides: a token refused as expired (401, 50027) is answered by DM all the same.
      if (discordErrorCode(error) !== RESTJSONErrorCodes.InvalidWebhookToken) throw error;
      await this.directMessage(payload);
    }
  }

  private async throughInteraction(first: { kind: FirstAnswer }, payload: MessagePayload, replace: boolean): Promise<void> {
    const interaction = this.interaction;
    // A deferred update stands for the message acted on; a deferred reply for a new one.
    const fillsDeferral = first.kind === 'deferred-reply' || (first.kind === 'deferred-update' && replace);
    if (fillsDeferral && !this.deferredFilled) {
      this.deferredFilled = true;
      await interaction.editReply({ ...payload });
      return;
    }
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }

  /** To the person who acted, privately: text and files (buttons answer interactions in the server only). */
  private async directMessage(payload: MessagePayload): Promise<void> {
    this.byDm = true;
    try {
      await this.interaction.user.send({ content: payload.content, files: payload.files, allowedMentions: payload.allowedMentions });
    } catch (error) {
      throw new AnswerLostError(error);
    }
  }
}
