import { z } from 'zod';
import { communityRefSchema } from '../identity';

/**
 * A member said privately that the binôme is "not a good fit" (offered after the first "we met").
 * The référent is told; coordinators may dissolve the binôme in one action (`resolvedAt`).
 * One per binôme and member: saying it twice changes nothing.
 */
export const fitConcernSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  binomeId: z.string().min(1).max(40),
  by: z.string().min(1).max(100),
  at: z.iso.datetime(),
  resolvedAt: z.iso.datetime().optional(),
  resolution: z.enum(['dissolved', 'kept']).optional(),
});
export type FitConcern = z.infer<typeof fitConcernSchema>;

export const isOpenFitConcern = (concern: FitConcern): boolean => concern.resolvedAt === undefined;
