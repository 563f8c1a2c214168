import type { AppPorts } from '../../../src/app/app-ports';
import { closeCycleJob } from '../../../src/core/cycles/close-cycle-job';
import type { Cycle } from '../../../src/core/cycles/cycle';
import { confirmCycleAction } from '../../../src/core/cycles/manage-cycle';
import type { Reply } from '../../../src/core/reply';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createPollingJobRunner } from '../../../src/jobs/polling-job-runner';
import { COORDINATOR } from '../../support/pairing-people';
import { createRecordingLog } from '../../support/recording-log';
import { TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

/** The coordinator presses "yes" under a question (the confirmation button's arguments). */
export function pressYes(world: UseCaseWorld, question: Reply, as = world.as({ ...COORDINATOR })): Promise<Reply> {
  const button =
    question.kind === 'messages'
      ? question.messages.flatMap((message) => message.buttons ?? []).find((b) => b.action === 'confirm')
      : undefined;
  if (!button) throw new Error('no confirmation button');
  return confirmCycleAction(as, button.args);
}

export function jobRunner(world: UseCaseWorld, ports: AppPorts = world.ports as AppPorts) {
  const programme = world.programme;
  return createJobRunner(ports, { programmes: { programmeFor: () => programme }, log: createRecordingLog() });
}

/**
 * Runs the cycle-closing job alone: what it queues (archives, feedback forms) stays in the queue for
 * the test to look at, as it would until the runner's next poll.
 */
export function closingRunner(world: UseCaseWorld, ports: AppPorts = world.ports as AppPorts) {
  const programme = world.programme;
  return createPollingJobRunner({
    jobs: ports.jobStore,
    handlers: [closeCycleJob],
    ports,
    programmes: { programmeFor: () => programme },
    log: createRecordingLog(),
  });
}

/** Runs due jobs until none is left due (a job that reschedules itself now runs again). */
export async function runAllDue(runner: Pick<ReturnType<typeof jobRunner>, 'runDue'>): Promise<void> {
  for (let round = 0; round < 10; round += 1) if ((await runner.runDue()) === 0) return;
}

/** A cycle record, as the cycle command stores it. */
export function cycleRecord(sequence: number, name: string, state: Cycle['state'], at = '2025-09-01T08:00:00.000Z'): Cycle {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    sequence,
    name,
    state,
    openedAt: at,
    openedBy: COORDINATOR.userId,
    ...(state === 'closed' ? { enrolmentClosedAt: at, closedAt: at, closedBy: COORDINATOR.userId } : {}),
  };
}
