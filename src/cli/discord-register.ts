import { existsSync } from 'node:fs';
import { commands } from '../../commands';
import { readEnv } from '../config/env';
import { registerDiscordCommands } from '../platforms/discord/register-commands';
import { runCli } from './run-cli';

/** `npm run discord:register`: registers the commands once (start-up never does), globally or on DISCORD_GUILD_ID. */
async function main(): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = readEnv();
  const missing = (['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'] as const).filter((name) => !env[name]);
  if (missing.length > 0 || !env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID) {
    process.stderr.write(`Cannot register the commands: set ${missing.join(' and ')} (see .env.example).\n`);
    return 1;
  }
  const names = await registerDiscordCommands(commands, {
    token: env.DISCORD_TOKEN,
    applicationId: env.DISCORD_APPLICATION_ID,
    guildId: env.DISCORD_GUILD_ID,
    apiUrl: env.DISCORD_API_URL,
  });
  const where = env.DISCORD_GUILD_ID
    ? `on server ${env.DISCORD_GUILD_ID} (available now)`
    : 'globally (every server the bot is in; Discord may take up to an hour to show them)';
  process.stdout.write(`Registered /${names.join(' and /')} ${where}.\n`);
  return 0;
}

runCli(main, 'Registration');
