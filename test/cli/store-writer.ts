import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { LOCAL, makeEnrolment, participantIn } from '../store/enrolment-fixture';

/**
 * A stand-in for a bot writing to its store: enrols writer-00000, writer-00001, … one after the
 * other until SIGTERM (or, given a count, that many, then waits idle as a quiet bot does),
 * printing how many it wrote, then closes the store as the bot does.
 */
const store = await openSqliteStore(process.argv[2] ?? '');
const limit = process.argv[3] === undefined ? Number.POSITIVE_INFINITY : Number(process.argv[3]);
const enrolments = createEnrolmentRepository(store);
let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
});
let written = 0;
while (!stopping && written < limit) {
  const userId = `writer-${String(written).padStart(5, '0')}`;
  await enrolments.save(makeEnrolment({ participant: participantIn(LOCAL, userId) }));
  written += 1;
  process.stdout.write(`wrote ${written}\n`);
}
if (!stopping) process.stdout.write('idle\n');
while (!stopping) await new Promise((resolve) => setTimeout(resolve, 50));
await store.close();
process.stdout.write(`stopped after ${written}\n`);
