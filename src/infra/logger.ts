import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

/**
 * Never logged: credentials, and anything a person typed (form values, report texts, profiles).
 * Log lines carry ids and outcomes, which is enough to follow an interaction.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'values',
  '*.values',
  'answers',
  '*.answers',
  'profile',
  '*.profile',
  'text',
  '*.text',
  'description',
  '*.description',
  // A Discord error carries the request it refused (message texts, form answers) and its URL,
  // which holds the interaction token for answers.
  'err.requestBody',
  'err.url',
  'err.rawError',
];

export interface LoggerOptions {
  readonly level: string;
  /** A file path, or undefined for standard error (standard output carries the terminal chat). */
  readonly file: string | undefined;
}

export function createLogger(options: LoggerOptions): Logger {
  if (options.file) mkdirSync(path.dirname(path.resolve(options.file)), { recursive: true });
  const destination = pino.destination({ dest: options.file ?? 2, sync: true, mkdir: true });
  return pino({ level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'mentorat' } }, destination);
}
