import type { UseCaseContext } from '../context';

/**
 * Who can be given binômes to follow: the user ids named in config (`access.referents.users`)
 * and those coordinators added in chat. People holding the référents' Discord role or Slack group
 * may use the référents' commands, but a role cannot be listed without extra platform rights, so
 * they follow binômes once added by id.
 */
export async function referentIds(ctx: UseCaseContext): Promise<string[]> {
  const stored = await ctx.ports.referents.list(ctx.community);
  return [...new Set([...ctx.programme.access.referents.users, ...stored.map((referent) => referent.userId)])].sort();
}
