import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Env } from '../config/env';
import { sqliteFileOf } from '../store/create-store';
import { backupSqliteFile, restoreSqliteFile, SqliteFileError } from '../store/sqlite-backup';

export const BACKUP_USAGE = `Usage: npm run backup -- <destination file> [--store sqlite://<file>]

Copies the SQLite store (STORE_URL, or --store) to a new file, consistent at one instant, while
the bot keeps running. The destination must not exist. Exit codes: 0 done, 1 failed, 2 bad arguments.`;

export const RESTORE_USAGE = `Usage: npm run restore -- <backup file> [--store sqlite://<file>]

Replaces the SQLite store (STORE_URL, or --store) with a backup, after checking that the backup
is a sound Mentorat store. Refused while a bot has the store open: stop it first. What the store
held before is kept beside it as <store>.before-restore-<time>. Exit codes: 0 done, 1 failed or
refused, 2 bad arguments.`;

export interface CommandOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const argumentsSchema = z.object({
  positionals: z.array(z.string().trim().min(1, 'the file name is empty')).length(1, 'expected exactly one file'),
  values: z.object({ store: z.string().min(1).optional() }),
});
const helpSchema = z.object({ values: z.object({ help: z.literal(true) }) });

type Parsed = { help: true } | { help: false; file: string; storeFile: string };

/** The one file argument and the store's file, or a message saying what is wrong. */
function readArguments(args: readonly string[], env: Pick<Env, 'STORE_URL'>): Parsed | string {
  let raw: unknown;
  try {
    raw = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { store: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (helpSchema.safeParse(raw).success) return { help: true };
  const parsed = argumentsSchema.safeParse(raw);
  if (!parsed.success) return z.prettifyError(parsed.error);
  const url = parsed.data.values.store ?? env.STORE_URL;
  const storeFile = sqliteFileOf(url);
  if (storeFile === undefined) {
    // Only the scheme is repeated: a server URL may hold a password.
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1] ?? 'this';
    return `backup and restore work on a SQLite store (sqlite://…); the store is a ${scheme}:// one: see "Operating the bot" in the README for pg_dump and Redis.`;
  }
  const [file] = parsed.data.positionals;
  return file === undefined ? 'expected exactly one file' : { help: false, file, storeFile };
}

const recordCount = (count: number): string => (count === 1 ? '1 record' : `${count} records`);

async function outcomeOf(work: () => Promise<string>): Promise<CommandOutcome> {
  try {
    return { code: 0, stdout: `${await work()}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof SqliteFileError) return { code: 1, stdout: '', stderr: `${error.message}\n` };
    return { code: 1, stdout: '', stderr: `Failed: ${error instanceof Error ? error.message : String(error)}\n` };
  }
}

/** `npm run backup -- <destination>`. */
export async function runBackup(args: readonly string[], env: Pick<Env, 'STORE_URL'>): Promise<CommandOutcome> {
  const parsed = readArguments(args, env);
  if (typeof parsed === 'string') return { code: 2, stdout: '', stderr: `${parsed}\n\n${BACKUP_USAGE}\n` };
  if (parsed.help) return { code: 0, stdout: `${BACKUP_USAGE}\n`, stderr: '' };
  return outcomeOf(async () => {
    const copy = await backupSqliteFile(parsed.storeFile, parsed.file);
    return `Backed up ${recordCount(copy.records)} from ${parsed.storeFile} to ${copy.path} (integrity checked).`;
  });
}

/** `npm run restore -- <backup>`; `now` names the copy of what the store held before. */
export async function runRestore(args: readonly string[], env: Pick<Env, 'STORE_URL'>, now = new Date()): Promise<CommandOutcome> {
  const parsed = readArguments(args, env);
  if (typeof parsed === 'string') return { code: 2, stdout: '', stderr: `${parsed}\n\n${RESTORE_USAGE}\n` };
  if (parsed.help) return { code: 0, stdout: `${RESTORE_USAGE}\n`, stderr: '' };
  return outcomeOf(async () => {
    const previousCopy = `${parsed.storeFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const restored = await restoreSqliteFile(parsed.file, parsed.storeFile, previousCopy);
    const kept = restored.previous === undefined ? '' : ` What it held before is in ${restored.previous}.`;
    return `Restored ${recordCount(restored.records)} from ${parsed.file} into ${restored.path}.${kept}`;
  });
}
