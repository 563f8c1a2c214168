import { z } from 'zod';
import type { ScoreTerm } from './compatibility';

/** A score term as stored with a proposal or a binôme, so its reasons can be shown later. */
export const scoreTermSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shared-fields'), items: z.array(z.string()).readonly(), points: z.number().int() }),
  z.object({
    kind: z.literal('wished-sector'),
    wished: z.enum(['academic', 'private', 'any']).optional(),
    sector: z.enum(['academic', 'private', 'both']),
    points: z.number().int(),
  }),
  z.object({ kind: z.literal('offered-topics'), items: z.array(z.string()).readonly(), points: z.number().int() }),
  z.object({ kind: z.literal('same-region'), region: z.string(), points: z.number().int() }),
  z.object({ kind: z.literal('compatible-format'), points: z.number().int() }),
  z.object({ kind: z.literal('first-in-line'), points: z.number().int() }),
]) satisfies z.ZodType<ScoreTerm>;
