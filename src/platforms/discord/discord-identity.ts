import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { ActorFacts } from '../../core/access';
import { type Locale, supportedLocale } from '../../core/i18n/locale';
import type { CommunityRef } from '../../core/identity';

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
