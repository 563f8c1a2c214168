import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { foldForMatching } from '../../core/forms/raw-input';
import { SlackRefusal, slackCall } from './slack-errors';

const GROUP_ID = /^S[A-Z0-9]+$/;
/** A group that does not exist (any more), or a workspace without user groups (free plan): nobody to add. */
const NO_GROUP = new Set(['no_such_subteam', 'plan_upgrade_required']);

const groupsSchema = z.looseObject({
  usergroups: z.array(z.looseObject({ id: z.string(), handle: z.string().optional(), name: z.string().optional() })).optional(),
});
const usersSchema = z.looseObject({ users: z.array(z.string()).optional() });

/** The groups named: `S…` ids as they are; handles (`@coordination`) and names looked up in `usergroups.list`. */
async function groupIds(client: WebClient, names: readonly string[]): Promise<string[]> {
  const ids = new Set(names.filter((name) => GROUP_ID.test(name)));
  const others = names.filter((name) => !GROUP_ID.test(name)).map((name) => foldForMatching(name.replace(/^@/, '')));
  if (others.length > 0) {
    const listed = groupsSchema.parse(await slackCall('usergroups.list', () => client.usergroups.list({})));
    for (const group of listed.usergroups ?? []) {
      const known = [group.handle, group.name].filter((text): text is string => text !== undefined).map(foldForMatching);
      if (known.some((text) => others.includes(text))) ids.add(group.id);
    }
  }
  return [...ids];
}

/**
 * Everyone in the user groups a space request names (by id, handle or name, case and accents
 * aside). A group that does not exist is skipped: one deleted must not keep the others out.
 */
export async function usersOfGroups(client: WebClient, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const users = new Set<string>();
  for (const usergroup of await groupIds(client, names)) {
    try {
      const listed = usersSchema.parse(await slackCall('usergroups.users.list', () => client.usergroups.users.list({ usergroup })));
      for (const user of listed.users ?? []) users.add(user);
    } catch (error) {
      if (error instanceof SlackRefusal && NO_GROUP.has(error.code)) continue;
      throw error;
    }
  }
  return [...users];
}
