import { describe, expect, it } from 'vitest';
import { createCorePorts } from '../../src/app/app-ports';
import type { CommunityRef } from '../../src/core/identity';
import { createDraftPurgeHandler, DRAFT_PURGE_KIND, draftPurgeJob } from '../../src/jobs/draft-purge-job';
import { createPollingJobRunner } from '../../src/jobs/polling-job-runner';
import { createStore } from '../../src/store/create-store';
import { keyOf } from '../../src/store/key-segments';
import { fixedClock } from '../support/fixed-clock';
import { defaultProgramme } from '../support/programme';
import { createRecordingChat } from '../support/recording-chat';
import { createRecordingLog } from '../support/recording-log';

const GUILD: CommunityRef = { platform: 'discord', id: '111' };
const DAY_START = '2026-11-25T10:00:00.000Z';
const alice = { platform: 'discord' as const, communityId: GUILD.id, userId: 'alice' };

async function discordBot(options: { serves?: () => boolean; failingPurge?: boolean } = {}) {
  const store = await createStore('memory://');
  const clock = fixedClock(DAY_START);
  const ports = createCorePorts(store, { ...createRecordingChat(), platform: 'discord' }, clock);
  const log = createRecordingLog();
  const drafts = options.failingPurge
    ? {
        purgeExpired: () => Promise.reject(new Error('store unavailable')),
      }
    : ports.formDrafts;
  const runner = createPollingJobRunner({
    jobs: ports.jobStore,
    handlers: [createDraftPurgeHandler({ drafts, log, serves: options.serves ?? (() => true) })],
    ports,
    programmes: { programmeFor: () => defaultProgramme() },
    log,
  });
  return { store, clock, ports, log, runner };
}

describe('the purge of form drafts, as a job', () => {
  it('forgets drafts untouched for a day at its first run, then every hour', async () => {
    const bot = await discordBot();
    await bot.ports.formDrafts.save({ participant: alice, formId: 'mentorat.enrol', values: { name: 'Alice' }, confirmed: [] });
    expect(await bot.ports.queue.schedule(draftPurgeJob(GUILD, bot.clock.now()))).toBe(true);
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.ports.formDrafts.find(alice, 'mentorat.enrol')).toBeDefined();

    bot.clock.set('2026-11-26T10:00:00.000Z');
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.ports.formDrafts.find(alice, 'mentorat.enrol')).toBeDefined();

    bot.clock.set('2026-11-26T10:59:59.000Z');
    expect(await bot.runner.runDue()).toBe(0);
    bot.clock.set('2026-11-26T11:00:00.000Z');
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.store.get(keyOf('form-draft', 'discord', '111', 'alice', 'mentorat.enrol'))).toBeUndefined();
    expect(bot.log.entries.map((entry) => entry.message)).toContain('forgot form drafts untouched for a day');
    expect(await bot.ports.queue.find(GUILD, DRAFT_PURGE_KIND, 'expired-drafts')).toMatchObject({ dueAt: '2026-11-26T12:00:00.000Z' });
  });

  it('is scheduled once per server, however many times the bot starts', async () => {
    const bot = await discordBot();
    expect(await bot.ports.queue.schedule(draftPurgeJob(GUILD, bot.clock.now()))).toBe(true);
    expect(await bot.ports.queue.schedule(draftPurgeJob(GUILD, bot.clock.now()))).toBe(false);
  });

  it('keeps purging every hour after a failure, rather than giving up after a few retries', async () => {
    const bot = await discordBot({ failingPurge: true });
    await bot.ports.queue.schedule(draftPurgeJob(GUILD, bot.clock.now()));
    for (let hour = 1; hour <= 6; hour += 1) {
      expect(await bot.runner.runDue()).toBe(1);
      bot.clock.set(new Date(Date.parse(DAY_START) + hour * 60 * 60 * 1000).toISOString());
    }
    expect(await bot.ports.queue.find(GUILD, DRAFT_PURGE_KIND, 'expired-drafts')).toMatchObject({ attempts: 0 });
    expect(bot.log.entries.filter((entry) => entry.message === 'could not purge old form drafts')).toHaveLength(6);
  });

  it('ends after a last purge once the bot has left the server', async () => {
    const bot = await discordBot({ serves: () => false });
    await bot.ports.queue.schedule(draftPurgeJob(GUILD, bot.clock.now()));
    expect(await bot.runner.runDue()).toBe(1);
    expect(await bot.ports.queue.find(GUILD, DRAFT_PURGE_KIND, 'expired-drafts')).toBeUndefined();
  });
});
