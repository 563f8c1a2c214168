import type { StepAttempt } from './binomes/announcement-log';
import type { Binome } from './binomes/binome';
import type { WaitlistEntry } from './binomes/waitlist';
import type { Cycle } from './cycles/cycle';
import type { FeedbackAnswer, NewFeedbackAnswer } from './feedback/feedback';
import type { CheckIn } from './follow-up/check-in';
import type { FitConcern } from './follow-up/fit-concern';
import type { Pause } from './follow-up/pause';
import type { CommunityRef, ParticipantId, Platform } from './identity';
import type { Job, NewJob } from './jobs/job';
import type { PairRule, ReferentChoice, StoredProposal } from './matching/matching-state';
import type { Enrolment } from './participants/enrolment';
import type { Referent } from './referents/referent';
import type { OutgoingMessage } from './reply';
import type { Report } from './reports/report';
import type { CycleChart } from './stats/cycle-chart';

export interface Clock {
  now(): Date;
}

export interface EnrolmentRepository {
  find(participant: ParticipantId): Promise<Enrolment | undefined>;
  /** Creates or replaces the one enrolment of this participant. */
  save(enrolment: Enrolment): Promise<void>;
  remove(participant: ParticipantId): Promise<boolean>;
  listByCommunity(community: CommunityRef): Promise<Enrolment[]>;
}

/** Référents named in chat; those in config are the programme's, not stored here. */
export interface ReferentRepository {
  list(community: CommunityRef): Promise<Referent[]>;
  includes(community: CommunityRef, userId: string): Promise<boolean>;
  /** False when they already were one. */
  add(referent: Referent): Promise<boolean>;
  remove(community: CommunityRef, userId: string): Promise<boolean>;
}

export interface BinomeRepository {
  find(community: CommunityRef, id: string): Promise<Binome | undefined>;
  listByCommunity(community: CommunityRef): Promise<Binome[]>;
  /** Creates it unless a binôme with this id exists; true when created. */
  add(binome: Binome): Promise<boolean>;
  /** Replaces an existing binôme (its référent set, or dissolved). */
  save(binome: Binome): Promise<void>;
}

/** Coordinators' pins and forbids, référent choices and the last proposal, per community. */
export interface MatchingRepository {
  listRules(community: CommunityRef): Promise<PairRule[]>;
  /** One rule per pair: pinning a forbidden pair replaces the forbid, and a mentoré keeps one pin. */
  saveRule(rule: PairRule): Promise<void>;
  removeRule(community: CommunityRef, mentee: string, mentor: string): Promise<boolean>;
  listReferentChoices(community: CommunityRef): Promise<ReferentChoice[]>;
  saveReferentChoice(choice: ReferentChoice): Promise<void>;
  /** Forgets every pin, forbid and référent choice: a confirmed proposal used them. */
  clearDecisions(community: CommunityRef): Promise<void>;
  findProposal(community: CommunityRef): Promise<StoredProposal | undefined>;
  saveProposal(proposal: StoredProposal): Promise<void>;
}

export interface WaitlistRepository {
  list(community: CommunityRef): Promise<WaitlistEntry[]>;
  save(entry: WaitlistEntry): Promise<void>;
  remove(community: CommunityRef, mentee: string): Promise<boolean>;
}

/** Every attempt at every announcement step of a community (see announcement-log.ts). */
export interface AnnouncementLog {
  list(community: CommunityRef): Promise<StepAttempt[]>;
  /** Writes a `started` attempt if nobody did: false when another run claimed this attempt first. */
  claim(attempt: StepAttempt): Promise<boolean>;
  /** Records the outcome of an attempt this run claimed. */
  finish(attempt: StepAttempt): Promise<void>;
}

/**
 * Anything that stores personal data registers here, so that "my data" exports it and
 * erasure forgets it: later stores (binômes, reports) add themselves without touching the use cases.
 */
export interface PersonalDataHolder {
  readonly section: string;
  exportFor(participant: ParticipantId): Promise<unknown>;
  /** Returns whether something was erased; erasing twice is not an error. */
  eraseFor(participant: ParticipantId): Promise<boolean>;
}

export type UndeliveredReason =
  /** The person closed their DMs (Discord 50007). */
  | 'dms-closed'
  /** Deactivated, not a member of the community, unknown id. */
  | 'unreachable'
  /** The bot lacks a permission (a Discord permission, a Slack scope or app setting); `detail` names it for the coordinator. */
  | 'missing-permission';

export type DeliveryResult = { readonly ok: true } | { readonly ok: false; readonly reason: UndeliveredReason; readonly detail?: string };

export interface PrivateSpace {
  readonly id: string;
  readonly name: string;
  /** Where members click to open it, when the platform has such a link. */
  readonly link?: string;
}

export interface PrivateSpaceRequest {
  /** Same key, same space: opening twice never creates a second one, even after a restart. */
  readonly key: string;
  /** A readable base name; adapters adapt it to their rules (length, characters, collisions). */
  readonly name: string;
  readonly memberIds: readonly string[];
  /**
   * Platform groups whose members also belong (Discord role names or ids, Slack user group ids or
   * handles): the coordinators the platform knows, not only those named in config. The terminal has none.
   */
  readonly memberRoles?: readonly string[];
}

export type OpenSpaceResult =
  | { readonly ok: true; readonly space: PrivateSpace; readonly created: boolean }
  | {
      readonly ok: false;
      /** `missing-category`: the Discord category named in config does not exist; coordinators create it first. */
      readonly reason: 'missing-permission' | 'limit-reached' | 'unreachable' | 'missing-category';
      /** Names what to grant, create or check, for the coordinator's message. */
      readonly detail?: string;
    };

/**
 * For a message that must arrive once (an announcement): the caller records each delivery, but
 * a process can stop between sending and recording. `key` names the message for good; with
 * `mayHaveBeenSent`, an earlier attempt's outcome was never recorded, and the adapter looks for
 * it (Discord: the nonce, then the channel's recent messages; Slack: message metadata in the
 * history; terminal: its own record) before sending again, answering ok when it finds it.
 */
export interface DeliveryOptions {
  readonly key: string;
  readonly mayHaveBeenSent?: boolean;
}

/**
 * What an adapter keeps in the store about a person (the terminal's and Slack's records of the
 * binôme spaces, named after their members), for "my data" and erasure. `spaceKeys` are the keys
 * of the spaces of the binômes where the person is mentoré·e or mentor, read before they go.
 */
export interface ChatPersonalData {
  readonly section: string;
  exportFor(participant: ParticipantId, spaceKeys: readonly string[]): Promise<unknown[]>;
  /** Returns whether something was erased; erasing twice is not an error. */
  eraseFor(participant: ParticipantId, spaceKeys: readonly string[]): Promise<boolean>;
}

/** What the core asks of Discord, Slack or the terminal, in its own words. */
export interface ChatPlatform {
  readonly platform: Platform;
  /** Only for an adapter that keeps records about people (Discord keeps none: it reads channel topics). */
  readonly personalData?: ChatPersonalData;
  sendDirectMessage(community: CommunityRef, userId: string, message: OutgoingMessage, options?: DeliveryOptions): Promise<DeliveryResult>;
  openPrivateSpace(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult>;
  postInSpace(community: CommunityRef, spaceId: string, message: OutgoingMessage, options?: DeliveryOptions): Promise<DeliveryResult>;
  /**
   * The person no longer sees the space, at once (a member who left the binôme). Removing someone
   * already gone is ok; a space that no longer exists answers `unreachable`.
   */
  removeFromSpace(community: CommunityRef, spaceId: string, userId: string): Promise<DeliveryResult>;
  /**
   * The space stays readable but nobody writes in it any more (its binôme's cycle is over): Discord
   * denies Send Messages and moves it under the archive category, Slack archives it. Archiving twice is ok.
   */
  archiveSpace(community: CommunityRef, spaceId: string): Promise<ArchiveSpaceResult>;
}

/** `missing-category`: Discord's archive category named in config does not exist (as for opening a space). */
export type ArchiveSpaceResult =
  | DeliveryResult
  | { readonly ok: false; readonly reason: 'missing-category' | 'limit-reached'; readonly detail?: string };

/**
 * Answers the person who acted after the first reply: progress of a long job, a follow-up.
 * Each adapter binds it to one interaction (Discord webhook, Slack `response_url`, terminal).
 */
export interface Responder {
  followUp(message: OutgoingMessage): Promise<void>;
}

/**
 * Durable, scheduled work in the core's words. A job with the key of a pending one of the same
 * kind and community is not queued twice. The runner that claims and runs due jobs sits behind
 * this port (today polling the store; a pg-boss or BullMQ runner could take its place).
 */
export interface JobQueue {
  /** False when a job of this kind and key is already pending (it keeps its own due time). */
  schedule(job: NewJob): Promise<boolean>;
  /** Forgets a pending job; false when there was none. */
  cancel(community: CommunityRef, kind: string, key: string): Promise<boolean>;
  find(community: CommunityRef, kind: string, key: string): Promise<Job | undefined>;
  /** Asks the runner to look for due jobs soon, rather than at its next poll (a report just filed). */
  nudge(): void;
}

/** Reports, one record each, with their numbers claimed for good and an index by reporter. */
export interface ReportRepository {
  find(community: CommunityRef, reference: string): Promise<Report | undefined>;
  listByCommunity(community: CommunityRef): Promise<Report[]>;
  /** The reports this person filed (through an index: the cost does not grow with the community's reports). */
  listByReporter(participant: ParticipantId): Promise<Report[]>;
  /** A number no report of this community ever had or will have, even after erasure or purge. */
  claimNumber(community: CommunityRef, at: Date): Promise<number>;
  /** Stores a new report and indexes it under its reporter. */
  create(report: Report): Promise<void>;
  save(report: Report): Promise<void>;
  /** Undoes `create` (a filing that could not be completed); the number stays used. */
  remove(report: Report): Promise<void>;
  /** Once-only claims about a report (who took it at a given turn): true for exactly one caller. */
  claim(community: CommunityRef, reference: string, what: string, by: string): Promise<boolean>;
  /** Drops a reporter's index entry (their erasure): the report stays, without them. */
  forgetReporter(participant: ParticipantId, reference: string): Promise<void>;
}

/** The programme's cycles in a community, numbered from 1; the current one is the latest. */
export interface CycleRepository {
  list(community: CommunityRef): Promise<Cycle[]>;
  latest(community: CommunityRef): Promise<Cycle | undefined>;
  find(community: CommunityRef, sequence: number): Promise<Cycle | undefined>;
  /** Creates it unless this number is taken: true for exactly one of several callers. */
  add(cycle: Cycle): Promise<boolean>;
  save(cycle: Cycle): Promise<void>;
}

/** Check-in rounds of binômes, one record per binôme and round. */
export interface CheckInRepository {
  find(community: CommunityRef, binomeId: string, round: number): Promise<CheckIn | undefined>;
  /** This binôme's rounds, in order. */
  listForBinome(community: CommunityRef, binomeId: string): Promise<CheckIn[]>;
  listByCommunity(community: CommunityRef): Promise<CheckIn[]>;
  /** Records a round unless it exists: a restart never posts a round twice. */
  add(checkIn: CheckIn): Promise<boolean>;
  save(checkIn: CheckIn): Promise<void>;
}

/** Pauses, one record each, ended ones kept for history and stats. */
export interface PauseRepository {
  /** This person's pauses, oldest first. */
  listFor(participant: ParticipantId): Promise<Pause[]>;
  listByCommunity(community: CommunityRef): Promise<Pause[]>;
  save(pause: Pause): Promise<void>;
}

/** "Not a good fit", said by a member about their binôme: one per binôme and member. */
export interface FitConcernRepository {
  listForBinome(community: CommunityRef, binomeId: string): Promise<FitConcern[]>;
  listByCommunity(community: CommunityRef): Promise<FitConcern[]>;
  /** False when this member already said it about this binôme. */
  add(concern: FitConcern): Promise<boolean>;
  save(concern: FitConcern): Promise<void>;
  /** Forgets one (retention of a past cycle replaces it by an anonymous copy). */
  remove(concern: FitConcern): Promise<boolean>;
}

/** An image the core asked for, ready to attach. */
export interface ChartImage {
  readonly mimeType: 'image/png';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * Draws charts the core described in its own words (texts already translated). Behind a port
 * because drawing needs a charting library, a native rasteriser and a font file: none of it
 * belongs in the core, and a start that draws nothing loads none of it.
 */
export interface ChartRenderer {
  renderCycleChart(chart: CycleChart): Promise<ChartImage>;
}

/**
 * End-of-cycle feedback: who answered (a claim per person and cycle, personal data) and the
 * answers, stored apart under random ids so that no record links an answer to its author.
 */
export interface FeedbackRepository {
  /** True for exactly one caller per person and cycle: the right to answer, taken once. */
  claim(participant: ParticipantId, cycle: number): Promise<boolean>;
  /** Gives the claim back (the answer could not be stored): the person may try again. */
  release(participant: ParticipantId, cycle: number): Promise<void>;
  hasAnswered(participant: ParticipantId, cycle: number): Promise<boolean>;
  /** Stores an answer under a new random id. */
  addAnswer(answer: NewFeedbackAnswer): Promise<void>;
  listAnswers(community: CommunityRef, cycle: number): Promise<FeedbackAnswer[]>;
}
