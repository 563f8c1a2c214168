import { z } from 'zod';
import { type Binome, binomeSchema } from './binome';

/** Version 1, stored before cycles: the same record without the cycle it belongs to. */
export const binomeV1Schema = binomeSchema.omit({ cycle: true }).extend({ schemaVersion: z.literal(1) });
export type BinomeV1 = z.infer<typeof binomeV1Schema>;

/** Binômes formed before cycles existed belong to the first cycle, the one a community starts with. */
export function upgradeBinomeV1(old: BinomeV1): Binome {
  return { ...old, schemaVersion: 2, cycle: 1 };
}
