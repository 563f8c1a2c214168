import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { CorruptRecordError } from '../../core/errors';
import type { CommunityRef } from '../../core/identity';
import type { OpenSpaceResult, PrivateSpace, PrivateSpaceRequest } from '../../core/ports';
import { keyOf } from '../../store/key-segments';
import type { KeyValueStore } from '../../store/key-value-store';
import { singleFlight } from '../single-flight';
import { channelName } from '../space-name';
import { isPermissionRefusal, permissionDetail, SlackRefusal, slackCall } from './slack-errors';
import { usersOfGroups } from './slack-user-groups';

/** Slack's limit on channel names. */
export const CHANNEL_NAME_MAX = 80;
/** How many `-2`, `-3`… suffixes to try before giving up on a base name. */
const NAME_ATTEMPTS = 100;
/** Slack's limit on a channel's purpose. */
const PURPOSE_MAX = 250;

const spaceSchema = z.object({ key: z.string(), channelId: z.string().min(1), name: z.string() });
export type SlackSpaceRecord = z.infer<typeof spaceSchema>;

/** The space's key in the channel's purpose, for people (and a lost store) to see which binôme it is. */
export function spaceMarker(key: string): string {
  return `[mentorat:${key}]`;
}

/** `base`, then `base-2`, `base-3`…, each within Slack's 80 characters. */
export function candidateName(base: string, attempt: number): string {
  if (attempt === 1) return base;
  const suffix = `-${attempt}`;
  return `${base.slice(0, CHANNEL_NAME_MAX - suffix.length)}${suffix}`;
}

/** Which channel belongs to which key, per workspace, so that reopening finds it (Slack cannot search by purpose). */
export function createSlackSpaceRecords(store: KeyValueStore) {
  const keyFor = (community: CommunityRef, spaceKey: string) => keyOf('slack-space', community.id, spaceKey);
  return {
    async find(community: CommunityRef, spaceKey: string): Promise<SlackSpaceRecord | undefined> {
      const key = keyFor(community, spaceKey);
      const value = await store.get(key);
      if (value === undefined) return undefined;
      const parsed = spaceSchema.safeParse(value);
      if (!parsed.success) throw new CorruptRecordError(key, parsed.error.message);
      return parsed.data;
    },
    async save(community: CommunityRef, record: SlackSpaceRecord): Promise<void> {
      await store.set(keyFor(community, record.key), record);
    },
    async remove(community: CommunityRef, spaceKey: string): Promise<boolean> {
      return store.delete(keyFor(community, spaceKey));
    },
  };
}

/** A member who cannot be added: gone from the workspace, deactivated, a guest Slack keeps out. */
const UNINVITABLE = new Set(['user_not_found', 'user_disabled', 'cant_invite', 'ura_max_channels', 'user_is_restricted']);

interface LiveChannel {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
}

/**
 * Binôme spaces on Slack: private channels the bot creates (so it is in them), with exactly the
 * requested people invited. The record is written right after the create, before anything can
 * fail, so a crash between the create and the invitations reopens the same channel.
 */
export function createSlackSpaces(client: WebClient, store: KeyValueStore) {
  const records = createSlackSpaceRecords(store);
  // Two openings of the same key at once must not both create a channel.
  const oneAtATime = singleFlight<OpenSpaceResult>();

  const spaceOf = (community: CommunityRef, channel: { id: string; name: string }): PrivateSpace => ({
    id: channel.id,
    name: channel.name,
    link: `https://slack.com/app_redirect?channel=${encodeURIComponent(channel.id)}&team=${encodeURIComponent(community.id)}`,
  });

  /** The recorded channel if it still serves: found by the bot and not archived. */
  async function liveChannel(record: SlackSpaceRecord): Promise<LiveChannel | undefined> {
    try {
      const info = await slackCall('conversations.info', () => client.conversations.info({ channel: record.channelId }));
      const channel = info.channel;
      if (!channel || channel.is_archived) return undefined;
      return { id: record.channelId, name: channel.name ?? record.name, purpose: channel.purpose?.value ?? '' };
    } catch (error) {
      if (error instanceof SlackRefusal && error.code === 'channel_not_found') return undefined;
      throw error;
    }
  }

  async function currentMembers(channel: string): Promise<Set<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await slackCall('conversations.members', () =>
        client.conversations.members({ channel, limit: 200, ...(cursor ? { cursor } : {}) }),
      );
      for (const member of page.members ?? []) members.add(member);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return members;
  }

  /** Invites whoever is missing; returns the id of a person Slack will not let in, if any. */
  async function inviteMissing(channel: string, memberIds: readonly string[]): Promise<string | undefined> {
    // Someone may join between the reading and the invitation (already_in_channel): read again.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const present = await currentMembers(channel);
      const missing = [...new Set(memberIds)].filter((id) => !present.has(id));
      if (missing.length === 0) return undefined;
      try {
        await slackCall('conversations.invite', () => client.conversations.invite({ channel, users: missing.join(',') }));
        return undefined;
      } catch (error) {
        if (!(error instanceof SlackRefusal)) throw error;
        if (error.code === 'already_in_channel') continue;
        if (UNINVITABLE.has(error.code)) return error.refusedUser ?? missing.join(',');
        throw error;
      }
    }
    return undefined;
  }

  async function setMarker(channel: string, request: PrivateSpaceRequest): Promise<void> {
    const marker = spaceMarker(request.key);
    const purpose = `${request.name.slice(0, Math.max(0, PURPOSE_MAX - marker.length - 1))} ${marker}`.trim();
    await slackCall('conversations.setPurpose', () => client.conversations.setPurpose({ channel, purpose }));
  }

  async function createChannel(request: PrivateSpaceRequest): Promise<{ id: string; name: string }> {
    const base = channelName(request.name, CHANNEL_NAME_MAX);
    for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt += 1) {
      const name = candidateName(base, attempt);
      try {
        const created = await slackCall('conversations.create', () => client.conversations.create({ name, is_private: true }));
        const id = created.channel?.id;
        if (!id) throw new Error('conversations.create answered without a channel id');
        return { id, name: created.channel?.name ?? name };
      } catch (error) {
        if (error instanceof SlackRefusal && error.code === 'name_taken') continue;
        throw error;
      }
    }
    throw new Error(`no free channel name for ${base} after ${NAME_ATTEMPTS} attempts`);
  }

  async function withMembers(
    community: CommunityRef,
    channel: { id: string; name: string },
    memberIds: readonly string[],
    created: boolean,
  ): Promise<OpenSpaceResult> {
    const refused = await inviteMissing(channel.id, memberIds);
    if (refused) return { ok: false, reason: 'unreachable', detail: refused };
    return { ok: true, space: spaceOf(community, channel), created };
  }

  async function open(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
    // Read before anything is created: a space nobody could join is not opened.
    const memberIds = [...new Set([...request.memberIds, ...(await usersOfGroups(client, request.memberRoles ?? []))])];
    if (memberIds.length === 0) return { ok: false, reason: 'unreachable', detail: (request.memberRoles ?? []).join(', ') || request.name };
    const record = await records.find(community, request.key);
    const existing = record ? await liveChannel(record) : undefined;
    if (existing) {
      // A crash right after the create may have left the purpose unset.
      if (!existing.purpose.includes(spaceMarker(request.key))) await setMarker(existing.id, request);
      return withMembers(community, existing, memberIds, false);
    }
    const channel = await createChannel(request);
    await records.save(community, { key: request.key, channelId: channel.id, name: channel.name });
    await setMarker(channel.id, request);
    return withMembers(community, channel, memberIds, true);
  }

  async function openGuarded(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
    try {
      return await open(community, request);
    } catch (error) {
      if (error instanceof SlackRefusal && isPermissionRefusal(error)) {
        return { ok: false, reason: 'missing-permission', detail: permissionDetail(error) };
      }
      throw error instanceof SlackRefusal ? error.cause : error;
    }
  }

  return {
    open(community: CommunityRef, request: PrivateSpaceRequest): Promise<OpenSpaceResult> {
      return oneAtATime(`${community.id}\u0000${request.key}`, () => openGuarded(community, request));
    },
  };
}
