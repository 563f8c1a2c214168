import { z } from 'zod';

/** The input schema of a command that takes no option: anything typed after it is ignored. */
export const noOptions = z.object({}).transform(() => ({}));
