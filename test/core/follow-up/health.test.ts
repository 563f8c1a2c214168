import { describe, expect, it } from 'vitest';
import type { CheckIn, CheckInAnswer } from '../../../src/core/follow-up/check-in';
import { hasMet, ignoredInARow, roundOutcome } from '../../../src/core/follow-up/check-in';
import { binomeHealth, type HealthFacts } from '../../../src/core/follow-up/health';
import { TERMINAL } from '../../support/use-case-world';

function round(number: number, ...answers: [string, CheckInAnswer][]): CheckIn {
  return {
    schemaVersion: 1,
    community: TERMINAL,
    binomeId: 'p1-1',
    round: number,
    postedAt: `2026-10-0${number}T09:00:00.000Z`,
    answers: answers.map(([by, answer], index) => ({ by, answer, at: `2026-10-0${number}T1${index}:00:00.000Z` })),
  };
}

const calm: HealthFacts = { checkIns: [], pausedMembers: 0, openFitConcerns: 0, openReports: 0 };

describe('a check-in round', () => {
  it('says the binôme met as soon as one member says so, whatever the other answered', () => {
    expect(roundOutcome(round(1, ['dan', 'not-yet'], ['erin', 'met']))).toBe('met');
  });

  it('counts a member’s latest answer only', () => {
    expect(roundOutcome(round(1, ['dan', 'met'], ['dan', 'not-yet']))).toBe('not-yet');
  });

  it('asks for help before saying not yet, and says none without any answer', () => {
    expect(roundOutcome(round(1, ['dan', 'not-yet'], ['erin', 'help']))).toBe('help');
    expect(roundOutcome(round(1))).toBe('none');
  });

  it('counts the rounds a member left unanswered in a row, from the latest', () => {
    const rounds = [round(1), round(2, ['erin', 'met']), round(3, ['erin', 'met']), round(4, ['erin', 'not-yet'])];
    expect(ignoredInARow(rounds, 'dan')).toBe(4);
    expect(ignoredInARow(rounds, 'erin')).toBe(0);
    expect(ignoredInARow([round(2, ['dan', 'met']), round(1)], 'dan')).toBe(0);
  });

  it('knows whether the pair ever met', () => {
    expect(hasMet([round(1, ['dan', 'not-yet'])])).toBe(false);
    expect(hasMet([round(1, ['dan', 'not-yet']), round(2, ['erin', 'met'])])).toBe(true);
  });
});

describe('the health of a binôme', () => {
  it('is on track before any check-in, and after a round where they met', () => {
    expect(binomeHealth(calm)).toBe('on-track');
    expect(binomeHealth({ ...calm, checkIns: [round(1, ['dan', 'met'])] })).toBe('on-track');
  });

  it('needs a check-in when the latest round is unanswered or says not yet', () => {
    expect(binomeHealth({ ...calm, checkIns: [round(1, ['dan', 'met']), round(2)] })).toBe('needs-check-in');
    expect(binomeHealth({ ...calm, checkIns: [round(1, ['dan', 'not-yet'])] })).toBe('needs-check-in');
  });

  it('is at risk after two silent rounds, two not yet, or a call for help', () => {
    expect(binomeHealth({ ...calm, checkIns: [round(1), round(2)] })).toBe('at-risk');
    expect(binomeHealth({ ...calm, checkIns: [round(1, ['dan', 'not-yet']), round(2, ['erin', 'not-yet'])] })).toBe('at-risk');
    expect(binomeHealth({ ...calm, checkIns: [round(1, ['dan', 'met']), round(2, ['erin', 'help'])] })).toBe('at-risk');
  });

  it('is at risk while a report or a "not a good fit" is open, or a member is paused', () => {
    const met = [round(1, ['dan', 'met'])];
    expect(binomeHealth({ ...calm, checkIns: met, openReports: 1 })).toBe('at-risk');
    expect(binomeHealth({ ...calm, checkIns: met, openFitConcerns: 1 })).toBe('at-risk');
    expect(binomeHealth({ ...calm, checkIns: met, pausedMembers: 1 })).toBe('at-risk');
  });
});
