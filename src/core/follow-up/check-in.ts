import { z } from 'zod';
import { communityRefSchema } from '../identity';

export const CHECK_IN_ANSWERS = ['met', 'not-yet', 'help'] as const;
export type CheckInAnswer = (typeof CHECK_IN_ANSWERS)[number];

const userId = z.string().min(1).max(100);

/**
 * One check-in round of one binôme: posted in its space, answered by either member (each answer
 * kept with who and when; a member may answer again, the latest counts). Round 1 comes
 * `firstCheckInAfterWeeks` after the announcement, the next ones every `checkInEveryWeeks`.
 */
export const checkInSchema = z.object({
  schemaVersion: z.literal(1),
  community: communityRefSchema,
  binomeId: z.string().min(1).max(40),
  round: z.number().int().min(1),
  postedAt: z.iso.datetime(),
  answers: z.array(z.object({ by: userId, answer: z.enum(CHECK_IN_ANSWERS), at: z.iso.datetime() })),
});
export type CheckIn = z.infer<typeof checkInSchema>;

/** What a round says of the binôme: met if anyone said so, else help, else not yet; `none` without any answer. */
export type RoundOutcome = CheckInAnswer | 'none';

export function latestAnswers(checkIn: CheckIn): Map<string, CheckInAnswer> {
  const latest = new Map<string, CheckInAnswer>();
  for (const answer of [...checkIn.answers].sort((a, b) => a.at.localeCompare(b.at))) latest.set(answer.by, answer.answer);
  return latest;
}

export function roundOutcome(checkIn: CheckIn): RoundOutcome {
  const answers = new Set(latestAnswers(checkIn).values());
  if (answers.has('met')) return 'met';
  if (answers.has('help')) return 'help';
  if (answers.has('not-yet')) return 'not-yet';
  return 'none';
}

/** How many of the latest rounds in a row match (the rounds sorted by number, latest last). */
export function trailingRounds(checkIns: readonly CheckIn[], matches: (checkIn: CheckIn) => boolean): number {
  const sorted = [...checkIns].sort((a, b) => a.round - b.round);
  let count = 0;
  for (let index = sorted.length - 1; index >= 0; index -= 1) {
    const checkIn = sorted[index];
    if (!checkIn || !matches(checkIn)) break;
    count += 1;
  }
  return count;
}

/** Whether this member left the latest rounds unanswered, `count` of them in a row. */
export function ignoredInARow(checkIns: readonly CheckIn[], member: string): number {
  return trailingRounds(checkIns, (checkIn) => !checkIn.answers.some((answer) => answer.by === member));
}

/** Whether the binôme ever said it met: "not a good fit" is only offered after that. */
export const hasMet = (checkIns: readonly CheckIn[]): boolean =>
  checkIns.some((checkIn) => checkIn.answers.some((answer) => answer.answer === 'met'));
