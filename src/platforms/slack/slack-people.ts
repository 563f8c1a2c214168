import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { type Locale, supportedLocale } from '../../core/i18n/locale';
import type { Clock } from '../../core/ports';
import type { Log } from '../../infra/log';

const CACHE_MS = 60 * 60 * 1000;
const GROUPS_CACHE_MS = 5 * 60 * 1000;

const userInfoSchema = z.looseObject({
  user: z.looseObject({ locale: z.string().optional(), real_name: z.string().optional(), name: z.string().optional() }).optional(),
});
const groupUsersSchema = z.looseObject({ users: z.array(z.string()).optional() });

export interface Person {
  readonly locale: Locale | undefined;
  readonly displayName: string | undefined;
}

/** A Slack locale (`fr-FR`, `en-US`) to one of ours, or undefined for the community's default. */
export function slackLocale(tag: string | undefined): Locale | undefined {
  return supportedLocale(tag);
}

/**
 * Who people are on Slack, cached: their language (`users.info` with `include_locale`) and
 * the user groups among those the config names (`S…` ids) they belong to.
 */
export function createSlackPeople(client: WebClient, clock: Clock, log: Log) {
  const people = new Map<string, { person: Person; at: number }>();
  const groups = new Map<string, { users: ReadonlySet<string>; at: number }>();
  const fresh = (at: number, ttl: number) => clock.now().getTime() - at < ttl;

  async function lookUp(userId: string): Promise<Person> {
    const cached = people.get(userId);
    if (cached && fresh(cached.at, CACHE_MS)) return cached.person;
    try {
      const parsed = userInfoSchema.parse(await client.users.info({ user: userId, include_locale: true }));
      const person = { locale: slackLocale(parsed.user?.locale), displayName: parsed.user?.real_name || parsed.user?.name };
      people.set(userId, { person, at: clock.now().getTime() });
      return person;
    } catch (error) {
      log.warn({ err: error, userId }, 'could not read a Slack user; answering in the default language');
      return { locale: undefined, displayName: undefined };
    }
  }

  async function membersOf(groupId: string): Promise<ReadonlySet<string>> {
    const cached = groups.get(groupId);
    if (cached && fresh(cached.at, GROUPS_CACHE_MS)) return cached.users;
    try {
      const parsed = groupUsersSchema.parse(await client.usergroups.users.list({ usergroup: groupId }));
      const users = new Set(parsed.users ?? []);
      groups.set(groupId, { users, at: clock.now().getTime() });
      return users;
    } catch (error) {
      log.warn({ err: error, groupId }, 'could not read a Slack user group named in the config');
      return new Set();
    }
  }

  return {
    lookUp,
    /** The language already known for this person, without asking Slack (a modal must open before any call). */
    knownLocale: (userId: string): Locale | undefined => people.get(userId)?.person.locale,
    /** The configured user groups (`S…` ids) this person is in. */
    async groupsOf(userId: string, configured: readonly string[]): Promise<string[]> {
      const candidates = configured.filter((entry) => /^S[A-Z0-9]+$/.test(entry));
      const found: string[] = [];
      for (const group of candidates) if ((await membersOf(group)).has(userId)) found.push(group);
      return found;
    },
  };
}

export type SlackPeople = ReturnType<typeof createSlackPeople>;
