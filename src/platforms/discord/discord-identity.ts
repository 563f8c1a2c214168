import { type Guild, type Interaction, PermissionFlagsBits, RESTJSONErrorCodes, type User } from 'discord.js';
import type { ActorFacts } from '../../core/access';
import { type Locale, supportedLocale } from '../../core/i18n/locale';
import type { CommunityRef } from '../../core/identity';
import { discordErrorCode } from './discord-errors';

/** `fr` → French, `en-US` and `en-GB` → English; any other Discord locale gets the community's default. */
export function discordLocale(tag: string | null | undefined): Locale | undefined {
  return supportedLocale(tag);
}

export function discordCommunity(guildId: string): CommunityRef {
  return { platform: 'discord', id: guildId };
}

/**
 * Who is acting: roles by id and by name (the config may name either), and whether they
 * administer the server. Read from the interaction itself, so no member intent is needed.
 */
export function discordActor(interaction: Interaction): ActorFacts {
  const member = interaction.member;
  const roleIds: string[] = member ? (Array.isArray(member.roles) ? [...member.roles] : [...member.roles.cache.keys()]) : [];
  const roleNames = roleIds.flatMap((id) => {
    const name = interaction.guild?.roles.cache.get(id)?.name;
    return name === undefined ? [] : [name];
  });
  const nick = member && 'nick' in member ? member.nick : null;
  return {
    userId: interaction.user.id,
    displayName: nick ?? interaction.user.globalName ?? interaction.user.username,
    platformRoles: [...roleIds, ...roleNames],
    isAdministrator: interaction.memberPermissions?.has(PermissionFlagsBits.Administrator) ?? false,
  };
}

/**
 * Who is acting in a DM, where Discord gives the user but no member: roles and administration are
 * read from the server the button belongs to. Fetched, not cached: without the members intent no
 * role change reaches the cache. Someone who left the server acts without any role.
 */
export async function discordMemberActor(guild: Guild, user: User): Promise<ActorFacts> {
  try {
    const member = await guild.members.fetch({ user: user.id, force: true });
    const roles = [...member.roles.cache.values()];
    return {
      userId: user.id,
      displayName: member.nickname ?? user.globalName ?? user.username,
      platformRoles: [...roles.map((role) => role.id), ...roles.map((role) => role.name)],
      isAdministrator: member.permissions.has(PermissionFlagsBits.Administrator),
    };
  } catch (error) {
    const code = discordErrorCode(error);
    if (code !== RESTJSONErrorCodes.UnknownMember && code !== RESTJSONErrorCodes.UnknownUser) throw error;
    return { userId: user.id, displayName: user.globalName ?? user.username, platformRoles: [], isAdministrator: false };
  }
}
