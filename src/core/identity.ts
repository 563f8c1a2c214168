import { z } from 'zod';

export const PLATFORMS = ['terminal', 'discord', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A Discord guild, a Slack workspace or the local terminal: each has its own data and programme. */
export const communityRefSchema = z.object({
  platform: z.enum(PLATFORMS),
  id: z.string().min(1).max(100),
});
export type CommunityRef = z.infer<typeof communityRefSchema>;

/** A person is only ever known inside one community: platform + community + user id. */
export const participantIdSchema = z.object({
  platform: z.enum(PLATFORMS),
  communityId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
});
export type ParticipantId = z.infer<typeof participantIdSchema>;

export function participantIdOf(community: CommunityRef, userId: string): ParticipantId {
  return { platform: community.platform, communityId: community.id, userId };
}
