import type { StepAttempt } from './binomes/announcement-log';
import type { Binome } from './binomes/binome';
import type { WaitlistEntry } from './binomes/waitlist';
import type { CommunityRef, ParticipantId, Platform } from './identity';
import type { PairRule, ReferentChoice, StoredProposal } from './matching/matching-state';
import type { Enrolment } from './participants/enrolment';
import type { Referent } from './referents/referent';
import type { OutgoingMessage } from './reply';

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

/** What the core asks of Discord, Slack or the terminal, in its own words. */
export interface ChatPlatform {
  readonly platform: Platform;
  sendDirectMessage(community: CommunityRef, userId: string, message: OutgoingMessage, options?: DeliveryOptions): Promise<DeliveryResult>;
  openPrivateSpace(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult>;
  postInSpace(community: CommunityRef, spaceId: string, message: OutgoingMessage, options?: DeliveryOptions): Promise<DeliveryResult>;
}

/**
 * Answers the person who acted after the first reply: progress of a long job, a follow-up.
 * Each adapter binds it to one interaction (Discord webhook, Slack `response_url`, terminal).
 */
export interface Responder {
  followUp(message: OutgoingMessage): Promise<void>;
}
