import { REST, Routes } from 'discord.js';
import type { Command } from '../../core/command';
import { discordCommandRegistration } from './command-registration';

export interface RegistrationTarget {
  readonly token: string;
  readonly applicationId: string;
  /** One server (immediate, for testing), or every server the bot is in when absent (global). */
  readonly guildId?: string;
  readonly apiUrl?: string;
}

/** Replaces the application's commands with those generated from `commands/`; returns their names. */
export async function registerDiscordCommands(commands: readonly Command[], target: RegistrationTarget): Promise<string[]> {
  const rest = new REST({ version: '10', ...(target.apiUrl ? { api: target.apiUrl } : {}) }).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const body = discordCommandRegistration(commands);
  const registered = await rest.put(route, { body });
  return Array.isArray(registered) ? body.map((command) => command.name) : [];
}
