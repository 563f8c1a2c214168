import type { Command } from '../core/command';
import type { Clock } from '../core/ports';
import type { ProgrammeDirectory } from '../core/programme/programme-directory';
import type { Log } from '../infra/log';
import type { KeyValueStore } from '../store/key-value-store';
import { composeBot, type DiscordApp, type DiscordStartOptions, type SlackApp, type SlackStartOptions } from './compose';

export type { DiscordApp, SlackApp };

/** One platform in-process over a store the caller keeps (the e2e tests), assembled by `composeBot` as `npm start` does. */
interface InProcessOptions {
  readonly store: KeyValueStore;
  readonly programmes: ProgrammeDirectory;
  readonly clock: Clock;
  readonly log: Log;
  readonly commands?: readonly Command[];
}

export type DiscordAppOptions = InProcessOptions & DiscordStartOptions;
export type SlackAppOptions = InProcessOptions & SlackStartOptions;

export async function startDiscordApp(options: DiscordAppOptions): Promise<DiscordApp> {
  const { store, programmes, clock, log, commands, ...discord } = options;
  const bot = await composeBot({ store, programmes, clock, log, ...(commands ? { commands } : {}) });
  return bot.startDiscord(discord);
}

export async function startSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const { store, programmes, clock, log, commands, ...slack } = options;
  const bot = await composeBot({ store, programmes, clock, log, ...(commands ? { commands } : {}) });
  return bot.startSlack(slack);
}
