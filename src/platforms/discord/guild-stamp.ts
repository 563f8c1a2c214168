import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { MAX_BUTTON_ID_LENGTH } from '../../dispatch/button-id';
import type { MessageRow } from './discord-components';
import type { MessagePayload } from './discord-message';

/**
 * Discord sends a component used in a DM without any guild (`guild_id` absent, `context` 1): the
 * server a button belongs to must travel in its custom id. Components shown in a DM carry
 * `g1|<server id in base 36>|<custom id>`: base 36 makes a snowflake 13 characters at most instead
 * of 20, leaving more of Discord's 100 to the button itself.
 */
const STAMP = 'g1';

function toBase36(snowflake: string): string {
  return BigInt(snowflake).toString(36);
}

function fromBase36(text: string): string | undefined {
  if (!/^[0-9a-z]{1,13}$/.test(text)) return undefined;
  let value = 0n;
  for (const digit of text) value = value * 36n + BigInt(Number.parseInt(digit, 36));
  return value.toString();
}

export function stampGuild(customId: string, guildId: string): string {
  const stamped = `${STAMP}|${toBase36(guildId)}|${customId}`;
  if (stamped.length > MAX_BUTTON_ID_LENGTH) {
    throw new Error(`custom id with its server longer than ${MAX_BUTTON_ID_LENGTH} characters: ${stamped}`);
  }
  return stamped;
}

/** The server and the custom id as the bot made it, when the id carries a server. */
export function readGuildStamp(customId: string): { guildId: string; customId: string } | undefined {
  const [stamp, guild = '', ...rest] = customId.split('|');
  const guildId = stamp === STAMP ? fromBase36(guild) : undefined;
  return guildId && rest.length > 0 ? { guildId, customId: rest.join('|') } : undefined;
}

/** Buttons and menus route interactions; text inputs inside a modal are field keys, left alone. */
function stampRows(rows: readonly MessageRow[], guildId: string): MessageRow[] {
  return rows.map((row) => ({
    ...row,
    components: row.components.map((component) =>
      'custom_id' in component ? { ...component, custom_id: stampGuild(component.custom_id, guildId) } : component,
    ),
  }));
}

export function stampPayload(payload: MessagePayload, guildId: string): MessagePayload {
  return payload.components.length === 0 ? payload : { ...payload, components: stampRows(payload.components, guildId) };
}

export function stampModal(modal: APIModalInteractionResponseCallbackData, guildId: string): APIModalInteractionResponseCallbackData {
  return { ...modal, custom_id: stampGuild(modal.custom_id, guildId) };
}
