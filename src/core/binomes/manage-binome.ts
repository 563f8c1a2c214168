import { confirmationButtons, confirmedArgs } from '../confirmation';
import type { UseCaseContext } from '../context';
import { requireMatchingOpen } from '../cycles/cycle-gates';
import { UserError } from '../errors';
import { currentPause, pauseLength } from '../follow-up/pauses';
import { translate } from '../i18n/translate';
import { participantIdOf } from '../identity';
import { assessPair } from '../matching/compatibility';
import { earlierPairs, pairKey } from '../matching/earlier-pairs';
import { pairReasons } from '../matching/explain';
import { candidatesFrom } from '../matching/from-enrolments';
import { pairLabel } from '../matching/proposal-view';
import { assignReferents } from '../matching/referents';
import { binomeCommitments, committedRole, placesLeft } from '../participants/binome-commitments';
import { findEnrolled, namesOf, personIdFrom, personLabel } from '../people';
import { referentIds } from '../referents/referent-directory';
import { literal, mention, messages, type Reply } from '../reply';
import { type Binome, isActiveBinome } from './binome';
import { describeSpaceProblems } from './binome-ending';
import { announcedSpaces } from './binome-spaces';
import { dissolveBinome } from './dissolve';

export interface ManualPair {
  readonly mentee: string;
  readonly mentor: string;
  readonly referent?: string;
}

/**
 * `/mentorat-admin binome creer`: a pair coordinators form themselves (someone who joined after
 * the round, a pair agreed with both). The mentor's capacity, the mentoré's exclusions and each
 * person's role (never one they are not enrolled in, nor the other role of a running binôme) still
 * hold; a language, way-to-meet or affiliation rule it breaks is shown, not refused: coordinators
 * know things the form does not. Announced with the others by `annoncer`.
 */
export async function createBinomeByHand(ctx: UseCaseContext, typed: ManualPair): Promise<Reply> {
  const { ports, community, locale, programme } = ctx;
  const cycle = await requireMatchingOpen(ctx);
  const [enrolments, binomes] = await Promise.all([ports.enrolments.listByCommunity(community), ports.binomes.listByCommunity(community)]);
  const names = namesOf(enrolments);
  const mentee = findEnrolled(enrolments, typed.mentee, 'mentee').participant.userId;
  const mentor = findEnrolled(enrolments, typed.mentor, 'mentor');
  const active = binomes.filter(isActiveBinome);
  const current = active.find((binome) => binome.mentee === mentee);
  if (current) throw new UserError('decision.alreadyPaired', { pair: pairLabel(current, names) });
  // Each in the role they enrolled in, and in no running binôme of the other role (one stored before this rule).
  const commitments = binomeCommitments(active);
  for (const [userId, role] of [
    [mentee, 'mentee'],
    [mentor.participant.userId, 'mentor'],
  ] as const) {
    const held = committedRole(commitments, userId);
    if (held && held !== role)
      throw new UserError('binome.otherRole', {
        person: personLabel(userId, names),
        role: translate(locale, `role.${held}`).toLowerCase(),
      });
  }
  const capacity = mentor.profile.role === 'mentor' ? mentor.profile.capacity : 0;
  if (placesLeft(capacity, commitments, mentor.participant.userId) === 0)
    throw new UserError('binome.mentorFull', { person: personLabel(mentor.participant.userId, names), capacity });

  const { input } = candidatesFrom(enrolments);
  const menteeCandidate = input.mentees.find((candidate) => candidate.id === mentee);
  const mentorCandidate = input.mentors.find((candidate) => candidate.id === mentor.participant.userId);
  if (!menteeCandidate || !mentorCandidate) throw new UserError('people.notEnrolled', { name: literal(typed.mentee) });
  const pair = { mentee, mentor: mentor.participant.userId };
  if (menteeCandidate.excluded.includes(pair.mentor)) throw new UserError('decision.excludedByMentee', { pair: pairLabel(pair, names) });
  const assessed = assessPair(menteeCandidate, mentorCandidate, programme.matching, false);
  // A pair of an earlier cycle is the coordinators' call here, as a pin is: allowed, and said.
  const earlier = earlierPairs(binomes, await ports.cycles.list(community), cycle.sequence, enrolments).get(
    pairKey(pair.mentee, pair.mentor),
  );

  const referents = await referentIds(ctx);
  let referent: string | undefined;
  if (typed.referent) {
    referent = personIdFrom(enrolments, typed.referent, community.platform);
    if (!referents.includes(referent)) throw new UserError('decision.notAReferent', { person: mention(referent) });
    if (referent === pair.mentee || referent === pair.mentor) throw new UserError('decision.referentIsMember');
  } else {
    const loads = new Map<string, number>();
    for (const binome of active) if (binome.referent) loads.set(binome.referent, (loads.get(binome.referent) ?? 0) + 1);
    // `changer-referent` before the binôme existed promised this mentoré's binôme to that référent.
    const choice = (await ports.matching.listReferentChoices(community)).find(
      (candidate) => candidate.mentee === mentee && referents.includes(candidate.referent),
    );
    referent = assignReferents([pair], referents, loads, new Map(choice ? [[mentee, choice.referent]] : []))[0];
  }

  const now = ports.clock.now();
  const binome: Binome = {
    schemaVersion: 2,
    id: `m${now.getTime().toString(36)}`,
    community,
    cycle: cycle.sequence,
    ...pair,
    ...(referent ? { referent } : {}),
    status: 'confirmed',
    origin: 'manual',
    score: assessed.allowed ? assessed.score : 0,
    terms: assessed.allowed ? [...assessed.terms] : [],
    languages: assessed.allowed ? [...assessed.languages] : [],
    createdAt: now.toISOString(),
    createdBy: ctx.actor.id.userId,
  };
  // Two pairs made in the same millisecond get distinct ids: the second finds the first one's taken.
  let created = binome;
  for (let suffix = 2; !(await ports.binomes.add(created)); suffix += 1) created = { ...binome, id: `${binome.id}-${suffix}` };
  await ports.waitlist.remove(community, mentee);

  const lines = [
    translate(locale, 'binome.created', { pair: pairLabel(pair, names) }),
    referent ? translate(locale, 'announce.dm.yourReferent', { person: mention(referent) }) : translate(locale, 'announce.who.noReferent'),
  ];
  if (assessed.allowed) {
    lines.push(
      translate(locale, 'binome.createdScore', {
        score: assessed.score,
        reasons: pairReasons({ ...assessed, pinned: false, ...(earlier ? { earlier } : {}) }, programme, locale).join(
          translate(locale, 'list.separator'),
        ),
      }),
    );
  } else {
    lines.push(translate(locale, 'binome.createdDespite', { rule: translate(locale, `match.rule.${assessed.blockedBecause}`) }));
  }
  // Made by hand on purpose, yet never silently with someone on a break: the coordinator sees it.
  for (const userId of [pair.mentee, pair.mentor]) {
    const pause = await currentPause(ports, participantIdOf(community, userId));
    if (pause)
      lines.push(
        translate(locale, 'pause.manualWarning', { person: personLabel(userId, names), length: pauseLength(pause, programme, locale) }),
      );
  }
  lines.push('', translate(locale, 'binome.announceNext'));
  return messages(lines.join('\n'));
}

/** `/mentorat-admin binome dissoudre`: asks first; the button carries the binôme, so it cannot end another one. */
export async function requestDissolution(ctx: UseCaseContext, typed: { readonly mentee: string }): Promise<Reply> {
  const enrolments = await ctx.ports.enrolments.listByCommunity(ctx.community);
  const mentee = findEnrolled(enrolments, typed.mentee, 'mentee').participant.userId;
  const binome = (await ctx.ports.binomes.listByCommunity(ctx.community)).find(
    (candidate) => isActiveBinome(candidate) && candidate.mentee === mentee,
  );
  if (!binome) throw new UserError('binome.noneToDissolve', { name: personLabel(mentee, namesOf(enrolments)) });
  const { locale } = ctx;
  const announced = (await announcedSpaces(ctx.ports, ctx.community)).has(binome.id);
  const question = announced ? 'binome.dissolve.question' : 'binome.dissolve.questionUnannounced';
  return {
    kind: 'messages',
    messages: [
      {
        text: translate(locale, question, { pair: pairLabel(binome, namesOf(enrolments)), referent: binome.referent ? 'yes' : 'no' }),
        buttons: confirmationButtons(ctx, translate(locale, 'binome.dissolve.yes'), [binome.id]),
      },
    ],
  };
}

export async function confirmDissolution(ctx: UseCaseContext, args: readonly string[]): Promise<Reply> {
  const [id] = confirmedArgs(ctx, args);
  const binome = id === undefined ? undefined : await ctx.ports.binomes.find(ctx.community, id);
  if (!binome || !isActiveBinome(binome)) throw new UserError('confirm.expired');
  const outcome = await dissolveBinome(ctx.ports, ctx.community, ctx.programme, binome, {
    by: ctx.actor.id.userId,
    because: 'coordinator',
  });
  const names = namesOf(await ctx.ports.enrolments.listByCommunity(ctx.community));
  const { locale } = ctx;
  const lines = [translate(locale, 'binome.dissolve.done', { pair: pairLabel(binome, names) })];
  if (!outcome.announced) lines.push(translate(locale, 'binome.dissolve.notAnnounced'));
  if (outcome.told.length > 0) lines.push(translate(locale, 'binome.dissolve.told', { people: outcome.told.map(mention).join(', ') }));
  if (outcome.notReached.length > 0)
    lines.push(translate(locale, 'binome.dissolve.notReached', { people: outcome.notReached.map(mention).join(', ') }));
  lines.push(...describeSpaceProblems(locale, outcome.spaceProblems));
  return { kind: 'messages', replacesOriginal: true, messages: [{ text: lines.join('\n') }] };
}
