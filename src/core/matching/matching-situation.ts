import { type Binome, isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { countBy } from '../count-by';
import { currentCycle } from '../cycles/current-cycle';
import { isPauseActive, type Pause } from '../follow-up/pause';
import { binomeCommitments, committedRole, placesLeft } from '../participants/binome-commitments';
import type { Enrolment } from '../participants/enrolment';
import { namesOf } from '../people';
import { referentIds } from '../referents/referent-directory';
import type { MatchingInput } from './candidates';
import { type EarlierPair, earlierPairs, repeatPairs } from './earlier-pairs';
import { fingerprint } from './fingerprint';
import { candidatesFrom } from './from-enrolments';
import type { PairRule, ReferentChoice } from './matching-state';

/** Everything a proposal is computed from, read once. */
export interface MatchingSituation {
  readonly enrolments: readonly Enrolment[];
  readonly names: ReadonlyMap<string, string>;
  readonly binomes: readonly Binome[];
  /**
   * The people still to pair: mentorés without a binôme, every mentor with their free places (0
   * when full), with the coordinators' pins and forbids that can still apply.
   */
  readonly input: MatchingInput;
  readonly rules: readonly PairRule[];
  readonly referentChoices: ReadonlyMap<string, string>;
  readonly referents: readonly string[];
  /** People left out because they are paused now (never proposed), with their pause's end if set. */
  readonly paused: readonly { readonly userId: string; readonly until?: string }[];
  /** Binômes each référent already follows. */
  readonly referentLoads: ReadonlyMap<string, number>;
  /** Pairs that formed a binôme in an earlier cycle (by pairKey): their reason says so. */
  readonly earlier: ReadonlyMap<string, EarlierPair>;
  /** Changes whenever any of the above does: a stored proposal is confirmed only while it still matches. */
  readonly basis: string;
}

/** Who is paused at `now`, by user id: the matcher never sees them. */
function pausedNow(pauses: readonly Pause[], now: Date): Map<string, { userId: string; until?: string }> {
  const paused = new Map<string, { userId: string; until?: string }>();
  for (const pause of pauses) {
    if (!isPauseActive(pause, now)) continue;
    const userId = pause.participant.userId;
    paused.set(userId, { userId, ...(pause.until ? { until: pause.until } : {}) });
  }
  return paused;
}

export async function loadMatchingSituation(ctx: UseCaseContext): Promise<MatchingSituation> {
  const { ports, community } = ctx;
  const [enrolments, binomes, rules, choices, referents, pauses, waitlist, cycles, cycle] = await Promise.all([
    ports.enrolments.listByCommunity(community),
    ports.binomes.listByCommunity(community),
    ports.matching.listRules(community),
    ports.matching.listReferentChoices(community),
    referentIds(ctx),
    ports.pauses.listByCommunity(community),
    ports.waitlist.list(community),
    ports.cycles.list(community),
    currentCycle(ports, community),
  ]);
  const earlier = earlierPairs(binomes, cycles, cycle.sequence, enrolments);
  const repeats = repeatPairs(earlier, binomes, cycle.sequence);
  const active = binomes.filter(isActiveBinome);
  const commitments = binomeCommitments(active);
  const paused = pausedNow(pauses, ports.clock.now());
  const firstInLine = new Set(waitlist.filter((entry) => entry.firstInLine).map((entry) => entry.mentee));
  const { input } = candidatesFrom(
    enrolments.filter((enrolment) => !paused.has(enrolment.participant.userId)),
    firstInLine,
  );
  // Paused people are named too: the proposal lists them apart.
  const names = namesOf(enrolments.filter((enrolment) => enrolment.status === 'active'));
  // Full mentors stay, with no place: a mentoré left out is then told "all compatible mentors are
  // full", not "no mentor enrolled". Nobody is offered in the role their running binômes do not give them.
  const mentors = input.mentors
    .filter((mentor) => !commitments.mentored.has(mentor.id))
    .map((mentor) => ({ ...mentor, capacity: placesLeft(mentor.capacity, commitments, mentor.id) }));
  const mentees = input.mentees.filter((mentee) => committedRole(commitments, mentee.id) === undefined);
  const mentorIds = new Set(mentors.filter((mentor) => mentor.capacity > 0).map((mentor) => mentor.id));
  const excludedBy = new Map(mentees.map((mentee) => [mentee.id, new Set(mentee.excluded)]));
  // Decisions about people who left, or were paired meanwhile, no longer apply.
  const applicable = (rule: PairRule) => excludedBy.has(rule.mentee) && mentorIds.has(rule.mentor);
  // A pin never overrides the mentoré's safety: one who excluded that mentor since is not forced onto them.
  const pinApplies = (rule: PairRule) => applicable(rule) && !excludedBy.get(rule.mentee)?.has(rule.mentor);
  const pairOf = (rule: PairRule) => [rule.mentee, rule.mentor] as const;
  // A choice of someone who is no longer a référent is dropped: they were told no new binôme comes to them.
  const referentChoices = new Map(
    choices
      .filter((choice: ReferentChoice) => excludedBy.has(choice.mentee) && referents.includes(choice.referent))
      .map((choice) => [choice.mentee, choice.referent]),
  );
  const basis = fingerprint([
    ...enrolments.map((enrolment) => `e:${enrolment.participant.userId}:${enrolment.revision}:${enrolment.status}`),
    ...active.map((binome) => `b:${binome.id}:${binome.mentee}:${binome.mentor}:${binome.referent ?? ''}`),
    ...rules.map((rule) => `r:${rule.kind}:${rule.mentee}:${rule.mentor}`),
    ...[...referentChoices].map(([mentee, referent]) => `c:${mentee}:${referent}`),
    ...referents.map((referent) => `f:${referent}`),
    ...[...paused.keys()].map((userId) => `p:${userId}`),
    ...[...firstInLine].map((userId) => `q:${userId}`),
    ...repeats.map(([mentee, mentor]) => `e:${mentee}:${mentor}`),
    `w:${JSON.stringify(ctx.programme.matching)}`,
  ]);
  return {
    enrolments,
    names,
    binomes,
    input: {
      mentors,
      mentees,
      pins: rules.filter((rule) => rule.kind === 'pin' && pinApplies(rule)).map(pairOf),
      forbids: rules.filter((rule) => rule.kind === 'forbid' && applicable(rule)).map(pairOf),
      repeats,
    },
    earlier,
    rules,
    referentChoices,
    referents,
    paused: [...paused.values()]
      .filter((pause) => enrolments.some((enrolment) => enrolment.status === 'active' && enrolment.participant.userId === pause.userId))
      .sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    referentLoads: countBy(active.flatMap((binome) => (binome.referent ? [binome.referent] : []))),
    basis,
  };
}
