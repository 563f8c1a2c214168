import { describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import { DIGEST_JOB, DIGEST_KEY, ensureWeeklyDigest, weeklyDigestJob } from '../../../src/core/digest/digest-job';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createRecordingLog } from '../../support/recording-log';
import { TERMINAL } from '../../support/use-case-world';
import { createAnnounceWorld, createScriptedChat } from '../binomes/announce-world';

const START = '2026-10-14T10:00:00.000Z';
const MONDAY = '2026-10-19T07:00:00.000Z'; // 9:00 in Paris

function runnerOf(world: Awaited<ReturnType<typeof createAnnounceWorld>>['world']) {
  const programme = world.programme;
  return createJobRunner(world.ports as AppPorts, { programmes: { programmeFor: () => programme }, log: createRecordingLog() });
}

describe('the weekly digest across a restart', () => {
  it('is posted once when the bot stopped between posting and recording it, and the next week is still planned', async () => {
    const scripted = createScriptedChat();
    const first = await createAnnounceWorld({ now: START, chat: scripted });
    await ensureWeeklyDigest(first.world.ports, TERMINAL, first.world.programme);
    first.world.clock.set(MONDAY);
    // The post arrives, then the process dies before hearing back: its run never ends.
    scripted.hangAfter(0);
    void runnerOf(first.world).runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const posted = scripted.arrived.filter((entry) => entry.kind === 'post');
    expect(posted).toHaveLength(1);

    scripted.hangAfter(undefined);
    const second = await createAnnounceWorld({ now: '2026-10-19T07:11:00.000Z', chat: scripted, store: first.world.store });
    // The bot starts again and plans its digest as usual: still one job.
    await ensureWeeklyDigest(second.world.ports, TERMINAL, second.world.programme);
    await runnerOf(second.world).runDue();
    expect(scripted.arrived.filter((entry) => entry.kind === 'post')).toHaveLength(1);
    expect(scripted.calls.filter((call) => call.kind === 'post').map((call) => call.options)).toEqual([
      { key: 'digest|terminal|local|2026-10-19', mayHaveBeenSent: false },
      { key: 'digest|terminal|local|2026-10-19', mayHaveBeenSent: true },
    ]);
    expect((await second.world.ports.queue.find(TERMINAL, DIGEST_JOB, DIGEST_KEY))?.dueAt).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('a digest the coordinators’ space cannot receive', () => {
  it('is retried, and after the last try next week’s digest is planned from the same start', async () => {
    const scripted = createScriptedChat();
    const { world } = await createAnnounceWorld({ now: MONDAY, chat: scripted });
    scripted.refuseSpaces({ ok: false, reason: 'missing-permission', detail: 'Manage Channels' });
    const job = {
      schemaVersion: 1 as const,
      community: TERMINAL,
      kind: DIGEST_JOB,
      key: DIGEST_KEY,
      dueAt: MONDAY,
      payload: { since: START },
      attempts: 0,
      createdAt: START,
    };
    const ctx = (attempt: number) => ({ community: TERMINAL, programme: world.programme, ports: world.ports, attempt, mayHaveRun: false });
    expect(await weeklyDigestJob.run(ctx(1), job)).toEqual({
      status: 'retry',
      error: 'coordination space: missing-permission (Manage Channels)',
    });
    expect(await weeklyDigestJob.run(ctx(50), job)).toEqual({
      status: 'reschedule',
      dueAt: new Date('2026-10-26T08:00:00.000Z'),
      payload: { since: START },
    });
    expect(scripted.arrived.filter((entry) => entry.kind === 'post')).toEqual([]);
  });
});
