import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { registerDiscordCommands } from '../../src/platforms/discord/register-commands';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import type { FakeDiscord } from '../fakes/discord/types';
import { logLines, runBot, runCli, until } from '../support/child-process';
import { GUILD_ID, guildSeed, userIdOf } from '../support/discord-world';

const APPLICATION_ID = '930000000000000001';

let fake: FakeDiscord | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

describe('operating the bot on Discord', () => {
  it('registers the commands globally, or on one server for testing', async () => {
    fake = await startFakeDiscord({ guilds: [guildSeed()], applicationId: APPLICATION_ID });
    const target = { token: fake.token, applicationId: APPLICATION_ID, apiUrl: fake.apiUrl };
    expect(await registerDiscordCommands(commands, target)).toEqual(['mentorat', 'mentorat-admin']);
    expect(fake.registeredCommands.global).toHaveLength(2);
    await registerDiscordCommands(commands, { ...target, guildId: GUILD_ID });
    expect(fake.registeredCommands.guilds.get(GUILD_ID)).toEqual([
      expect.objectContaining({ name: 'mentorat' }),
      expect.objectContaining({ name: 'mentorat-admin', default_member_permissions: '0' }),
    ]);
  });

  it('`npm run discord:register` names the variables it needs, and registers once they are set', async () => {
    const missing = runCli('discord-register', [], {});
    expect(await missing.exited).toBe(1);
    expect(missing.output.stderr).toContain('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
    fake = await startFakeDiscord({ guilds: [guildSeed()], applicationId: APPLICATION_ID });
    const registered = runCli('discord-register', [], {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await registered.exited).toBe(0);
    expect(registered.output.stdout).toBe(`Registered /mentorat and /mentorat-admin on server ${GUILD_ID} (available now).\n`);
    expect(fake.registeredCommands.guilds.get(GUILD_ID)).toHaveLength(2);
  });

  it('`npm start` with DISCORD_TOKEN: connects, logs its servers and missing permissions (never the token), answers without registering commands, and stops cleanly on SIGTERM', async () => {
    // Every permission but Manage Roles (268435456).
    fake = await startFakeDiscord({ guilds: [guildSeed({ botPermissions: String(0x7ffffffffn & ~0x10000000n & ~0x8n) })] });
    const bot = runBot({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, STORE_URL: 'memory://' });
    child = bot.child;
    await until(() => bot.output.stderr.includes('connected to Discord'), 'the connection log');
    await until(() => bot.output.stderr.includes('lacks permissions'), 'the permission warning');
    const lines = logLines(bot.output.stderr);
    expect(lines.find((line) => line.msg === 'connected to Discord')).toMatchObject({ guilds: [{ id: GUILD_ID, name: 'CJSM' }] });
    expect(lines.find((line) => line.msg === 'the bot lacks permissions it needs on this server')).toMatchObject({
      missing: ['ManageRoles'],
    });

    const answered = await fake.runCommand({
      guildId: GUILD_ID,
      userId: userIdOf('alice'),
      locale: 'en-US',
      command: 'mentorat',
      subcommand: 'piliers',
    });
    expect(answered.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    // Commands are registered by `npm run discord:register`, never at start-up (Discord limits registrations a day).
    const registrations = fake.requests.filter((request) => /^\/applications\/\d+(\/guilds\/\d+)?\/commands/.test(request.path));
    expect(registrations.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(fake.registeredCommands.global).toEqual([]);
    expect(fake.registeredCommands.guilds.size).toBe(0);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output.stderr).toContain('disconnected from Discord');
    expect(bot.output.stderr).not.toContain(fake.token);
  });

  it('refuses to start with a malformed setting, naming the variable', async () => {
    const bot = runBot({ DISCORD_TOKEN: 'short', DISCORD_GUILD_ID: 'abc' });
    expect(await bot.exited).toBe(1);
    expect(bot.output.stderr).toContain('DISCORD_TOKEN');
    expect(bot.output.stderr).toContain('DISCORD_GUILD_ID');
  });
});
