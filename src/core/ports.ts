import type { CommunityRef, ParticipantId, Platform } from './identity';
import type { Enrolment } from './participants/enrolment';
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

/** What the core asks of Discord, Slack or the terminal, in its own words. */
export interface ChatPlatform {
  readonly platform: Platform;
  sendDirectMessage(community: CommunityRef, userId: string, message: OutgoingMessage): Promise<DeliveryResult>;
  openPrivateSpace(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult>;
  postInSpace(community: CommunityRef, spaceId: string, message: OutgoingMessage): Promise<DeliveryResult>;
}

/**
 * Answers the person who acted after the first reply: progress of a long job, a follow-up.
 * Each adapter binds it to one interaction (Discord webhook, Slack `response_url`, terminal).
 */
export interface Responder {
  followUp(message: OutgoingMessage): Promise<void>;
}
