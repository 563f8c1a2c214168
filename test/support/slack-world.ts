import { systemClock } from '../../src/clock';
import { loadProgrammes } from '../../src/config/load-programmes';
import type { Locale } from '../../src/core/i18n/locale';
import type { ProgrammeDirectory } from '../../src/dispatch';
import { type SlackApp, startSlackApp } from '../../src/platforms/slack/slack-app';
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

/** The programme of config/, with this workspace's coordinators and référents as its own file would name them. */
export function slackProgrammes(): ProgrammeDirectory {
  const base = loadProgrammes(CONFIG_DIR);
  return {
    programmeFor(community) {
      const programme = base.programmeFor(community);
      if (community.platform !== 'slack') return programme;
      return {
        ...programme,
        access: {
          coordinators: { roles: [], users: [slackUserIdOf('coord')] },
          referents: { roles: [REFERENTS_GROUP_ID], users: [] },
        },
      };
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
  close(): Promise<void>;
}

export interface SlackWorldOptions {
  /** Everyone's Slack language. */
  readonly locale?: Locale;
  readonly socketMode?: boolean;
  readonly store?: KeyValueStore;
}

/** A loopback Slack workspace and the real Bolt app answering it, over signed HTTP or Socket Mode. */
export async function startSlackWorld(options: SlackWorldOptions = {}): Promise<SlackWorld> {
  const tag = options.locale === 'en' ? 'en-US' : 'fr-FR';
  const fake = await startFakeSlack({
    users: SLACK_PEOPLE.map((name) => ({ id: slackUserIdOf(name), name, realName: name, locale: tag })),
    userGroups: [{ id: REFERENTS_GROUP_ID, handle: 'referents', users: [slackUserIdOf('ref')] }],
  });
  const store = options.store ?? (await createStore('memory://'));
  const log = createRecordingLog();
  const bot = await startSlackApp({
    botToken: fake.botToken,
    ...(options.socketMode ? { appToken: fake.appToken } : { signingSecret: fake.signingSecret, port: 0 }),
    apiUrl: fake.apiUrl,
    store,
    programmes: slackProgrammes(),
    clock: systemClock,
    log,
    retries: 1,
  });
  fake.setTarget(options.socketMode ? 'socket' : `http://127.0.0.1:${bot.port}/slack/events`);
  return {
    fake,
    bot,
    store,
    log,
    settle: () => bot.idle(),
    async close() {
      await bot.stop();
      await store.close();
      await fake.close();
    },
  };
}
