import { binomeSubject } from '../binomes/announcement-log';
import { isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { UserError } from '../errors';
import { currentPause, pauseLength } from '../follow-up/pauses';
import { foldForMatching } from '../forms/raw-input';
import { translate } from '../i18n/translate';
import { participantIdOf } from '../identity';
import { findEnrolled, namesOf, personIdFrom, personLabel } from '../people';
import { referentIds } from '../referents/referent-directory';
import { mention, messages, type Reply } from '../reply';
import { assessPair } from './compatibility';
import { loadMatchingSituation } from './matching-situation';
import { pairLabel } from './proposal-view';

export interface PairNamed {
  readonly mentee: string;
  readonly mentor: string;
}

/** The two people named, both enrolled and active, the mentoré still without a binôme. */
async function namedPair(ctx: UseCaseContext, typed: PairNamed) {
  const enrolments = await ctx.ports.enrolments.listByCommunity(ctx.community);
  const mentee = findEnrolled(enrolments, typed.mentee, 'mentee');
  const mentor = findEnrolled(enrolments, typed.mentor, 'mentor');
  const binomes = await ctx.ports.binomes.listByCommunity(ctx.community);
  const current = binomes.find((binome) => isActiveBinome(binome) && binome.mentee === mentee.participant.userId);
  const names = namesOf(enrolments);
  if (current) throw new UserError('decision.alreadyPaired', { pair: pairLabel(current, names) });
  return { mentee, mentor, names, pair: { mentee: mentee.participant.userId, mentor: mentor.participant.userId } };
}

/** `/mentorat-admin epingler`: this pair will be proposed whatever its score, until the next confirmation. */
export async function pinPair(ctx: UseCaseContext, typed: PairNamed): Promise<Reply> {
  const { mentee, mentor, names, pair } = await namedPair(ctx, typed);
  // A paused person is never proposed: a pin would wait unseen, so it is refused, with until when.
  for (const person of [pair.mentee, pair.mentor]) {
    const pause = await currentPause(ctx.ports, participantIdOf(ctx.community, person));
    if (pause) {
      throw new UserError('pause.pinRefused', {
        person: personLabel(person, names),
        length: pauseLength(pause, ctx.programme, ctx.locale),
      });
    }
  }
  // Never force a mentoré onto someone they asked not to meet: that is their safety, not a preference.
  if (mentee.profile.role === 'mentee' && findExcluded(mentee.profile.excluded, names, pair.mentor)) {
    throw new UserError('decision.excludedByMentee', { pair: pairLabel(pair, names) });
  }
  // A pin beyond the mentor's places could never apply: say so now rather than drop it from the proposal.
  // Only pins the proposal would apply take a place: not those of a mentoré who left or was paired since.
  const { input } = await loadMatchingSituation(ctx);
  const places = input.mentors.find((candidate) => candidate.id === pair.mentor)?.capacity ?? 0;
  const pinnedElsewhere = input.pins.filter(([menteeId, mentorId]) => mentorId === pair.mentor && menteeId !== pair.mentee).length;
  if (pinnedElsewhere >= places) {
    const capacity = mentor.profile.role === 'mentor' ? mentor.profile.capacity : 0;
    throw new UserError('decision.mentorFull', { person: personLabel(pair.mentor, names), capacity });
  }
  await ctx.ports.matching.saveRule({
    schemaVersion: 1,
    community: ctx.community,
    kind: 'pin',
    ...pair,
    by: ctx.actor.id.userId,
    at: ctx.ports.clock.now().toISOString(),
  });
  const pinned = translate(ctx.locale, 'decision.pinned', { pair: pairLabel(pair, names) });
  // A pin overrides the usual rules (language, affiliation): coordinators may know better, but they see which.
  const menteeCandidate = input.mentees.find((candidate) => candidate.id === pair.mentee);
  const mentorCandidate = input.mentors.find((candidate) => candidate.id === pair.mentor);
  const assessed =
    menteeCandidate && mentorCandidate ? assessPair(menteeCandidate, mentorCandidate, ctx.programme.matching, false) : undefined;
  if (!assessed || assessed.allowed) return messages(pinned);
  return messages(
    `${pinned}\n${translate(ctx.locale, 'binome.createdDespite', { rule: translate(ctx.locale, `match.rule.${assessed.blockedBecause}`) })}`,
  );
}

/** The form asks mentorés for names to avoid; the matcher reads them the same way (from-enrolments.ts). */
function findExcluded(excluded: readonly string[], names: ReadonlyMap<string, string>, mentor: string): boolean {
  const mentorName = foldForMatching(names.get(mentor) ?? '');
  return excluded.some((entry) => entry === mentor || foldForMatching(entry) === mentorName);
}

/** `/mentorat-admin interdire`: this pair will never be proposed, until the next confirmation. */
export async function forbidPair(ctx: UseCaseContext, typed: PairNamed): Promise<Reply> {
  const { names, pair } = await namedPair(ctx, typed);
  await ctx.ports.matching.saveRule({
    schemaVersion: 1,
    community: ctx.community,
    kind: 'forbid',
    ...pair,
    by: ctx.actor.id.userId,
    at: ctx.ports.clock.now().toISOString(),
  });
  return messages(translate(ctx.locale, 'decision.forbidden', { pair: pairLabel(pair, names) }));
}

/** `/mentorat-admin liberer`: forgets the pin or forbid on this pair. */
export async function releasePair(ctx: UseCaseContext, typed: PairNamed): Promise<Reply> {
  const enrolments = await ctx.ports.enrolments.listByCommunity(ctx.community);
  const pair = {
    mentee: findEnrolled(enrolments, typed.mentee, 'mentee').participant.userId,
    mentor: findEnrolled(enrolments, typed.mentor, 'mentor').participant.userId,
  };
  const removed = await ctx.ports.matching.removeRule(ctx.community, pair.mentee, pair.mentor);
  return messages(
    translate(ctx.locale, removed ? 'decision.released' : 'decision.nothingToRelease', { pair: pairLabel(pair, namesOf(enrolments)) }),
  );
}

/**
 * `/mentorat-admin changer-referent`: the référent of a mentoré's binôme. Before the binôme is
 * announced it is simply changed; a mentoré still without one keeps the choice for the next
 * proposal. An announced binôme's private space already holds its référent, so the change is refused there.
 */
export async function chooseReferent(ctx: UseCaseContext, typed: { readonly mentee: string; readonly referent: string }): Promise<Reply> {
  const { ports, community, locale } = ctx;
  const enrolments = await ports.enrolments.listByCommunity(community);
  const names = namesOf(enrolments);
  const mentee = findEnrolled(enrolments, typed.mentee, 'mentee').participant.userId;
  const referent = personIdFrom(enrolments, typed.referent, community.platform);
  if (!(await referentIds(ctx)).includes(referent)) throw new UserError('decision.notAReferent', { person: mention(referent) });
  const binome = (await ports.binomes.listByCommunity(community)).find(
    (candidate) => isActiveBinome(candidate) && candidate.mentee === mentee,
  );
  if (binome && (binome.mentor === referent || binome.mentee === referent)) throw new UserError('decision.referentIsMember');
  if (referent === mentee) throw new UserError('decision.referentIsMember');
  if (!binome) {
    await ports.matching.saveReferentChoice({
      schemaVersion: 1,
      community,
      mentee,
      referent,
      by: ctx.actor.id.userId,
      at: ports.clock.now().toISOString(),
    });
    return messages(translate(locale, 'decision.referentChosen', { person: mention(referent), mentee: personLabel(mentee, names) }));
  }
  const announced = (await ports.announcements.list(community)).some(
    (attempt) => attempt.subject === binomeSubject(binome.id) && attempt.step === 'space' && attempt.state !== 'failed',
  );
  if (announced) throw new UserError('decision.alreadyAnnounced', { pair: pairLabel(binome, names) });
  await ports.binomes.save({ ...binome, referent });
  return messages(translate(locale, 'decision.referentChanged', { person: mention(referent), pair: pairLabel(binome, names) }));
}
