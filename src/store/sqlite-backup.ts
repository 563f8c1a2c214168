import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';

/** The table @keyv/sqlite keeps records in, and the namespace every Mentorat key starts with (see sqlite-store.ts, keyv-store.ts). */
const TABLE = 'keyv';
const NAMESPACE_PREFIX = 'mentorat:';

/** Something the operator can act on: the CLI prints the message alone, with no stack. */
export class SqliteFileError extends Error {}

/** What a backup or a restore did, for the command to print. */
export interface StoreFileSummary {
  readonly path: string;
  readonly records: number;
}

/**
 * Copies the store at `source` to `destination` with `VACUUM INTO`: one read transaction, so the
 * copy is the store as it was at one instant even while the bot writes (WAL lets writers go on).
 * The copy is then checked as a restore would check it.
 */
export async function backupSqliteFile(source: string, destination: string): Promise<StoreFileSummary> {
  if (!existsSync(source)) throw new SqliteFileError(`There is no store at ${source}.`);
  if (existsSync(destination))
    throw new SqliteFileError(`${destination} already exists: choose a new file, a backup never overwrites one.`);
  await mkdir(dirname(destination), { recursive: true });
  const db = await open(source, sqlite3.OPEN_READWRITE);
  try {
    // The bot's writes hold the write lock only briefly: wait for one to finish rather than fail.
    await run(db, 'PRAGMA busy_timeout = 5000');
    await run(db, 'VACUUM INTO ?', destination);
  } finally {
    await close(db);
  }
  await keepPrivate(destination);
  return checkStoreFile(destination);
}

/**
 * Checks that `path` is a sound SQLite file (`PRAGMA integrity_check`) holding a Mentorat store:
 * the records table, and no key outside the bot's namespace.
 */
export async function checkStoreFile(path: string): Promise<StoreFileSummary> {
  if (!existsSync(path)) throw new SqliteFileError(`There is no file at ${path}.`);
  let db: sqlite3.Database;
  try {
    db = await open(path, sqlite3.OPEN_READONLY);
  } catch (error) {
    throw new SqliteFileError(`${path} cannot be opened as SQLite: ${messageOf(error)}`);
  }
  try {
    const integrity = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check').catch((error: unknown) => {
      throw new SqliteFileError(`${path} is not a sound SQLite file: ${messageOf(error)}`);
    });
    const verdict = integrity.map((row) => row.integrity_check);
    if (verdict.length !== 1 || verdict[0] !== 'ok') {
      throw new SqliteFileError(`${path} failed SQLite's integrity check: ${verdict.slice(0, 3).join('; ')}`);
    }
    const columns = (await all<{ name: string }>(db, `PRAGMA table_info(${TABLE})`)).map((row) => row.name);
    if (!columns.includes('key') || !columns.includes('value')) {
      throw new SqliteFileError(`${path} is a SQLite file but not a Mentorat store (it has no ${TABLE} table of keys and values).`);
    }
    const [counts] = await all<{ records: number; outside: number }>(
      db,
      `SELECT count(*) AS records, count(*) FILTER (WHERE substr(key, 1, ?) <> ?) AS outside FROM ${TABLE}`,
      NAMESPACE_PREFIX.length,
      NAMESPACE_PREFIX,
    );
    if (counts === undefined) throw new SqliteFileError(`${path} could not be counted`);
    if (counts.outside > 0) {
      const which = counts.outside === 1 ? 'a key does' : `${counts.outside} keys do`;
      throw new SqliteFileError(`${path} is not a Mentorat store: ${which} not start with ${NAMESPACE_PREFIX}`);
    }
    return { path, records: counts.records };
  } finally {
    await close(db);
  }
}

/** What a restore did: the store's new content, and where what it replaced was kept. */
export interface RestoreSummary extends StoreFileSummary {
  readonly previous: string | undefined;
}

/**
 * Replaces the store at `target` with the backup at `source`, refusing while any other connection
 * (a running bot) has the store open. The backup is checked first; the store it replaces is kept
 * beside it (`previousCopy`) unless it did not exist. The copy goes through SQLite's online backup
 * API into the target itself, never by moving files, so a leftover `-wal` file cannot be replayed
 * over the restored content.
 */
export async function restoreSqliteFile(source: string, target: string, previousCopy: string): Promise<RestoreSummary> {
  const backup = await checkStoreFile(source);
  const existed = existsSync(target);
  // As the bot does on its first start: the store's folder may not exist yet.
  await mkdir(dirname(target), { recursive: true });
  const db = await open(target, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    await holdAlone(db, target);
    let previous: string | undefined;
    if (existed) {
      await run(db, 'VACUUM INTO ?', previousCopy);
      await keepPrivate(previousCopy);
      previous = previousCopy;
    }
    await copyInto(db, source);
    return { path: target, records: backup.records, previous };
  } finally {
    await close(db);
  }
}

/**
 * Takes the store for this connection alone until it closes. Leaving WAL mode needs every other
 * connection gone, and SQLite knows of every one (each holds a lock on the `-shm` file while
 * open, even idle): so this fails at once while a bot runs on the file, and a bot started during
 * the restore waits for it. A lock file of our own would outlive a bot killed with `kill -9`.
 */
async function holdAlone(db: sqlite3.Database, target: string): Promise<void> {
  const inUse = () =>
    new SqliteFileError(`The store ${target} is open in another process (a running bot?): stop the bot, then restore again.`);
  await run(db, 'PRAGMA busy_timeout = 0');
  await run(db, 'PRAGMA locking_mode = EXCLUSIVE');
  let mode: string | undefined;
  try {
    [{ journal_mode: mode } = { journal_mode: undefined }] = await all<{ journal_mode: string }>(db, 'PRAGMA journal_mode = DELETE');
    // In exclusive locking mode, the first write transaction's lock stays until the connection closes.
    await run(db, 'BEGIN EXCLUSIVE');
    await run(db, 'COMMIT');
  } catch (error) {
    if (isBusy(error)) throw inUse();
    throw error;
  }
  if (mode !== 'delete') throw inUse();
}

/** SQLite's online backup API, from the file into this connection's database, in one step. */
function copyInto(db: sqlite3.Database, source: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // (filename, destination name, source name, filenameIsDestination): the file is the source here.
    const backup = (db as unknown as { backup: BackupFactory }).backup(source, 'main', 'main', false, (error) => {
      if (error) return reject(error);
      backup.step(-1, (stepError) => {
        if (stepError) return reject(stepError);
        backup.finish((finishError) => (finishError ? reject(finishError) : resolve()));
      });
    });
  });
}

/** sqlite3's Backup, which its type definitions leave out. */
type BackupFactory = (
  filename: string,
  destinationName: string,
  sourceName: string,
  filenameIsDestination: boolean,
  callback: (error: Error | null) => void,
) => { step(pages: number, callback: (error: Error | null) => void): void; finish(callback: (error: Error | null) => void): void };

/** A copy holds everyone's personal data: readable by the bot's user only, whatever the umask. */
function keepPrivate(path: string): Promise<void> {
  return chmod(path, 0o600);
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && /SQLITE_(BUSY|LOCKED)/.test(error.message);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(db)));
  });
}

function run(db: sqlite3.Database, sql: string, ...params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())));
}

function all<T>(db: sqlite3.Database, sql: string, ...params: unknown[]): Promise<T[]> {
  return new Promise((resolve, reject) => db.all<T>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}
