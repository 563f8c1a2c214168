import type { AppPorts } from '../../../src/app/app-ports';
import { announceBinomes } from '../../../src/core/binomes/announce';
import type { Binome } from '../../../src/core/binomes/binome';
import type { CheckInAnswer } from '../../../src/core/follow-up/check-in';
import { answerCheckIn } from '../../../src/core/follow-up/check-in-answer';
import { participantIdOf } from '../../../src/core/identity';
import { createJobRunner } from '../../../src/jobs/job-handlers';
import type { KeyValueStore } from '../../../src/store/key-value-store';
import { createRecordingLog } from '../../support/recording-log';
import { TERMINAL } from '../../support/use-case-world';
import { COORDINATOR, createAnnounceWorld, type ScriptedChat, seedPeople } from '../binomes/announce-world';

export const START = '2026-12-01T09:00:00.000Z';
export const WEEK = 7 * 24 * 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

export function binomeOf(id: string, mentee: string, mentor: string, referent: string | undefined): Binome {
  return {
    schemaVersion: 2,
    id,
    community: TERMINAL,
    cycle: 1,
    mentee,
    mentor,
    ...(referent ? { referent } : {}),
    status: 'confirmed',
    origin: 'manual',
    score: 0,
    terms: [],
    languages: ['fr'],
    createdAt: START,
    createdBy: 'coord',
  };
}

/**
 * Dan (mentoré) and Erin (mentor) in binôme b1 with the référent Ref, announced at START by a
 * coordinator (space, welcome, DMs), with a job runner over the same ports; `at(weeks)` moves the clock.
 */
export async function checkInWorld(
  options: { referent?: string | null; chat?: ScriptedChat; store?: KeyValueStore; binomes?: readonly Binome[] } = {},
) {
  const { world, scripted } = await createAnnounceWorld({
    now: START,
    ...(options.chat ? { chat: options.chat } : {}),
    ...(options.store ? { store: options.store } : {}),
  });
  const referent = options.referent === null ? undefined : (options.referent ?? 'ref');
  if (!options.store) {
    await seedPeople(world, { mentors: [{ id: 'erin', name: 'Erin Roux' }], mentees: [{ id: 'dan', name: 'Dan Leroy' }] });
    for (const binome of options.binomes ?? [binomeOf('b1', 'dan', 'erin', referent)]) await world.ports.binomes.add(binome);
    await announceBinomes(world.as(COORDINATOR));
  }
  const programme = world.programme;
  const log = createRecordingLog();
  const runner = createJobRunner(world.ports as AppPorts, { programmes: { programmeFor: () => programme }, log });
  const at = (weeks: number, minutes = 0) => world.clock.set(new Date(Date.parse(START) + weeks * WEEK + minutes * MINUTE).toISOString());
  /** What arrived since the announcement: check-in posts, alerts, pause notices. */
  const announced = scripted.arrived.length;
  const since = () => scripted.arrived.slice(announced);
  const posts = () => since().filter((entry) => entry.kind === 'post');
  const dmsTo = (userId: string) => since().filter((entry) => entry.kind === 'dm' && entry.to === userId);
  const answer = (userId: string, round: number, choice: CheckInAnswer, binomeId = 'b1') =>
    answerCheckIn(world.as({ userId }), binomeId, String(round), choice);
  const pausesOf = (userId: string) => world.ports.pauses.listFor(participantIdOf(TERMINAL, userId));
  return { world, scripted, runner, log, at, since, posts, dmsTo, answer, pausesOf };
}
