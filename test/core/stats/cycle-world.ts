import type { AppPorts } from '../../../src/app/app-ports';
import type { Binome } from '../../../src/core/binomes/binome';
import { currentCycle } from '../../../src/core/cycles/current-cycle';
import type { Cycle } from '../../../src/core/cycles/cycle';
import type { Programme } from '../../../src/core/programme/programme-schema';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import { createRecordingLog } from '../../support/recording-log';
import { createUseCaseWorld, TERMINAL, type UseCaseWorld } from '../../support/use-case-world';
import { seedPeople } from '../binomes/announce-world';

/** A binôme of the cycle given, confirmed unless told otherwise. */
export function binomeOf(id: string, mentee: string, mentor: string, changes: Partial<Binome> = {}): Binome {
  return {
    schemaVersion: 2,
    id,
    community: TERMINAL,
    cycle: 1,
    mentee,
    mentor,
    referent: 'ref',
    status: 'confirmed',
    origin: 'manual',
    score: 0,
    terms: [],
    languages: ['fr'],
    createdAt: '2026-10-01T09:00:00.000Z',
    createdBy: 'coord',
    ...changes,
  };
}

/**
 * A community whose first cycle opened on 1 September 2026 with three binômes (mentorés e1–e3,
 * mentors m1–m3) and a job runner; `closeCycle` closes it now, as the cycle-closing branch will.
 */
export async function createCycleWorld(options: { now?: string; programme?: Programme } = {}) {
  const world: UseCaseWorld = await createUseCaseWorld({
    now: options.now ?? '2026-09-01T08:00:00.000Z',
    ...(options.programme ? { programme: options.programme } : {}),
  });
  await currentCycle(world.ports, TERMINAL);
  await seedPeople(world, {
    mentors: [
      { id: 'm1', name: 'Marie Curie' },
      { id: 'm2', name: 'Paul Langevin' },
      { id: 'm3', name: 'Irène Joliot', locale: 'en' },
    ],
    mentees: [
      { id: 'e1', name: 'Alice Martin' },
      { id: 'e2', name: 'Bruno Petit' },
      { id: 'e3', name: 'Chloé Roux' },
    ],
  });
  for (const [index, pair] of [
    ['e1', 'm1'],
    ['e2', 'm2'],
    ['e3', 'm3'],
  ].entries()) {
    await world.ports.binomes.add(binomeOf(`r1-${index + 1}`, pair[0] ?? '', pair[1] ?? ''));
  }
  const programme = world.programme;
  const runner = createJobRunner(world.ports as AppPorts, { programmes: { programmeFor: () => programme }, log: createRecordingLog() });
  async function closeCycle(at: string): Promise<Cycle> {
    world.clock.set(at);
    const cycle = await currentCycle(world.ports, TERMINAL);
    const closed: Cycle = { ...cycle, state: 'closed', closedAt: at, closedBy: 'coord' };
    await world.ports.cycles.save(closed);
    return closed;
  }
  return { world, runner, closeCycle };
}
