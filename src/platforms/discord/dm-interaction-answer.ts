import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import type { MessagePayload } from './discord-message';
import { stampModal, stampPayload } from './guild-stamp';
import { type AnswerableInteraction, type AnswerTiming, InteractionAnswer } from './interaction-answer';

/**
 * The answer to an interaction in a DM: every button, menu and modal it shows carries the server,
 * since Discord will not say which one when the person uses them (see guild-stamp.ts).
 */
export class DmInteractionAnswer extends InteractionAnswer {
  constructor(
    interaction: AnswerableInteraction,
    timing: AnswerTiming,
    private readonly guildId: string,
  ) {
    super(interaction, timing);
  }

  // Async, so that an id too long to stamp rejects like any failed answer; the answer is still claimed at once.
  override async show(payload: MessagePayload, options: { replace: boolean }): Promise<void> {
    return super.show(stampPayload(payload, this.guildId), options);
  }

  override async openModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    return super.openModal(stampModal(modal, this.guildId));
  }
}
