import path from 'node:path';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { Programme } from '../../src/core/programme/programme-schema';

export const CONFIG_DIR = path.resolve(import.meta.dirname, '../../config');

/** The default programme shipped in config/, as every community gets it. */
export function defaultProgramme(): Programme {
  return loadProgrammes(CONFIG_DIR).programmeFor({ platform: 'terminal', id: 'local' });
}
