import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { MessagePayload } from './discord-message';

export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/**
 * The one place that knows Discord's answering rules: a first answer within 3 seconds (a
 * reply, an update of the message whose component was used, a modal, or a deferral), then
 * edits and follow-ups while the token lives (15 minutes). Every answer is private.
 */
export class InteractionAnswer {
  /** After a deferral, the first message fills the deferred answer; later ones follow up. */
  private deferredFilled = false;
  /** A deferral under way: answering before it is done would answer twice. */
  private acknowledging: Promise<void> | undefined;

  constructor(readonly interaction: AnswerableInteraction) {}

  get answered(): boolean {
    return this.interaction.deferred || this.interaction.replied;
  }

  /** Only a first answer can be a modal, and never the answer to a modal. */
  get canOpenModal(): boolean {
    return !this.answered && this.acknowledging === undefined && !this.interaction.isModalSubmit();
  }

  /** Whether there is a message this answer can replace (the one holding the button or menu). */
  private get hasOriginMessage(): boolean {
    return this.interaction.isMessageComponent() || (this.interaction.isModalSubmit() && this.interaction.isFromMessage());
  }

  async openModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    await this.acknowledging;
    if (this.interaction.isModalSubmit()) throw new Error('a modal cannot answer a modal');
    await this.interaction.showModal(modal);
  }

  /** Acknowledges now and answers later: the work outlives Discord's 3 seconds. */
  defer(): Promise<void> {
    if (this.answered || this.acknowledging) return this.acknowledging ?? Promise.resolve();
    const interaction = this.interaction;
    this.acknowledging = (async () => {
      if (interaction.isMessageComponent()) await interaction.deferUpdate();
      else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    })();
    return this.acknowledging;
  }

  /** Shows a message: replacing the one the person acted on when asked and possible, else as a new private message. */
  async show(payload: MessagePayload, options: { replace: boolean }): Promise<void> {
    await this.acknowledging;
    const interaction = this.interaction;
    const replace = options.replace && this.hasOriginMessage;
    if (!this.answered) {
      if (replace && interaction.isMessageComponent()) {
        await interaction.update({ ...payload });
        return;
      }
      if (replace && interaction.isModalSubmit() && interaction.isFromMessage()) {
        await interaction.update({ ...payload });
        return;
      }
      await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
      return;
    }
    // A deferred update stands for the message acted on; a deferred reply for a new one.
    const deferredUpdate = interaction.isMessageComponent();
    if (interaction.deferred && !this.deferredFilled && (replace || !deferredUpdate)) {
      this.deferredFilled = true;
      await interaction.editReply({ ...payload });
      return;
    }
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  }
}
