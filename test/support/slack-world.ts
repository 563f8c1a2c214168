import { type SlackApp, startSlackApp } from '../../src/app/start-apps';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { Command } from '../../src/core/command';
import type { Locale } from '../../src/core/i18n/locale';
import type { Clock } from '../../src/core/ports';
import type { Programme } from '../../src/core/programme/programme-schema';
import type { ProgrammeDirectory } from '../../src/dispatch/dispatcher';
import { systemClock } from '../../src/infra/clock';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import type { FakeSlack } from '../fakes/slack/types';
import { CONFIG_DIR } from './programme';
import { createRecordingLog } from './recording-log';

/** Everyone a test may name; `coord` is a coordinator by user id, `ref` a référent by user group. */
export const SLACK_PEOPLE = ['alice', 'bob', 'carol', 'dan', 'erin', 'fay', 'coord', 'ref', 'zoe'] as const;
export const REFERENTS_GROUP_ID = 'S0REFERENTS';

export function slackUserIdOf(name: string): string {
  if (!SLACK_PEOPLE.includes(name as (typeof SLACK_PEOPLE)[number])) throw new Error(`unknown person ${name}`);
  return `U0${name.toUpperCase()}`;
}

export const COORDINATORS_GROUP_ID = 'S0COORDINATION';

type Access = Programme['access'];

/** As a workspace's own config file would name them: `coord` by user id, référents by user group. */
export const DEFAULT_SLACK_ACCESS: Access = {
  coordinators: { roles: [], users: [slackUserIdOf('coord')] },
  // The group gives the référents' commands; binômes go to référents named by id (a group is not listed).
  referents: { roles: [REFERENTS_GROUP_ID], users: [slackUserIdOf('ref')] },
};

/** The programme of config/, with this workspace's coordinators and référents. */
export function slackProgrammes(access: Access = DEFAULT_SLACK_ACCESS): ProgrammeDirectory {
  const base = loadProgrammes(CONFIG_DIR);
  return {
    programmeFor(community) {
      const programme = base.programmeFor(community);
      return community.platform === 'slack' ? { ...programme, access } : programme;
    },
  };
}

export interface SlackWorld {
  readonly fake: FakeSlack;
  readonly bot: SlackApp;
  readonly store: KeyValueStore;
  readonly log: ReturnType<typeof createRecordingLog>;
  /** Waits until the bot answered everything sent so far. */
  settle(): Promise<void>;
  /** Stops the bot only: the workspace and the store stay, to start another bot on them. */
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

export interface SlackWorldOptions {
  /** Everyone's Slack language. */
  readonly locale?: Locale;
  readonly socketMode?: boolean;
  readonly store?: KeyValueStore;
  readonly access?: Access;
  readonly acknowledgeAfterMs?: number;
  /** The commands to answer; those of commands/ unless a test brings its own. */
  readonly commands?: readonly Command[];
  /** Reuse a running workspace (a bot restart keeps Slack as it was). */
  readonly fake?: FakeSlack;
  /** The bot's clock (a fixed one, moved by the test, for check-ins and deadlines). */
  readonly clock?: Clock;
}

/** A loopback Slack workspace and the real Bolt app answering it, over signed HTTP or Socket Mode. */
export async function startSlackWorld(options: SlackWorldOptions = {}): Promise<SlackWorld> {
  const tag = options.locale === 'en' ? 'en-US' : 'fr-FR';
  const fake =
    options.fake ??
    (await startFakeSlack({
      users: SLACK_PEOPLE.map((name) => ({ id: slackUserIdOf(name), name, realName: name, locale: tag })),
      userGroups: [
        { id: REFERENTS_GROUP_ID, handle: 'referents', users: [slackUserIdOf('ref')] },
        { id: COORDINATORS_GROUP_ID, handle: 'coordination', name: 'Coordination mentorat', users: [slackUserIdOf('erin')] },
      ],
    }));
  const store = options.store ?? (await createStore('memory://'));
  const log = createRecordingLog();
  const bot = await startSlackApp({
    botToken: fake.botToken,
    ...(options.socketMode ? { appToken: fake.appToken } : { signingSecret: fake.signingSecret, port: 0 }),
    apiUrl: fake.apiUrl,
    store,
    programmes: slackProgrammes(options.access),
    clock: options.clock ?? systemClock,
    log,
    retries: 1,
    acknowledgeAfterMs: options.acknowledgeAfterMs,
    commands: options.commands,
  });
  fake.setTarget(options.socketMode ? 'socket' : `http://127.0.0.1:${bot.port}/slack/events`);
  let running = true;
  const stopBot = async () => {
    if (!running) return;
    running = false;
    await bot.stop();
  };
  return {
    fake,
    bot,
    store,
    log,
    settle: () => bot.idle(),
    stopBot,
    async close() {
      await stopBot();
      await store.close();
      await fake.close();
    },
  };
}
