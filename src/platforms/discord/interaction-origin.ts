import type { Guild } from 'discord.js';
import { readGuildStamp } from './guild-stamp';
import type { AnswerableInteraction } from './interaction-answer';

/**
 * Where an interaction comes from, and the custom id as the bot made it. In a server, Discord names
 * the guild; in a DM it names none, and the server is the one stamped in the custom id.
 */
export type InteractionOrigin =
  | { readonly kind: 'guild'; readonly guildId: string; readonly customId: string | undefined }
  | { readonly kind: 'dm'; readonly guild: Guild; readonly customId: string }
  /** A component in a DM whose server is unknown: stamped with none, or one the bot has left. */
  | { readonly kind: 'unknown-dm' };

/** Undefined for what the bot never answers: a slash command outside a server (commands are registered for servers only). */
export function originOf(interaction: AnswerableInteraction): InteractionOrigin | undefined {
  const customId = interaction.isChatInputCommand() ? undefined : interaction.customId;
  const stamp = customId === undefined ? undefined : readGuildStamp(customId);
  if (interaction.inGuild()) {
    // A stamp counts in its own server only; any other stays in the id, which then names no button.
    const own = stamp?.guildId === interaction.guildId ? stamp.customId : customId;
    return { kind: 'guild', guildId: interaction.guildId, customId: own };
  }
  if (customId === undefined) return undefined;
  const guild = stamp ? interaction.client.guilds.cache.get(stamp.guildId) : undefined;
  return stamp && guild ? { kind: 'dm', guild, customId: stamp.customId } : { kind: 'unknown-dm' };
}
