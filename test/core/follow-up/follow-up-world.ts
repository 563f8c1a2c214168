import type { AppPorts } from '../../../src/app/app-ports';
import type { CheckInAnswer } from '../../../src/core/follow-up/check-in';
import type { Reply } from '../../../src/core/reply';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { CONFIG_REFERENT, COORDINATOR, enrolMentee, enrolMentor, makeBinome, markAnnounced } from '../../support/pairing-people';
import { createRecordingLog } from '../../support/recording-log';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';

/**
 * A community after its first announcement: Dan (mentoré) with Erin (mentor) followed by the
 * config's référent, announced; Gus, another mentoré, and Fay, a mentor with one place, not paired.
 * The bot's real job handlers run when a test calls `runDue()` after moving the clock.
 */
export async function createFollowUpWorld() {
  const world = await createUseCaseWorld({ now: '2026-03-02T10:00:00.000Z' });
  const ports = world.ports as AppPorts;
  const runner = createJobRunner(ports, { programmes: { programmeFor: () => world.programme }, log: createRecordingLog() });
  await enrolMentee(world, 'dan', 'Dan Leroy');
  await enrolMentor(world, 'erin', 'Erin Roux', { locale: 'en' });
  await enrolMentee(world, 'gus', 'Gus Klein');
  await enrolMentor(world, 'fay', 'Fay Morel');
  await world.ports.binomes.add(makeBinome({ id: 'm1', mentee: 'dan', mentor: 'erin', referent: CONFIG_REFERENT }));
  await markAnnounced(world, 'm1');
  return {
    ...world,
    runner,
    coordinator: (locale: 'fr' | 'en' = 'fr') => world.as({ ...COORDINATOR, locale }),
    /** Moves the clock to `iso`, then runs the jobs due by then. */
    async at(iso: string): Promise<number> {
      world.clock.set(iso);
      return runner.runDue();
    },
    /** A check-in round of a binôme answered as given. */
    async checkIn(binomeId: string, round: number, ...answers: [string, CheckInAnswer][]) {
      const at = world.clock.now().toISOString();
      await world.ports.checkIns.add({
        schemaVersion: 1,
        community: TERMINAL,
        binomeId,
        round,
        postedAt: at,
        answers: answers.map(([by, answer]) => ({ by, answer, at })),
      });
    },
  };
}

export type FollowUpWorld = Awaited<ReturnType<typeof createFollowUpWorld>>;

/** The buttons of a reply's first message. */
export function buttonsOf(reply: Reply) {
  return reply.kind === 'messages' ? (reply.messages[0]?.buttons ?? []) : [];
}

export { CONFIG_REFERENT, COORDINATOR, type UseCaseWorld };
