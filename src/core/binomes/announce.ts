import type { UseCaseContext } from '../context';
import { StoreUnavailableError, UserError } from '../errors';
import { scheduleCheckIns } from '../follow-up/check-in-jobs';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { pairLabel } from '../matching/proposal-view';
import { namesOf, personLabel } from '../people';
import type { DeliveryResult, OpenSpaceResult } from '../ports';
import { messages, type Reply } from '../reply';
import { type AnnouncementStep, binomeSubject, type StepFailure, waitlistSubject } from './announcement-log';
import { cancelAnnouncementResume, scheduleAnnouncementResume } from './announcement-resume';
import { createStepRunner, indexAttempts, type StepOutcome, type StepResult, settledResult } from './announcement-steps';
import { type BinomeRole, pairingDirectMessage, waitlistNotice, welcomeMessage } from './announcement-texts';
import { type Binome, isActiveBinome, peopleOf } from './binome';
import { binomeSpaceKey } from './binome-spaces';
import { describeStepFailure } from './step-failure';

/** Failures listed one by one in the summary; beyond, a count (a run of 200 binômes with DMs off would fill pages). */
const FAILURES_LISTED = 15;

/** Progress is reported at each quarter of a run this long or longer; shorter runs only report their end. */
const PROGRESS_FROM = 8;

const PLATFORM_WIDE: ReadonlySet<StepFailure['reason']> = new Set(['missing-permission', 'missing-category', 'limit-reached']);

function fromDelivery(result: DeliveryResult): StepOutcome {
  return result.ok ? { ok: true } : { ok: false, failure: { reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) } };
}

function fromSpace(result: OpenSpaceResult): StepOutcome {
  if (!result.ok) return { ok: false, failure: { reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) } };
  const { id, name, link } = result.space;
  return { ok: true, space: { id, name, ...(link ? { link } : {}) } };
}

interface Tally {
  announced: number;
  spaceFailures: { binome: Binome; failure: StepFailure }[];
  messagesSent: number;
  messageFailures: { userId: string; failure: StepFailure; attempts: number; final: boolean }[];
  noticesSent: number;
  busy: number;
  /** Binômes dissolved while the run was under way: not announced, and not counted as left to do. */
  endedMeanwhile: number;
  stoppedAt?: Stop;
  platformFailure?: StepFailure;
  /** When the store stopped answering: what the run had not reached yet, the step cut included. */
  binomesLeft: number;
  noticesLeft: number;
}

/** Why a run ended before its end: a platform-wide refusal, the bot stopping, the store not answering. */
type Stop = 'platform' | 'shutdown' | 'store';

const BINOME_STEPS: readonly AnnouncementStep[] = ['space', 'welcome', 'dm-mentee', 'dm-mentor', 'dm-referent'];

/**
 * `/mentorat-admin annoncer`: for every confirmed binôme not yet fully announced, its private
 * space (mentoré·e, mentor, référent and the bot), the welcome message there, and a DM to each;
 * then a notice to every mentoré left on the waiting list by a confirmation. Each step is recorded
 * as it completes, so running it again, or after a restart, only does what is left.
 */
export async function announceBinomes(ctx: UseCaseContext): Promise<Reply> {
  // Planned before starting: if this process stops half-way, the job layer finishes the run.
  await scheduleAnnouncementResume(ctx);
  let resumeLater = false;
  try {
    const run = await runAnnouncementAlone(ctx);
    if (!run.ran) throw new UserError('announce.alreadyRunning');
    // The planned resume finishes a run cut by a shutdown or an outage (and cancelling would fail in an outage).
    resumeLater = run.value.stoppedAt === 'shutdown' || run.value.stoppedAt === 'store';
    return run.value.reply;
  } finally {
    if (!resumeLater) await cancelAnnouncementResume(ctx.ports, ctx.community);
  }
}

/** What one run did: its summary, why it stopped early if it did, and whether it sent anything. */
export interface AnnouncementRun {
  readonly reply: Reply;
  readonly stoppedAt?: Stop;
  readonly acted: boolean;
}

/** One announcement at a time per community in this process; another process is kept off by the step claims. */
export function runAnnouncementAlone(ctx: UseCaseContext) {
  return ctx.ports.jobs.runAlone(`announce|${ctx.community.platform}|${ctx.community.id}`, () => announceAll(ctx));
}

async function announceAll(ctx: UseCaseContext): Promise<AnnouncementRun> {
  const { ports, community, programme, locale } = ctx;
  const [binomes, waitlist, enrolments, attempts] = await Promise.all([
    ports.binomes.listByCommunity(community),
    ports.waitlist.list(community),
    ports.enrolments.listByCommunity(community),
    ports.announcements.list(community),
  ]);
  const index = indexAttempts(attempts);
  const names = namesOf(enrolments);
  const abouts = new Map(
    enrolments.flatMap((enrolment) => (enrolment.profile.about ? [[enrolment.participant.userId, enrolment.profile.about]] : [])),
  );
  const localeOf = new Map<string, Locale>(enrolments.map((enrolment) => [enrolment.participant.userId, enrolment.locale]));
  const readerLocale = (userId: string) => localeOf.get(userId) ?? programme.defaultLocale;
  const stepsOf = (binome: Binome) => BINOME_STEPS.filter((step) => step !== 'dm-referent' || binome.referent);
  const settled = (subject: string, step: AnnouncementStep) =>
    settledResult(index.get(`${subject}\u0000${step}`) ?? [], step) !== undefined;

  const active = binomes.filter(isActiveBinome).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  const todo = active.filter((binome) => stepsOf(binome).some((step) => !settled(binomeSubject(binome.id), step)));
  const notices = waitlist.filter((entry) => !settled(waitlistSubject(entry.round, entry.mentee), 'notice'));
  if (active.length === 0 && waitlist.length === 0) throw new UserError('announce.nothingConfirmed');
  if (todo.length === 0 && notices.length === 0) {
    return { reply: messages(translate(locale, 'announce.nothingLeft', { count: active.length })), acted: false };
  }

  const runStep = createStepRunner(ports, community, index);
  const tally: Tally = {
    announced: 0,
    spaceFailures: [],
    messagesSent: 0,
    messageFailures: [],
    noticesSent: 0,
    busy: 0,
    endedMeanwhile: 0,
    binomesLeft: 0,
    noticesLeft: 0,
  };
  const count = (result: StepResult, userId: string) => {
    if (result.status === 'busy') tally.busy += 1;
    else if (result.status === 'done' && result.now) tally.messagesSent += 1;
    else if (result.status === 'failed' && result.now) tally.messageFailures.push({ userId, ...result });
  };

  /** A binôme whose space or welcome failed; a failure that would hit every binôme stops the run. */
  function noteSpaceFailure(binome: Binome, failure: StepFailure): void {
    tally.spaceFailures.push({ binome, failure });
    if (PLATFORM_WIDE.has(failure.reason)) {
      tally.stoppedAt = 'platform';
      tally.platformFailure = failure;
    }
  }

  async function announceOne(binome: Binome): Promise<void> {
    const subject = binomeSubject(binome.id);
    const people = peopleOf(binome);
    const space = await runStep(subject, 'space', async () =>
      fromSpace(
        await ports.chat.openPrivateSpace(community, {
          key: binomeSpaceKey(binome.id),
          name: `binome ${names.get(binome.mentee) ?? binome.mentee} ${names.get(binome.mentor) ?? binome.mentor}`,
          memberIds: people,
        }),
      ),
    );
    if (space.status === 'busy') {
      tally.busy += 1;
      return;
    }
    if (space.status === 'failed') {
      noteSpaceFailure(binome, space.failure);
      return;
    }
    const where = space.space;
    const welcome = await runStep(subject, 'welcome', async (mayHaveBeenSent) =>
      where
        ? fromDelivery(
            await ports.chat.postInSpace(
              community,
              where.id,
              {
                text: welcomeMessage(
                  binome,
                  { names, abouts },
                  programme,
                  people.flatMap((id) => localeOf.get(id) ?? []),
                ),
              },
              { key: `welcome|${binome.id}`, mayHaveBeenSent },
            ),
          )
        : { ok: false, failure: { reason: 'unreachable' } },
    );
    if (welcome.status === 'failed' && welcome.now) noteSpaceFailure(binome, welcome.failure);
    if (welcome.status === 'busy') tally.busy += 1;
    // Announced once its space holds the welcome: a run cut during the DMs still counts it.
    if (welcome.status === 'done') tally.announced += 1;
    // Its check-ins start from here; a run resumed after this point plans nothing twice (one pending job per binôme).
    if (welcome.status === 'done' && where) await scheduleCheckIns(ports, community, programme, binome.id, where.id);
    const roles: [BinomeRole, string | undefined][] = [
      ['mentee', binome.mentee],
      ['mentor', binome.mentor],
      ['referent', binome.referent],
    ];
    for (const [role, userId] of roles) {
      if (!userId) continue;
      const result = await runStep(subject, `dm-${role}`, async (mayHaveBeenSent) =>
        fromDelivery(
          await ports.chat.sendDirectMessage(
            community,
            userId,
            { text: pairingDirectMessage(binome, role, where, names, readerLocale(userId)) },
            { key: `pairing|${binome.id}|${role}`, mayHaveBeenSent },
          ),
        ),
      );
      count(result, userId);
    }
  }

  const total = todo.length + notices.length;
  let done = 0;
  const progress = async () => {
    done += 1;
    if (total < PROGRESS_FROM || done === total) return;
    const quarter = Math.floor((done * 4) / total);
    if (quarter === Math.floor(((done - 1) * 4) / total)) return;
    // Progress is a courtesy: a follow-up the platform refuses must not stop the announcements.
    await ctx.responder.followUp({ text: translate(locale, 'announce.progress', { done, total }) }).catch(() => undefined);
  };

  let binomesReached = 0;
  let noticesReached = 0;
  try {
    for (const listed of todo) {
      if (ports.stopping.aborted) {
        tally.stoppedAt = 'shutdown';
        break;
      }
      // Read again: while earlier binômes were announced (minutes, under rate limits), this one may
      // have been dissolved, a member may have left, or coordinators may have changed its référent.
      const binome = await ports.binomes.find(community, listed.id);
      if (binome && isActiveBinome(binome)) await announceOne(binome);
      else tally.endedMeanwhile += 1;
      binomesReached += 1;
      if (tally.stoppedAt) break;
      await progress();
    }
    if (!tally.stoppedAt) {
      const stillWaiting = new Set((await ports.waitlist.list(community)).map((entry) => waitlistSubject(entry.round, entry.mentee)));
      for (const entry of notices) {
        // Paired by hand, withdrawn or erased since the run began: nothing to tell them any more.
        if (!stillWaiting.has(waitlistSubject(entry.round, entry.mentee))) {
          noticesReached += 1;
          await progress();
          continue;
        }
        if (ports.stopping.aborted) {
          tally.stoppedAt = 'shutdown';
          break;
        }
        const result = await runStep(waitlistSubject(entry.round, entry.mentee), 'notice', async (mayHaveBeenSent) =>
          fromDelivery(
            await ports.chat.sendDirectMessage(
              community,
              entry.mentee,
              { text: waitlistNotice(entry, programme, readerLocale(entry.mentee)) },
              { key: `waitlist|${entry.round}|${entry.mentee}`, mayHaveBeenSent },
            ),
          ),
        );
        if (result.status === 'done' && result.now) tally.noticesSent += 1;
        else count(result, entry.mentee);
        noticesReached += 1;
        await progress();
      }
    }
  } catch (error) {
    // Steps done so far are recorded; the coordinator is told how far the run got instead of "nothing was saved".
    if (!(error instanceof StoreUnavailableError)) throw error;
    tally.stoppedAt = 'store';
    tally.binomesLeft = todo.length - binomesReached;
    tally.noticesLeft = notices.length - noticesReached;
  }
  const acted =
    tally.announced > 0 ||
    tally.messagesSent > 0 ||
    tally.noticesSent > 0 ||
    tally.spaceFailures.length > 0 ||
    tally.messageFailures.length > 0;
  return {
    reply: messages(summaryOf(ctx, tally, todo.length - tally.endedMeanwhile, names)),
    ...(tally.stoppedAt ? { stoppedAt: tally.stoppedAt } : {}),
    acted,
  };
}

function summaryOf(ctx: UseCaseContext, tally: Tally, binomesToDo: number, names: ReadonlyMap<string, string>): string {
  const { locale } = ctx;
  const lines: string[] = [];
  if (tally.stoppedAt === 'platform' && tally.platformFailure) {
    lines.push(translate(locale, 'announce.stoppedPlatform', { problem: describeStepFailure(locale, tally.platformFailure) }));
  } else if (tally.stoppedAt === 'shutdown') {
    lines.push(translate(locale, 'announce.stoppedShutdown'));
  }
  if (tally.stoppedAt === 'store') {
    const { announced, binomesLeft, noticesLeft } = tally;
    lines.push(translate(locale, 'announce.interrupted', { announced, binomesLeft, noticesLeft }));
  } else {
    lines.push(translate(locale, 'announce.summary', { announced: tally.announced, total: binomesToDo }));
  }
  if (tally.messagesSent > 0) lines.push(translate(locale, 'announce.messagesSent', { count: tally.messagesSent }));
  if (tally.noticesSent > 0) lines.push(translate(locale, 'announce.noticesSent', { count: tally.noticesSent }));
  const spaceProblems = tally.spaceFailures.filter((item) => !PLATFORM_WIDE.has(item.failure.reason));
  if (spaceProblems.length > 0) {
    lines.push('', translate(locale, 'announce.spaceFailures', { count: spaceProblems.length }));
    for (const { binome, failure } of spaceProblems.slice(0, FAILURES_LISTED)) {
      lines.push(`- ${pairLabel(binome, names)} : ${describeStepFailure(locale, failure)}`);
    }
    if (spaceProblems.length > FAILURES_LISTED)
      lines.push(translate(locale, 'announce.moreFailures', { count: spaceProblems.length - FAILURES_LISTED }));
  }
  if (tally.messageFailures.length > 0) {
    lines.push('', translate(locale, 'announce.messageFailures', { count: tally.messageFailures.length }));
    for (const item of tally.messageFailures.slice(0, FAILURES_LISTED)) {
      const retry = item.final
        ? translate(locale, 'announce.givenUp')
        : translate(locale, 'announce.willRetry', { attempt: item.attempts });
      lines.push(`- ${personLabel(item.userId, names)} : ${describeStepFailure(locale, item.failure)} ${retry}`);
    }
    if (tally.messageFailures.length > FAILURES_LISTED) {
      lines.push(translate(locale, 'announce.moreFailures', { count: tally.messageFailures.length - FAILURES_LISTED }));
    }
  }
  if (tally.busy > 0) lines.push('', translate(locale, 'announce.busy', { count: tally.busy }));
  if (tally.stoppedAt || tally.busy > 0 || tally.spaceFailures.length > 0) lines.push(translate(locale, 'announce.runAgain'));
  return lines.join('\n');
}
