import type { Guild } from 'discord.js';
import { foldForMatching } from '../../core/forms/raw-input';

/**
 * The server's roles a space request names, by id or by name (case and accents aside, as the
 * config's coordinator roles are matched). A name no role has is skipped: a role renamed or deleted
 * must not keep the others out. @everyone never counts: naming it would open the space to all.
 */
export function spaceRoleIds(guild: Guild, names: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    const wanted = foldForMatching(name);
    const role = guild.roles.cache.get(name) ?? guild.roles.cache.find((candidate) => foldForMatching(candidate.name) === wanted);
    if (role && role.id !== guild.roles.everyone.id) ids.add(role.id);
  }
  return [...ids];
}
