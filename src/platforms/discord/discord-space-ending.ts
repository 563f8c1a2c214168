import { CategoryChannel, type Client, type OverwriteType, PermissionFlagsBits, TextChannel } from 'discord.js';
import type { CommunityRef } from '../../core/identity';
import type { ArchiveSpaceResult, DeliveryResult } from '../../core/ports';
import type { ProgrammeDirectory } from '../../dispatch/dispatcher';
import { PERMISSION_NAMES, undeliveredBecause } from './discord-errors';
import { categoryWithRoom, inCategorySeries } from './discord-spaces';

const SEND = PermissionFlagsBits.SendMessages;

/** The overwrites of an archived channel: everyone let in keeps View Channels and Read Message History, loses Send Messages. */
function readOnlyOverwrites(channel: TextChannel, botId: string | undefined) {
  const everyone = channel.guild.roles.everyone.id;
  return channel.permissionOverwrites.cache.map((overwrite) => {
    const { id, type } = overwrite;
    const allow = overwrite.allow.bitfield;
    const deny = overwrite.deny.bitfield;
    // The bot keeps its own access (it may still have to read the channel); @everyone is already kept out.
    if (id === everyone || id === botId) return { id, type: type as OverwriteType, allow, deny };
    return { id, type: type as OverwriteType, allow: allow & ~SEND, deny: deny | SEND };
  });
}

/**
 * What ends a binôme's channel: a member who left loses their overwrite (the channel hides itself
 * from them at once, as from anyone not let in), and at the end of the cycle the channel turns
 * read-only and moves under the archive category, in one edit, so a failure leaves it as it was.
 */
export function createDiscordSpaceEnding(client: Client, programmes: ProgrammeDirectory) {
  async function textChannel(spaceId: string): Promise<TextChannel | undefined> {
    const channel = await client.channels.fetch(spaceId);
    return channel instanceof TextChannel ? channel : undefined;
  }

  return {
    async remove(spaceId: string, userId: string): Promise<DeliveryResult> {
      try {
        const channel = await textChannel(spaceId);
        if (!channel) return { ok: false, reason: 'unreachable' };
        // Deleted rather than denied: someone who also holds a role let in (a coordinator) keeps that access.
        if (channel.permissionOverwrites.cache.has(userId)) await channel.permissionOverwrites.delete(userId);
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error, PERMISSION_NAMES.ManageRoles);
      }
    },

    async archive(community: CommunityRef, spaceId: string): Promise<ArchiveSpaceResult> {
      try {
        const channel = await textChannel(spaceId);
        if (!channel) return { ok: false, reason: 'unreachable' };
        const base = programmes.programmeFor(community).spaces.discordArchiveCategory;
        const botId = client.user?.id;
        const overwrites = readOnlyOverwrites(channel, botId);
        const everyone = channel.guild.roles.everyone.id;
        const alreadyReadOnly = channel.permissionOverwrites.cache.every(
          (overwrite) => overwrite.id === everyone || overwrite.id === botId || (overwrite.deny.has(SEND) && !overwrite.allow.has(SEND)),
        );
        const parent = channel.parent;
        const archived = parent !== null && inCategorySeries(parent, base);
        if (archived && alreadyReadOnly) return { ok: true };
        const category = archived && parent ? parent : await categoryWithRoom(channel.guild, base);
        if (!(category instanceof CategoryChannel)) {
          return category.reason === 'missing-category' || category.reason === 'limit-reached'
            ? { ok: false, reason: category.reason, ...(category.detail ? { detail: category.detail } : {}) }
            : { ok: false, reason: category.reason === 'missing-permission' ? 'missing-permission' : 'unreachable' };
        }
        await channel.edit({ parent: category.id, lockPermissions: false, permissionOverwrites: overwrites });
        return { ok: true };
      } catch (error) {
        return undeliveredBecause(error, `${PERMISSION_NAMES.ManageChannels}, ${PERMISSION_NAMES.ManageRoles}`);
      }
    },
  };
}
