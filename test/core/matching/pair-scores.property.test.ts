import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment, solveScoredRows } from '../../../src/core/matching/assignment';
import type { MatchingInput, MatchingRules, MenteeCandidate, MentorCandidate } from '../../../src/core/matching/candidates';
import { assessPair } from '../../../src/core/matching/compatibility';
import { BLOCKED_REASONS, compilePairs, pairOutcome, rowOutcomes } from '../../../src/core/matching/pair-scores';
import { preparePairings } from '../../../src/core/matching/prepare-pairings';
import { buildProposal, proposePairings } from '../../../src/core/matching/proposal';
import { previousProposePairings } from '../../bench/previous-preparation';

// More than 32 languages and fields, so that bitsets take several words.
const LANGUAGES = ['fr', 'en', 'de', ...Array.from({ length: 40 }, (_, index) => `l${index}`)];
const FIELDS = Array.from({ length: 36 }, (_, index) => `f${index}`);
const TOPICS = ['t1', 't2', 't3', 't4'];
const AFFILIATIONS = ['Institut Pasteur', ' institut  PASTEUR', 'Université de Lille', 'universite de lille', '', '  ', 'CNRS'];
const REGIONS = ['idf', 'bretagne', ''];
const MENTOR_IDS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const MENTEE_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
// A mentor who brings more than 32 languages, fields and topics: every bitset then takes two words.
const WIDE_MENTOR: MentorCandidate = {
  id: 'm9',
  capacity: 2,
  languages: ['fr', ...LANGUAGES.slice(3, 37)],
  fields: FIELDS,
  sector: 'both',
  affiliation: 'CNRS',
  format: 'both',
  region: 'idf',
  offers: [...TOPICS, ...Array.from({ length: 30 }, (_, index) => `t${index + 5}`)],
};
const format = fc.constantFrom('remote' as const, 'in-person' as const, 'both' as const);
const someLanguages = fc.oneof(fc.subarray(['fr', 'en', 'de'], { minLength: 1 }), fc.subarray(LANGUAGES, { minLength: 1, maxLength: 4 }));
// Duplicates on purpose: assessPair counts an item once.
const someOf = (items: readonly string[]) => fc.array(fc.constantFrom(...items), { maxLength: 5 });

const mentorArbitrary = fc.record({
  id: fc.constantFrom(...MENTOR_IDS),
  capacity: fc.integer({ min: 1, max: 3 }),
  languages: someLanguages,
  fields: someOf(FIELDS.slice(0, 6).concat(FIELDS.slice(30))),
  sector: fc.constantFrom('academic' as const, 'private' as const, 'both' as const),
  affiliation: fc.constantFrom(...AFFILIATIONS),
  format,
  region: fc.constantFrom(...REGIONS),
  offers: someOf(TOPICS),
});

const menteeArbitrary = fc.record({
  id: fc.constantFrom(...MENTEE_IDS),
  languages: someLanguages,
  fields: someOf(FIELDS.slice(0, 6).concat(FIELDS.slice(30))),
  wishedSector: fc.constantFrom('academic' as const, 'private' as const, 'any' as const),
  affiliation: fc.constantFrom(...AFFILIATIONS),
  format,
  region: fc.constantFrom(...REGIONS),
  expectations: someOf(TOPICS),
  excluded: fc.subarray(MENTOR_IDS, { maxLength: 2 }),
});

const rulesArbitrary: fc.Arbitrary<MatchingRules> = fc.record({
  weights: fc.record({
    sharedField: fc.integer({ min: 0, max: 12 }),
    wishedSector: fc.integer({ min: 0, max: 12 }),
    offeredTopic: fc.integer({ min: 0, max: 12 }),
    sameRegionInPerson: fc.integer({ min: 0, max: 12 }),
    compatibleFormat: fc.integer({ min: 0, max: 12 }),
  }),
  forbidSameAffiliation: fc.boolean(),
  requireWayToMeet: fc.boolean(),
});

const pair = fc.tuple(fc.constantFrom(...MENTEE_IDS), fc.constantFrom(...MENTOR_IDS));

const populations = fc
  .record({
    mentors: fc.uniqueArray(mentorArbitrary, { selector: (person) => person.id, maxLength: MENTOR_IDS.length }),
    mentees: fc.uniqueArray(menteeArbitrary, { selector: (person) => person.id, maxLength: MENTEE_IDS.length }),
    pins: fc.array(pair, { maxLength: 3 }),
    forbids: fc.array(pair, { maxLength: 4 }),
    repeats: fc.array(pair, { maxLength: 4 }),
    rules: rulesArbitrary,
    wide: fc.boolean(),
  })
  .map(({ wide, ...population }) => (wide ? { ...population, mentors: [...population.mentors, WIDE_MENTOR] } : population));

/** What assessPair says of a pair, as a compiled outcome: the score, or −(1 + the rule's index). */
function expectedOutcome(
  mentee: MenteeCandidate,
  mentor: MentorCandidate,
  rules: MatchingRules,
  forbidden: boolean,
  pairedBefore = false,
): number {
  const assessed = assessPair(mentee, mentor, rules, forbidden, pairedBefore);
  return assessed.allowed ? assessed.score : -1 - BLOCKED_REASONS.indexOf(assessed.blockedBecause);
}

/** The compiled scorer and the fast row writer agree with assessPair on every pair of this population. */
function expectCompiledToAgree({
  mentors,
  mentees,
  forbids,
  repeats,
  rules,
}: {
  mentors: MentorCandidate[];
  mentees: MenteeCandidate[];
  forbids: [string, string][];
  repeats: [string, string][];
  rules: MatchingRules;
}) {
  const compiled = compilePairs(mentees, mentors, rules, forbids, repeats);
  const outcomeOf = (mentee: MenteeCandidate, mentor: MentorCandidate) =>
    expectedOutcome(
      mentee,
      mentor,
      rules,
      forbids.some(([who, whom]) => who === mentee.id && whom === mentor.id),
      repeats.some(([who, whom]) => who === mentee.id && whom === mentor.id),
    );
  const outcomes = new Int32Array(mentors.length);
  const mark = new Int8Array(mentors.length);
  mentees.forEach((mentee, menteeAt) => {
    rowOutcomes(compiled, menteeAt, outcomes, mark);
    mentors.forEach((mentor, mentorAt) => {
      const expected = outcomeOf(mentee, mentor);
      expect(pairOutcome(compiled, menteeAt, mentorAt)).toBe(expected);
      expect(outcomes[mentorAt]).toBe(expected);
      if (expected > compiled.maxScore) throw new Error(`a pair scores ${expected}, above the bound ${compiled.maxScore}`);
    });
  });
  expect([...mark].every((value) => value === 0)).toBe(true);
  // The solver's rows, written by the fast loop (or the general one when lists are wide).
  const prepared = preparePairings({ mentors, mentees, pins: [], forbids, repeats }, rules);
  prepared.rowMentee.forEach((menteeAt, row) => {
    const mentee = prepared.mentees[menteeAt] as MenteeCandidate;
    const expected = [...prepared.columnMentor].flatMap((mentorAt, column) => {
      const outcome = outcomeOf(mentee, prepared.mentors[mentorAt] as MentorCandidate);
      return outcome >= 0 ? [[column, outcome]] : [];
    });
    const { rowStart, column, score } = prepared.problem;
    const written = [];
    for (let entry = rowStart[row] as number; entry < (rowStart[row + 1] as number); entry++) written.push([column[entry], score[entry]]);
    expect(written).toEqual(expected);
  });
}

describe('compiled pair scores', () => {
  it('for any people, weights and earlier pairs: every pair scores, or is blocked for the same first reason, as assessPair says', () => {
    fc.assert(fc.property(populations, expectCompiledToAgree), { numRuns: 400 });
  });

  it('agrees with assessPair when some mentorés are first in line (back after a binôme that did not fit)', () => {
    const withFirstInLine = populations.chain((population) =>
      fc.array(fc.boolean(), { minLength: population.mentees.length, maxLength: population.mentees.length }).map((first) => ({
        ...population,
        mentees: population.mentees.map((mentee, index) => (first[index] ? { ...mentee, firstInLine: true } : mentee)),
      })),
    );
    fc.assert(fc.property(withFirstInLine, expectCompiledToAgree), { numRuns: 300 });
  });

  it('for any people, pins and forbids: the proposal is the one the previous preparation gave, reasons included', () => {
    fc.assert(
      fc.property(populations, ({ mentors, mentees, pins, forbids, rules }) => {
        const input: MatchingInput = { mentors, mentees, pins, forbids };
        const proposal = proposePairings(input, rules);
        const previous = previousProposePairings(input, rules);
        expect({ matched: proposal.matched, total: proposal.total }).toEqual({ matched: previous.matched, total: previous.total });
        expect(proposal).toEqual(previous);
      }),
      { numRuns: 400 },
    );
  });

  it('a mentor whose places the pins took is no solver column, yet an unmatched mentoré counts them among the compatible ones', () => {
    const mentor = (id: string, capacity: number): MentorCandidate => ({
      id,
      capacity,
      languages: ['fr'],
      fields: [],
      sector: 'both',
      affiliation: '',
      format: 'remote',
      region: '',
      offers: [],
    });
    const mentee = (id: string, languages: string[]): MenteeCandidate => ({
      id,
      languages,
      fields: [],
      wishedSector: 'any',
      affiliation: '',
      format: 'remote',
      region: '',
      expectations: [],
      excluded: [],
    });
    const input: MatchingInput = {
      mentors: [mentor('alice', 1), mentor('bob', 1)],
      mentees: [mentee('dan', ['fr']), mentee('erin', ['fr']), mentee('gus', ['fr'])],
      pins: [['dan', 'alice']],
      forbids: [],
    };
    const prepared = preparePairings(input, { ...rulesForTest });
    expect([...prepared.columnMentor].map((at) => prepared.mentors[at]?.id)).toEqual(['bob']);
    const proposal = proposePairings(input, rulesForTest);
    expect(proposal.pairs.map((paired) => [paired.mentee, paired.mentor])).toEqual([
      ['dan', 'alice'],
      ['erin', 'bob'],
    ]);
    expect(proposal.unmatched).toEqual([{ mentee: 'gus', reasons: [{ kind: 'compatible-mentors-full', mentors: 2 }] }]);

    // A mentor already full when the round starts (0 places) is counted the same way.
    const full = proposePairings({ ...input, mentors: [...input.mentors, mentor('carla', 0)] }, rulesForTest);
    expect(full.pairs).toEqual(proposal.pairs);
    expect(full.unmatched).toEqual([{ mentee: 'gus', reasons: [{ kind: 'compatible-mentors-full', mentors: 3 }] }]);
  });
});

describe('the proposal', () => {
  it('refuses to build on a compiled score that disagrees with assessPair', () => {
    const input: MatchingInput = {
      mentors: [
        {
          id: 'alice',
          capacity: 1,
          languages: ['fr'],
          fields: ['a'],
          sector: 'both',
          affiliation: '',
          format: 'remote',
          region: '',
          offers: [],
        },
      ],
      mentees: [
        {
          id: 'dan',
          languages: ['fr'],
          fields: ['a'],
          wishedSector: 'any',
          affiliation: '',
          format: 'remote',
          region: '',
          expectations: [],
          excluded: [],
        },
      ],
      pins: [],
      forbids: [],
    };
    const prepared = preparePairings(input, rulesForTest);
    const solved = solveScoredRows(prepared.problem);
    expect(buildProposal(prepared, solved, rulesForTest).total).toBe(17);
    (prepared.compiled.weights as { field: number }).field = 11;
    expect(() => buildProposal(prepared, solved, rulesForTest)).toThrow(
      'matching: the compiled score of (dan, alice) is 18, assessPair gives 17',
    );
  });
});

const rulesForTest: MatchingRules = {
  weights: { sharedField: 10, wishedSector: 5, offeredTopic: 3, sameRegionInPerson: 4, compatibleFormat: 2 },
  forbidSameAffiliation: true,
  requireWayToMeet: true,
};

describe('solveScoredRows', () => {
  const dense = fc.record({ rows: fc.integer({ min: 0, max: 7 }), columns: fc.integer({ min: 0, max: 5 }) }).chain(({ rows, columns }) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      capacities: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: columns, maxLength: columns }),
      scores: fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9000 })), {
        minLength: rows * columns,
        maxLength: rows * columns,
      }),
      allowed: fc.array(fc.constantFrom(0, 1, 1), { minLength: rows * columns, maxLength: rows * columns }),
    }),
  );

  it('for any problem: the same columns as solveAssignment on the dense matrix the rows stand for', () => {
    fc.assert(
      fc.property(dense, (problem) => {
        const rowStart = [0];
        const column: number[] = [];
        const score: number[] = [];
        for (let row = 0; row < problem.rows; row++) {
          for (let at = 0; at < problem.columns; at++) {
            if (problem.allowed[row * problem.columns + at] !== 1) continue;
            column.push(at);
            score.push(problem.scores[row * problem.columns + at] ?? 0);
          }
          rowStart.push(column.length);
        }
        const scored = solveScoredRows({ ...problem, rowStart, column: Int32Array.from(column), score });
        const solved = solveAssignment(problem);
        expect({ ...scored, columnOf: [...scored.columnOf] }).toEqual({ ...solved, columnOf: [...solved.columnOf] });
      }),
      { numRuns: 500 },
    );
  });

  it('never uses a column with no place, and names a row whose columns do not ascend', () => {
    const solved = solveScoredRows({
      rows: 2,
      columns: 2,
      capacities: [0, 1],
      rowStart: [0, 2, 3],
      column: Uint16Array.from([0, 1, 0]),
      score: [9, 1, 9],
    });
    expect([...solved.columnOf]).toEqual([1, -1]);
    expect(() =>
      solveScoredRows({ rows: 1, columns: 2, capacities: [1, 1], rowStart: [0, 2], column: Uint16Array.from([1, 0]), score: [1, 1] }),
    ).toThrow('row 0, entry 1: columns must ascend within a row, got 0 after 1');
  });
});
