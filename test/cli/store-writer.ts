import { createEnrolmentRepository } from '../../src/store/enrolment-repository';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { LOCAL, makeEnrolment, participantIn } from '../store/enrolment-fixture';

/**
 * A stand-in for a bot writing to its store: enrols writer-00000, writer-00001, … one after the
 * other until SIGTERM, printing how many it wrote, then closes the store as the bot does.
 */
const store = await openSqliteStore(process.argv[2] ?? '');
const enrolments = createEnrolmentRepository(store);
let stopping = false;
process.once('SIGTERM', () => {
  stopping = true;
});
let written = 0;
while (!stopping) {
  const userId = `writer-${String(written).padStart(5, '0')}`;
  await enrolments.save(makeEnrolment({ participant: participantIn(LOCAL, userId) }));
  written += 1;
  process.stdout.write(`wrote ${written}\n`);
}
await store.close();
process.stdout.write(`stopped after ${written}\n`);
