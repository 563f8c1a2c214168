import { describe, expect, it } from 'vitest';
import type { AppPorts } from '../../../src/app/app-ports';
import { currentCycle } from '../../../src/core/cycles/current-cycle';
import { FEEDBACK_JOB, scheduleFeedbackAsk } from '../../../src/core/feedback/feedback-job';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createRecordingLog } from '../../support/recording-log';
import { TERMINAL } from '../../support/use-case-world';
import { createAnnounceWorld, createScriptedChat, seedPeople } from '../binomes/announce-world';
import { binomeOf } from '../stats/cycle-world';

const CLOSED_AT = '2027-06-30T16:00:00.000Z';

function runnerOf(world: Awaited<ReturnType<typeof createAnnounceWorld>>['world']) {
  const programme = world.programme;
  return createJobRunner(world.ports as AppPorts, { programmes: { programmeFor: () => programme }, log: createRecordingLog() });
}

describe('the feedback DM across a restart', () => {
  it('arrives once when the bot stopped between sending it and recording it', async () => {
    const scripted = createScriptedChat();
    const first = await createAnnounceWorld({ now: '2026-09-01T08:00:00.000Z', chat: scripted });
    await seedPeople(first.world, { mentors: [{ id: 'm1', name: 'Marie Curie' }], mentees: [{ id: 'e1', name: 'Alice Martin' }] });
    await first.world.ports.binomes.add(binomeOf('r1-1', 'e1', 'm1'));
    first.world.clock.set(CLOSED_AT);
    const cycle = await currentCycle(first.world.ports, TERMINAL);
    const closed = { ...cycle, state: 'closed' as const, closedAt: CLOSED_AT, closedBy: 'coord' };
    await first.world.ports.cycles.save(closed);
    await scheduleFeedbackAsk(first.world.ports, TERMINAL, closed, 'e1');
    scripted.hangAfter(0);
    void runnerOf(first.world).runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scripted.dmsTo('e1')).toHaveLength(1);

    scripted.hangAfter(undefined);
    const second = await createAnnounceWorld({ now: '2027-06-30T16:11:00.000Z', chat: scripted, store: first.world.store });
    // Closing the cycle again (a restarted closing job) plans nothing more.
    expect(await scheduleFeedbackAsk(second.world.ports, TERMINAL, closed, 'e1')).toBe(false);
    await runnerOf(second.world).runDue();
    expect(scripted.dmsTo('e1')).toHaveLength(1);
    expect(scripted.calls.filter((call) => call.kind === 'dm').map((call) => call.options)).toEqual([
      { key: 'feedback|1|e1', mayHaveBeenSent: false },
      { key: 'feedback|1|e1', mayHaveBeenSent: true },
    ]);
    expect(await second.world.ports.queue.find(TERMINAL, FEEDBACK_JOB, '1-e1')).toBeUndefined();
  });
});
