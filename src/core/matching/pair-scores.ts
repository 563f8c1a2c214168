import type { MatchingRules, MenteeCandidate, MentorCandidate, PairIds } from './candidates';
import { affiliationKey, type BlockedBecause, FIRST_IN_LINE_POINTS } from './compatibility';

/**
 * The fields assessPair compares, compiled once per person into numbers and bitsets, so that
 * scoring one pair reads a few integers and allocates nothing: the matcher scores every pair,
 * hundreds of millions at 20,000 mentorés. The result must be assessPair's, pair for pair (a
 * property test compares them, and the proposal checks it again on the pairs it keeps).
 *
 * A pair's outcome is a number: its score (≥ 0) when allowed, else −(1 + the index in
 * BLOCKED_REASONS of the first hard rule that blocks it), in assessPair's order.
 */
export const BLOCKED_REASONS = [
  'forbidden',
  'excluded',
  'paired-before',
  'no-shared-language',
  'no-way-to-meet',
  'same-affiliation',
] as const satisfies readonly BlockedBecause[];

const blockedBy = (because: (typeof BLOCKED_REASONS)[number]) => -1 - BLOCKED_REASONS.indexOf(because);
const FORBIDDEN = blockedBy('forbidden');
const EXCLUDED = blockedBy('excluded');
const PAIRED_BEFORE = blockedBy('paired-before');
const NO_SHARED_LANGUAGE = blockedBy('no-shared-language');
const NO_WAY_TO_MEET = blockedBy('no-way-to-meet');
const SAME_AFFILIATION = blockedBy('same-affiliation');

/** The hard rule an outcome below 0 stands for. */
export function blockedReason(outcome: number): BlockedBecause {
  const because = BLOCKED_REASONS[-1 - outcome];
  if (because === undefined) throw new RangeError(`pair-scores: ${outcome} is no blocked outcome`);
  return because;
}

/** One side's people, field by field; a list of ids is `words` 32-bit words per person. */
interface CompiledSide {
  readonly languages: Uint32Array;
  readonly fields: Uint32Array;
  /** A mentor's offers, a mentoré's expectations: they are compared with each other. */
  readonly topics: Uint32Array;
  /** Bit 1 academic, bit 2 private: a mentor's sector, a mentoré's wish (any is both bits). */
  readonly sector: Uint8Array;
  /** Bit 1 remote, bit 2 in person (both is both bits). */
  readonly format: Uint8Array;
  readonly region: Int32Array;
  /** 0 for no affiliation, else one number per affiliationKey. */
  readonly affiliation: Int32Array;
}

export interface CompiledPairs {
  /** In index order: outcomes are asked by these indexes. */
  readonly mentees: readonly MenteeCandidate[];
  readonly mentors: readonly MentorCandidate[];
  readonly mentee: CompiledSide;
  readonly mentor: CompiledSide;
  readonly words: { readonly languages: number; readonly fields: number; readonly topics: number };
  /** Mentors a mentoré may never get (forbidden by a coordinator, excluded by them), with the outcome they give. */
  readonly blockedStart: Int32Array;
  readonly blockedMentor: Int32Array;
  readonly blockedOutcome: Int8Array;
  readonly forbidSameAffiliation: boolean;
  /** matching.requireWayToMeet: a pair that cannot meet is blocked (else it only earns no format points). */
  readonly requireWayToMeet: boolean;
  /** The weights assessPair counts: a weight ≤ 0 earns no term, so no points. */
  readonly weights: {
    readonly field: number;
    readonly sector: number;
    readonly topic: number;
    readonly region: number;
    readonly format: number;
  };
  /** Points every pair of each mentoré earns whoever the mentor (first in line: FIRST_IN_LINE_POINTS). */
  readonly menteeBonus: Int32Array;
  /** No pair scores more. */
  readonly maxScore: number;
  /**
   * When every list fits one word: each mentor's fields side by side, MENTOR_STRIDE numbers
   * apart (languages, fields, topics, sector | format << 2, region, affiliation), so that the
   * loop over a row reads one stream; empty otherwise.
   */
  readonly packedMentors: Int32Array;
}

const MENTOR_STRIDE = 6;

class Dictionary {
  private readonly ids = new Map<string, number>();
  idOf(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

const SECTOR = { academic: 1, private: 2, both: 3, any: 3 } as const;
const FORMAT = { remote: 1, 'in-person': 2, both: 3 } as const;
const REMOTE = 1;
const IN_PERSON = 2;

function bitsets(people: readonly (readonly string[])[], dictionary: Dictionary, words: number): Uint32Array {
  const bits = new Uint32Array(people.length * words);
  people.forEach((items, person) => {
    for (const item of items) {
      const id = dictionary.idOf(item);
      const at = person * words + (id >>> 5);
      bits[at] = (bits[at] as number) | (1 << (id & 31));
    }
  });
  return bits;
}

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

function sharedCount(a: Uint32Array, b: Uint32Array, aFrom: number, bFrom: number, words: number): number {
  let count = 0;
  for (let word = 0; word < words; word++) count += popcount((a[aFrom + word] as number) & (b[bFrom + word] as number));
  return count;
}

/** Compiles both sides; `forbids` are coordinators' [mentee id, mentor id] pairs, `repeats` pairs of an earlier cycle. */
export function compilePairs(
  mentees: readonly MenteeCandidate[],
  mentors: readonly MentorCandidate[],
  rules: MatchingRules,
  forbids: readonly PairIds[],
  repeats: readonly PairIds[] = [],
): CompiledPairs {
  const languages = new Dictionary();
  const fields = new Dictionary();
  const topics = new Dictionary();
  const regions = new Dictionary();
  const affiliations = new Dictionary();
  affiliations.idOf('');
  // Ids first, so that both sides know how many words a list takes.
  for (const person of [...mentees, ...mentors]) {
    for (const language of person.languages) languages.idOf(language);
    for (const field of person.fields) fields.idOf(field);
  }
  for (const mentee of mentees) for (const topic of mentee.expectations) topics.idOf(topic);
  for (const mentor of mentors) for (const topic of mentor.offers) topics.idOf(topic);
  const words = {
    languages: Math.max(1, Math.ceil(languages.size / 32)),
    fields: Math.max(1, Math.ceil(fields.size / 32)),
    topics: Math.max(1, Math.ceil(topics.size / 32)),
  };
  const side = (
    people: readonly (MenteeCandidate | MentorCandidate)[],
    topicsOf: (index: number) => readonly string[],
    sectorOf: (index: number) => number,
  ): CompiledSide => ({
    languages: bitsets(
      people.map((person) => person.languages),
      languages,
      words.languages,
    ),
    fields: bitsets(
      people.map((person) => person.fields),
      fields,
      words.fields,
    ),
    topics: bitsets(
      people.map((_, index) => topicsOf(index)),
      topics,
      words.topics,
    ),
    sector: Uint8Array.from(people, (_, index) => sectorOf(index)),
    format: Uint8Array.from(people, (person) => FORMAT[person.format]),
    region: Int32Array.from(people, (person) => regions.idOf(person.region)),
    affiliation: Int32Array.from(people, (person) => affiliations.idOf(affiliationKey(person.affiliation))),
  });
  const mentee = side(
    mentees,
    (index) => mentees[index]?.expectations ?? [],
    (index) => SECTOR[mentees[index]?.wishedSector ?? 'any'],
  );
  const mentor = side(
    mentors,
    (index) => mentors[index]?.offers ?? [],
    (index) => SECTOR[mentors[index]?.sector ?? 'both'],
  );

  const mentorIndex = new Map(mentors.map((person, index) => [person.id, index]));
  const blocked = mentees.map(() => new Map<number, number>());
  const menteeIndex = new Map(mentees.map((person, index) => [person.id, index]));
  mentees.forEach((person, index) => {
    for (const id of person.excluded) {
      const at = mentorIndex.get(id);
      if (at !== undefined) blocked[index]?.set(at, EXCLUDED);
    }
  });
  // In assessPair's order: an excluded mentor stays "excluded", a forbidden pair "forbidden".
  for (const [menteeId, mentorId] of repeats) {
    const at = mentorIndex.get(mentorId);
    const index = menteeIndex.get(menteeId);
    if (at !== undefined && index !== undefined && !blocked[index]?.has(at)) blocked[index]?.set(at, PAIRED_BEFORE);
  }
  for (const [menteeId, mentorId] of forbids) {
    const at = mentorIndex.get(mentorId);
    const index = menteeIndex.get(menteeId);
    if (at !== undefined && index !== undefined) blocked[index]?.set(at, FORBIDDEN);
  }
  const blockedStart = new Int32Array(mentees.length + 1);
  blocked.forEach((list, index) => {
    blockedStart[index + 1] = (blockedStart[index] as number) + list.size;
  });
  const blockedMentor = new Int32Array(blockedStart[mentees.length] as number);
  const blockedOutcome = new Int8Array(blockedMentor.length);
  blocked.forEach((list, index) => {
    let at = blockedStart[index] as number;
    for (const [mentorAt, outcome] of list) {
      blockedMentor[at] = mentorAt;
      blockedOutcome[at++] = outcome;
    }
  });

  const positive = (weight: number) => Math.max(weight, 0);
  const weights = {
    field: positive(rules.weights.sharedField),
    sector: positive(rules.weights.wishedSector),
    topic: positive(rules.weights.offeredTopic),
    region: positive(rules.weights.sameRegionInPerson),
    format: positive(rules.weights.compatibleFormat),
  };
  const most = (people: readonly (readonly string[])[]) => people.reduce((max, items) => Math.max(max, new Set(items).size), 0);
  const menteeBonus = Int32Array.from(mentees, (person) => (person.firstInLine ? FIRST_IN_LINE_POINTS : 0));
  const maxScore =
    weights.field * most(mentees.map((person) => person.fields)) +
    weights.sector +
    weights.topic * most(mentees.map((person) => person.expectations)) +
    weights.region +
    weights.format +
    menteeBonus.reduce((max, bonus) => Math.max(max, bonus), 0);
  const packedMentors =
    words.languages === 1 && words.fields === 1 && words.topics === 1 ? new Int32Array(mentors.length * MENTOR_STRIDE) : new Int32Array(0);
  if (packedMentors.length > 0) {
    for (let at = 0; at < mentors.length; at++) {
      const base = at * MENTOR_STRIDE;
      packedMentors[base] = mentor.languages[at] as number;
      packedMentors[base + 1] = mentor.fields[at] as number;
      packedMentors[base + 2] = mentor.topics[at] as number;
      packedMentors[base + 3] = (mentor.sector[at] as number) | ((mentor.format[at] as number) << 2);
      packedMentors[base + 4] = mentor.region[at] as number;
      packedMentors[base + 5] = mentor.affiliation[at] as number;
    }
  }
  return {
    packedMentors,
    mentees,
    mentors,
    mentee,
    mentor,
    words,
    blockedStart,
    blockedMentor,
    blockedOutcome,
    forbidSameAffiliation: rules.forbidSameAffiliation,
    requireWayToMeet: rules.requireWayToMeet,
    weights,
    menteeBonus,
    maxScore,
  };
}

// The hard rules over compiled fields, one small function each over one pair's values, checked
// in assessPair's order after the forbidden and excluded pairs, in both places that score pairs:
// firstBlockingRule (any pair) and writeRow (the fast loop over a mentoré's row, where the rules
// are folded into one 0/1 factor without branches: a shared language word, the `meets` table
// built from canMeetCompiled, sameAffiliationKey). A new rule is a function here, a line in each
// of those two, and its reason in BLOCKED_REASONS (its words in assessPair, compatibility.ts);
// the property test compares every pair with assessPair.

/** Languages are bitsets: shared when one word has a bit in common. */
const sharesLanguageWord = (mentee: number, mentor: number) => (mentee & mentor) !== 0;

/** compatibility.ts canMeet over compiled formats (`formats` is both sides' bits in common): both remote, or both in person in one region. */
const canMeetCompiled = (formats: number, sameRegion: boolean) => (formats & REMOTE) !== 0 || ((formats & IN_PERSON) !== 0 && sameRegion);

const sameAffiliationKey = (forbid: boolean, mentee: number, mentor: number) => forbid && mentee !== 0 && mentee === mentor;

function sharesLanguage(pairs: CompiledPairs, mentee: number, mentor: number): boolean {
  const words = pairs.words.languages;
  const a = pairs.mentee.languages;
  const b = pairs.mentor.languages;
  for (let word = 0; word < words; word++) {
    if (sharesLanguageWord(a[mentee * words + word] as number, b[mentor * words + word] as number)) return true;
  }
  return false;
}

/** The outcome of the first hard rule that blocks the pair, 0 when none does. */
function firstBlockingRule(pairs: CompiledPairs, mentee: number, mentor: number): number {
  if (!sharesLanguage(pairs, mentee, mentor)) return NO_SHARED_LANGUAGE;
  const formats = (pairs.mentee.format[mentee] as number) & (pairs.mentor.format[mentor] as number);
  if (pairs.requireWayToMeet && !canMeetCompiled(formats, pairs.mentee.region[mentee] === pairs.mentor.region[mentor]))
    return NO_WAY_TO_MEET;
  const { forbidSameAffiliation } = pairs;
  if (sameAffiliationKey(forbidSameAffiliation, pairs.mentee.affiliation[mentee] as number, pairs.mentor.affiliation[mentor] as number)) {
    return SAME_AFFILIATION;
  }
  return 0;
}

/** assessPair's terms, added up, from what the pair shares: counts of fields and topics, then each side's sector, format and region. */
function scoreOf(
  weights: CompiledPairs['weights'],
  fields: number,
  topics: number,
  sectors: number,
  formats: number,
  sameRegion: boolean,
): number {
  return (
    weights.field * fields +
    (sectors !== 0 ? weights.sector : 0) +
    weights.topic * topics +
    ((formats & IN_PERSON) !== 0 && sameRegion ? weights.region : 0) +
    (canMeetCompiled(formats, sameRegion) ? weights.format : 0)
  );
}

function score(pairs: CompiledPairs, mentee: number, mentor: number): number {
  const { words } = pairs;
  const a = pairs.mentee;
  const b = pairs.mentor;
  return (
    scoreOf(
      pairs.weights,
      sharedCount(a.fields, b.fields, mentee * words.fields, mentor * words.fields, words.fields),
      sharedCount(a.topics, b.topics, mentee * words.topics, mentor * words.topics, words.topics),
      (a.sector[mentee] as number) & (b.sector[mentor] as number),
      (a.format[mentee] as number) & (b.format[mentor] as number),
      a.region[mentee] === b.region[mentor],
    ) + (pairs.menteeBonus[mentee] as number)
  );
}

/** A mentoré's allowed mentors among the solver's columns, written from `used` on; returns the new end. */
export interface RowWriter {
  /** The mentor index of each solver column, ascending. */
  readonly columnMentor: Int32Array;
  readonly column: Uint16Array | Int32Array;
  readonly score: Uint8Array | Uint16Array | Int32Array | Float64Array;
  /** Scratch, one entry per mentor, all 0, and left so. */
  readonly mark: Int8Array;
  /**
   * When the mentors are packed (see CompiledPairs.packedMentors): the columns' mentors in
   * column order, so that a row reads one stream, and each mentor's column (-1 for none).
   * Made once by `rowWriter`; a row's blocked mentors have their languages cleared while it is written.
   */
  readonly packedColumns: Int32Array;
  readonly mentorColumn: Int32Array;
}

/** What writeRow needs for the given columns, into the given arrays. */
export function rowWriter(
  pairs: CompiledPairs,
  columnMentor: Int32Array,
  column: RowWriter['column'],
  score: RowWriter['score'],
): RowWriter {
  const packed = pairs.packedMentors;
  const packedColumns = new Int32Array(packed.length > 0 ? columnMentor.length * MENTOR_STRIDE : 0);
  const mentorColumn = new Int32Array(pairs.mentors.length).fill(-1);
  columnMentor.forEach((mentor, at) => {
    mentorColumn[mentor] = at;
    if (packed.length > 0) packedColumns.set(packed.subarray(mentor * MENTOR_STRIDE, (mentor + 1) * MENTOR_STRIDE), at * MENTOR_STRIDE);
  });
  return { columnMentor, column, score, mark: new Int8Array(pairs.mentors.length), packedColumns, mentorColumn };
}

/** Bits set in each 12-bit number: a shared list's size in three look-ups. */
const BITS = new Uint8Array(4096);
for (let value = 1; value < 4096; value++) BITS[value] = (BITS[value >>> 1] as number) + (value & 1);

/**
 * The solver's row for one mentoré: each column whose mentor no rule keeps away, with the
 * pair's score. Every pair goes through here, so it reads the mentoré's fields once and each
 * column's mentor's from one flat array; lists longer than 32 ids take the general path, pair by pair.
 */
export function writeRow(pairs: CompiledPairs, mentee: number, into: RowWriter, used: number): number {
  const { columnMentor, column, score: scores } = into;
  const from = pairs.blockedStart[mentee] as number;
  const to = pairs.blockedStart[mentee + 1] as number;
  const { weights } = pairs;
  const packed = into.packedColumns;
  if (packed.length === 0) return writeRowPairByPair(pairs, mentee, into, used);
  // A blocked mentor shares no language with this mentoré while the row is written.
  const { mentorColumn } = into;
  for (let at = from; at < to; at++) {
    const blocked = mentorColumn[pairs.blockedMentor[at] as number] as number;
    if (blocked >= 0) packed[blocked * MENTOR_STRIDE] = 0;
  }
  const a = pairs.mentee;
  const languages = (a.languages[mentee] as number) | 0;
  const fields = (a.fields[mentee] as number) | 0;
  const topics = (a.topics[mentee] as number) | 0;
  const sector = a.sector[mentee] as number;
  const format = a.format[mentee] as number;
  const ownRegion = a.region[mentee] as number;
  const affiliation = a.affiliation[mentee] as number;
  const requireWayToMeet = pairs.requireWayToMeet;
  // For each mentor's sector | format << 2 | same region << 4: the points of sector, format
  // and region, and whether the way-to-meet rule lets the pair through (1) or not (0).
  const points = new Int32Array(32);
  const meets = new Int32Array(32);
  for (let key = 0; key < 32; key++) {
    const formats = format & (key >>> 2) & 3;
    points[key] = scoreOf(weights, 0, 0, sector & key & 3, formats, key >= 16);
    meets[key] = requireWayToMeet && !canMeetCompiled(formats, key >= 16) ? 0 : 1;
  }
  // An affiliation no mentor has (they are ≥ 0) when the rule cannot block this mentoré.
  const ownAffiliation = sameAffiliationKey(pairs.forbidSameAffiliation, affiliation, affiliation) ? affiliation : -1;
  const field = weights.field;
  const topic = weights.topic;
  const bonus = pairs.menteeBonus[mentee] as number;
  // Without a branch per rule, which random people would mispredict often: every column is
  // written, and the end moves on only when every rule lets the pair through.
  let end = used;
  for (let at = 0, base = 0, count = columnMentor.length; at < count; at++, base += MENTOR_STRIDE) {
    const key = (packed[base + 3] as number) | (packed[base + 4] === ownRegion ? 16 : 0);
    const shared = languages & (packed[base] as number);
    const sharedFields = fields & (packed[base + 1] as number);
    const sharedTopics = topics & (packed[base + 2] as number);
    column[end] = at;
    scores[end] =
      field *
        ((BITS[sharedFields & 0xfff] as number) + (BITS[(sharedFields >>> 12) & 0xfff] as number) + (BITS[sharedFields >>> 24] as number)) +
      topic *
        ((BITS[sharedTopics & 0xfff] as number) + (BITS[(sharedTopics >>> 12) & 0xfff] as number) + (BITS[sharedTopics >>> 24] as number)) +
      (points[key] as number) +
      bonus;
    end += ((shared | -shared) >>> 31) & (meets[key] as number) & (packed[base + 5] === ownAffiliation ? 0 : 1);
  }
  for (let at = from; at < to; at++) {
    const mentor = pairs.blockedMentor[at] as number;
    const blocked = mentorColumn[mentor] as number;
    if (blocked >= 0) packed[blocked * MENTOR_STRIDE] = pairs.packedMentors[mentor * MENTOR_STRIDE] as number;
  }
  return end;
}

/** writeRow when some list takes more than one word: each pair through the rules and the score. */
function writeRowPairByPair(pairs: CompiledPairs, mentee: number, into: RowWriter, used: number): number {
  const { columnMentor, column, score: scores, mark } = into;
  const from = pairs.blockedStart[mentee] as number;
  const to = pairs.blockedStart[mentee + 1] as number;
  for (let at = from; at < to; at++) mark[pairs.blockedMentor[at] as number] = 1;
  let end = used;
  for (let at = 0, count = columnMentor.length; at < count; at++) {
    const mentor = columnMentor[at] as number;
    if (mark[mentor] !== 0 || firstBlockingRule(pairs, mentee, mentor) !== 0) continue;
    column[end] = at;
    scores[end++] = score(pairs, mentee, mentor);
  }
  for (let at = from; at < to; at++) mark[pairs.blockedMentor[at] as number] = 0;
  return end;
}

/**
 * Every mentor's outcome with one mentoré, into `outcomes` (one per mentor). `mark` is scratch
 * of one entry per mentor, all 0, and left so.
 */
export function rowOutcomes(pairs: CompiledPairs, mentee: number, outcomes: Int32Array, mark: Int8Array): void {
  const from = pairs.blockedStart[mentee] as number;
  const to = pairs.blockedStart[mentee + 1] as number;
  for (let at = from; at < to; at++) mark[pairs.blockedMentor[at] as number] = pairs.blockedOutcome[at] as number;
  for (let mentor = 0, count = pairs.mentors.length; mentor < count; mentor++) {
    const blocked = mark[mentor] as number;
    if (blocked !== 0) {
      outcomes[mentor] = blocked;
      continue;
    }
    const rule = firstBlockingRule(pairs, mentee, mentor);
    outcomes[mentor] = rule !== 0 ? rule : score(pairs, mentee, mentor);
  }
  for (let at = from; at < to; at++) mark[pairs.blockedMentor[at] as number] = 0;
}

/** One pair's outcome: its score when allowed, else the blocking rule's (see blockedReason). */
export function pairOutcome(pairs: CompiledPairs, mentee: number, mentor: number): number {
  for (let at = pairs.blockedStart[mentee] as number, to = pairs.blockedStart[mentee + 1] as number; at < to; at++) {
    if (pairs.blockedMentor[at] === mentor) return pairs.blockedOutcome[at] as number;
  }
  const rule = firstBlockingRule(pairs, mentee, mentor);
  return rule !== 0 ? rule : score(pairs, mentee, mentor);
}
