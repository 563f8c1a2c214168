import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup, runRestore } from '../../src/cli/store-file-commands';
import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { LOCAL, makeEnrolment, participantIn } from '../store/enrolment-fixture';
import { runCli, runTestScript, until } from '../support/child-process';

let folder: string;
const running: ReturnType<typeof runTestScript>[] = [];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mentorat-backup-'));
});
afterEach(async () => {
  for (const writer of running.splice(0)) {
    writer.child.kill('SIGTERM');
    await writer.exited;
  }
  await rm(folder, { recursive: true, force: true });
});

const storeUrl = (file: string) => ({ STORE_URL: `sqlite://${join(folder, file)}` });

/** A process enrolling people one after the other in the store, as a running bot would. */
async function startWriter(file: string, atLeast: number, then: 'go on' | 'idle' = 'go on') {
  const writer = runTestScript('test/cli/store-writer.ts', [join(folder, file), ...(then === 'idle' ? [String(atLeast)] : [])], {});
  running.push(writer);
  await until(() => writtenBy(writer) >= atLeast, `the writer's first ${atLeast} enrolments`, 40_000);
  return writer;
}

function writtenBy(writer: ReturnType<typeof runTestScript>): number {
  return Number(/wrote (\d+)\n(?!.*wrote)/s.exec(writer.output.stdout)?.[1] ?? 0);
}

async function stop(writer: ReturnType<typeof runTestScript>): Promise<number> {
  writer.child.kill('SIGTERM');
  expect(await writer.exited).toBe(0);
  running.splice(running.indexOf(writer), 1);
  return Number(/stopped after (\d+)/.exec(writer.output.stdout)?.[1]);
}

async function enrolledIn(file: string): Promise<string[]> {
  const store = await openSqliteStore(join(folder, file));
  try {
    const enrolments = await createEnrolmentRepository(store).listByCommunity(LOCAL);
    return enrolments.map((enrolment) => enrolment.participant.userId).sort();
  } finally {
    await store.close();
  }
}

const writers = (count: number) => Array.from({ length: count }, (_, index) => `writer-${String(index).padStart(5, '0')}`);

describe('npm run backup', () => {
  it('copies a store while a bot writes to it, and the copy restores into a fresh store whose enrolments read back', async () => {
    const writer = await startWriter('live.sqlite', 20);
    const backup = await runBackup([join(folder, 'backup.sqlite')], storeUrl('live.sqlite'));
    const afterBackup = writtenBy(writer);
    await until(() => writtenBy(writer) > afterBackup + 20, 'the writer going on after the backup');
    const total = await stop(writer);

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const copied = Number(
      /^Backed up (\d+) records from .*live\.sqlite to .*backup\.sqlite \(integrity checked\)\.\n$/.exec(backup.stdout)?.[1],
    );
    // One instant of the store: every enrolment written before it, none missing in between, none after.
    expect(copied).toBeGreaterThanOrEqual(20);
    expect(copied).toBeLessThan(total);

    const restore = await runRestore([join(folder, 'backup.sqlite')], storeUrl('fresh/mentorat.sqlite'));
    expect(restore).toEqual({
      code: 0,
      stdout: `Restored ${copied} records from ${join(folder, 'backup.sqlite')} into ${join(folder, 'fresh/mentorat.sqlite')}.\n`,
      stderr: '',
    });
    expect(await enrolledIn('fresh/mentorat.sqlite')).toEqual(writers(copied));
    expect(await enrolledIn('live.sqlite')).toEqual(writers(total));
  });

  it('creates the destination folder and makes the copy readable by its owner only, as it holds personal data', async () => {
    const store = await openSqliteStore(join(folder, 'live.sqlite'));
    await createEnrolmentRepository(store).save(makeEnrolment());
    await store.close();

    const backup = await runBackup([join(folder, 'backups/2026/copy.sqlite')], storeUrl('live.sqlite'));

    expect(backup.code).toBe(0);
    expect((await stat(join(folder, 'backups/2026/copy.sqlite'))).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an existing file', async () => {
    const store = await openSqliteStore(join(folder, 'live.sqlite'));
    await createEnrolmentRepository(store).save(makeEnrolment());
    await store.close();
    await writeFile(join(folder, 'taken.sqlite'), 'precious');

    const backup = await runBackup([join(folder, 'taken.sqlite')], storeUrl('live.sqlite'));
    expect(backup).toEqual({
      code: 1,
      stdout: '',
      stderr: `${join(folder, 'taken.sqlite')} already exists: choose a new file, a backup never overwrites one.\n`,
    });
  });

  it('points to the README for a store on a server, without repeating its URL', async () => {
    const backup = await runBackup(['copy.sqlite'], { STORE_URL: 'postgresql://bot:s3cret@db:5432/mentorat' });
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('the store is a postgresql:// one: see "Operating the bot" in the README');
    expect(backup.stderr).not.toContain('s3cret');
  });

  it('asks for exactly one file', async () => {
    const backup = await runBackup([], storeUrl('live.sqlite'));
    expect(backup.code).toBe(2);
    expect(backup.stderr).toMatch(/^✖ expected exactly one file\n {2}→ at positionals\n\nUsage: npm run backup -- <destination file>/);
    expect((await runBackup(['a', '--verbose'], storeUrl('live.sqlite'))).stderr).toMatch(/^Unknown option '--verbose'/);
  });
});

describe('the npm scripts', () => {
  it('read STORE_URL from the environment and answer with an exit code', async () => {
    const store = await openSqliteStore(join(folder, 'live.sqlite'));
    await createEnrolmentRepository(store).save(makeEnrolment());
    await store.close();
    const env = storeUrl('live.sqlite');

    const backup = runCli('backup', [join(folder, 'copy.sqlite')], env);
    expect(await backup.exited).toBe(0);
    const again = runCli('backup', [join(folder, 'copy.sqlite')], env);
    expect(await again.exited).toBe(1);
    const restore = runCli('restore', [join(folder, 'copy.sqlite'), '--store', `sqlite://${join(folder, 'other.sqlite')}`], env);
    expect(await restore.exited).toBe(0);

    expect(backup.output.stdout).toBe(
      `Backed up 1 record from ${join(folder, 'live.sqlite')} to ${join(folder, 'copy.sqlite')} (integrity checked).\n`,
    );
    expect(again.output.stderr).toContain('already exists');
    expect(await enrolledIn('other.sqlite')).toEqual(['alice']);
  });
});

describe('npm run restore', () => {
  it('refuses while a bot has the store open, and leaves the store as it was', async () => {
    const store = await openSqliteStore(join(folder, 'old.sqlite'));
    await createEnrolmentRepository(store).save(makeEnrolment({ participant: participantIn(LOCAL, 'zoe') }));
    await store.close();
    expect((await runBackup([join(folder, 'backup.sqlite')], storeUrl('old.sqlite'))).code).toBe(0);

    const writer = await startWriter('live.sqlite', 5);
    const restore = await runRestore([join(folder, 'backup.sqlite')], storeUrl('live.sqlite'));
    const total = await stop(writer);

    expect(restore).toEqual({
      code: 1,
      stdout: '',
      stderr: `The store ${join(folder, 'live.sqlite')} is open in another process (a running bot?): stop the bot, then restore again.\n`,
    });
    expect(await enrolledIn('live.sqlite')).toEqual(writers(total));
  });

  it('refuses while a bot has the store open and writes nothing, as a quiet bot at night', async () => {
    const old = await openSqliteStore(join(folder, 'old.sqlite'));
    await createEnrolmentRepository(old).save(makeEnrolment({ participant: participantIn(LOCAL, 'zoe') }));
    await old.close();
    expect((await runBackup([join(folder, 'backup.sqlite')], storeUrl('old.sqlite'))).code).toBe(0);
    const writer = await startWriter('live.sqlite', 3, 'idle');
    await until(() => writer.output.stdout.endsWith('idle\n'), 'the writer going idle');

    const restore = await runRestore([join(folder, 'backup.sqlite')], storeUrl('live.sqlite'));
    await stop(writer);

    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('is open in another process (a running bot?)');
    expect(await enrolledIn('live.sqlite')).toEqual(writers(3));
  });

  it('is not blocked by a bot killed with kill -9, which leaves nothing stale behind', async () => {
    const old = await openSqliteStore(join(folder, 'old.sqlite'));
    await createEnrolmentRepository(old).save(makeEnrolment({ participant: participantIn(LOCAL, 'zoe') }));
    await old.close();
    expect((await runBackup([join(folder, 'backup.sqlite')], storeUrl('old.sqlite'))).code).toBe(0);
    const writer = await startWriter('live.sqlite', 3, 'idle');
    await until(() => writer.output.stdout.endsWith('idle\n'), 'the writer going idle');
    writer.child.kill('SIGKILL');
    await writer.exited;
    running.splice(running.indexOf(writer), 1);

    const restore = await runRestore([join(folder, 'backup.sqlite')], storeUrl('live.sqlite'));

    expect(restore.code).toBe(0);
    expect(await enrolledIn('live.sqlite')).toEqual(['zoe']);
  });

  it('replaces a stopped bot’s store and keeps what it held beside it', async () => {
    const old = await openSqliteStore(join(folder, 'backup-source.sqlite'));
    await createEnrolmentRepository(old).save(makeEnrolment({ participant: participantIn(LOCAL, 'zoe') }));
    await old.close();
    await runBackup([join(folder, 'backup.sqlite')], storeUrl('backup-source.sqlite'));
    const live = await openSqliteStore(join(folder, 'live.sqlite'));
    await createEnrolmentRepository(live).save(makeEnrolment({ participant: participantIn(LOCAL, 'yann') }));
    await live.close();

    const restore = await runRestore([join(folder, 'backup.sqlite')], storeUrl('live.sqlite'), new Date('2026-12-06T03:00:00.000Z'));

    const kept = 'live.sqlite.before-restore-2026-12-06T03-00-00-000Z';
    expect(restore.stdout).toBe(
      `Restored 1 record from ${join(folder, 'backup.sqlite')} into ${join(folder, 'live.sqlite')}. What it held before is in ${join(folder, kept)}.\n`,
    );
    expect(await enrolledIn('live.sqlite')).toEqual(['zoe']);
    expect(await enrolledIn(kept)).toEqual(['yann']);
  });

  it('refuses a file that is not a sound Mentorat store, before touching the store', async () => {
    const live = await openSqliteStore(join(folder, 'live.sqlite'));
    await createEnrolmentRepository(live).save(makeEnrolment({ participant: participantIn(LOCAL, 'yann') }));
    await live.close();
    await writeFile(join(folder, 'notes.txt'), 'not a database, just notes');
    const other = new sqlite3.Database(join(folder, 'other.sqlite'));
    await new Promise<void>((resolve, reject) =>
      other.exec("CREATE TABLE keyv (key TEXT, value TEXT); INSERT INTO keyv VALUES ('cache:x', '1');", (error) =>
        error ? reject(error) : other.close(() => resolve()),
      ),
    );
    const before = await readdir(folder);

    const text = await runRestore([join(folder, 'notes.txt')], storeUrl('live.sqlite'));
    const foreign = await runRestore([join(folder, 'other.sqlite')], storeUrl('live.sqlite'));
    const missing = await runRestore([join(folder, 'nothing.sqlite')], storeUrl('live.sqlite'));

    expect(text).toEqual({
      code: 1,
      stdout: '',
      stderr: `${join(folder, 'notes.txt')} is not a sound SQLite file: SQLITE_NOTADB: file is not a database\n`,
    });
    expect(foreign.stderr).toBe(`${join(folder, 'other.sqlite')} is not a Mentorat store: a key does not start with mentorat:\n`);
    expect(missing.stderr).toBe(`There is no file at ${join(folder, 'nothing.sqlite')}.\n`);
    expect(await readdir(folder)).toEqual(before);
    expect(await enrolledIn('live.sqlite')).toEqual(['yann']);
  });
});
