import type { AssignmentProblem } from './assignment';
import { validateAssignmentProblem } from './assignment-validate';

/** Beyond this many leaves the search would take seconds: it is meant for tests. */
const MAX_LEAVES = 20_000_000;

/** Exhaustive search for tests (small instances only): the same objective, the same result format. */
export function bruteForceAssignment(problem: AssignmentProblem): { matched: number; total: number } {
  validateAssignmentProblem(problem);
  const { rows, columns, scores, allowed } = problem;
  if ((columns + 1) ** rows > MAX_LEAVES) {
    throw new RangeError(`assignment: ${rows} rows × ${columns} columns is too large for an exhaustive search`);
  }
  const left = Array.from(problem.capacities);
  let best = { matched: 0, total: 0 };
  const visit = (row: number, matched: number, total: number): void => {
    if (row === rows) {
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    visit(row + 1, matched, total);
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      const room = left[column] ?? 0;
      if (allowed[index] !== 1 || room === 0) continue;
      left[column] = room - 1;
      visit(row + 1, matched + 1, total + (scores[index] ?? 0));
      left[column] = room;
    }
  };
  visit(0, 0, 0);
  return best;
}
