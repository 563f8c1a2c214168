import { z } from 'zod';
import { communityRefSchema } from '../identity';

/** A référent named by coordinators in chat (`/mentorat-admin referents`), beside those in config. */
export const referentSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  userId: z.string().min(1).max(100),
  addedAt: z.iso.datetime(),
  addedBy: z.string().min(1).max(100),
});
export type Referent = z.infer<typeof referentSchema>;
