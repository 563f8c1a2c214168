import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import type { FakeDiscord } from '../fakes/discord/types';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import type { FakeSlack } from '../fakes/slack/types';
import { type RunningProcess, runNpmStart, until } from '../support/child-process';
import { guildSeed } from '../support/discord-world';

/*
 * A supervisor (systemd, Docker, a process manager) runs the documented command, `npm start`, and
 * stops it by signalling the process it started: npm, not the bot under it. These tests do the
 * same and then look for the bot among the processes still running.
 */

const procfs = existsSync('/proc/self/stat');

/** State and parent of a process from /proc (Linux), or undefined once it is gone. */
function processStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    // The command name, in parentheses, may hold spaces: the fields start after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** Every process started under `root` (the shell npm runs the script in, then node). */
function descendantsOf(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = processStat(pid);
    if (stat) parents.set(stat.ppid, [...(parents.get(stat.ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Gone, or a zombie: exited, waiting only for whoever adopted it to collect its status. */
const hasExited = (pid: number) => {
  const state = processStat(pid)?.state;
  return state === undefined || state === 'Z';
};

/** The `node dist/main.js` process npm started. */
function botProcessUnder(npm: RunningProcess): number {
  const pid = npm.child.pid;
  if (pid === undefined) throw new Error('npm did not start');
  const bot = descendantsOf(pid).find((candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/cmdline`, 'utf8').split('\0').includes('dist/main.js');
    } catch {
      return false;
    }
  });
  if (bot === undefined) throw new Error('no `node dist/main.js` under npm start');
  return bot;
}

/** SIGTERM to the `npm start` process only, then: npm is gone and so is the bot, within the stop budget. */
async function stopAsASupervisor(npm: RunningProcess): Promise<number> {
  const bot = botProcessUnder(npm);
  expect(hasExited(bot)).toBe(false);
  const npmExited = new Promise((resolve) => npm.child.once('exit', resolve));
  npm.child.kill('SIGTERM');
  // Not `npm.exited`: that waits for the pipes, which a bot left running keeps open.
  await npmExited;
  await until(() => hasExited(bot), `the bot (pid ${bot}) to exit after npm start was sent SIGTERM`, 10_000);
  return bot;
}

let discord: FakeDiscord | undefined;
let slack: FakeSlack | undefined;
let started: RunningProcess | undefined;
afterEach(async () => {
  // A failed test must not leave a bot connected to the next one's fake.
  const pid = started?.child.pid;
  if (pid !== undefined && procfs) {
    for (const child of descendantsOf(pid)) process.kill(child, 'SIGKILL');
  }
  started?.child.kill('SIGKILL');
  started = undefined;
  await discord?.close();
  discord = undefined;
  await slack?.close();
  slack = undefined;
});

describe.skipIf(!procfs)('`npm start` stopped by a supervisor (SIGTERM to the npm process)', () => {
  it('on Discord: the bot logs that it stops, disconnects from the gateway, and its process ends', async () => {
    discord = await startFakeDiscord({ guilds: [guildSeed()] });
    const fake = discord;
    started = runNpmStart({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, STORE_URL: 'memory://' });
    const npm = started;
    await until(() => npm.output.stderr.includes('connected to Discord'), 'the connection log');
    expect(fake.gatewayConnections).toBe(1);

    await stopAsASupervisor(npm);

    expect(npm.output.stderr).toContain('"msg":"stopping"');
    expect(npm.output.stderr).toContain('disconnected from Discord');
    expect(fake.gatewayConnections).toBe(0);
  });

  it('on Slack in Socket Mode: the bot disconnects its socket and its process ends', async () => {
    slack = await startFakeSlack({ users: [] });
    const fake = slack;
    started = runNpmStart({
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_APP_TOKEN: fake.appToken,
      SLACK_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
    });
    const npm = started;
    await until(() => npm.output.stderr.includes('connected to Slack'), 'the connection log');
    expect(fake.socketConnections).toBe(1);

    await stopAsASupervisor(npm);

    expect(npm.output.stderr).toContain('disconnected from Slack');
    expect(fake.socketConnections).toBe(0);
  });

  it('in the terminal: the chat ends although its input is still open', async () => {
    started = runNpmStart({ STORE_URL: 'memory://' });
    const npm = started;
    npm.child.stdin.write('/mentorat piliers\n');
    await until(() => npm.output.stdout.includes('Les 4 piliers'), 'the answer to /mentorat piliers');

    await stopAsASupervisor(npm);
  });
});
