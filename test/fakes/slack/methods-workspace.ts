/* auth.test, users.info, usergroups.list, usergroups.users.list, apps.connections.open. */
import { isTrue } from './json-values';
import { fail, type MethodHandler, ok, param } from './method-kit';
import { userObject } from './slack-objects';

const authTest: MethodHandler = (_params, context) =>
  ok({
    url: `https://${context.teamId.toLowerCase()}.slack.com/`,
    team: 'Fake workspace',
    user: context.state.users.get(context.botUserId)?.name ?? 'bot',
    team_id: context.teamId,
    user_id: context.botUserId,
    bot_id: context.botId,
    is_enterprise_install: false,
  });

const usersInfo: MethodHandler = (params, context) => {
  const user = context.state.users.get(param(params, 'user') ?? '');
  if (!user) return fail('user_not_found');
  return ok({ user: userObject(user, context, isTrue(params.include_locale)) });
};

const userGroupUsers: MethodHandler = (params, context) => {
  const group = context.state.userGroups.get(param(params, 'usergroup') ?? '');
  if (!group) return fail('no_such_subteam');
  const active = isTrue(params.include_disabled) ? group.users : group.users.filter((id) => !context.state.users.get(id)?.deleted);
  return ok({ users: active });
};

/**
 * The workspace's user groups as Slack lists them (Slack's example object's fields); `users` only with
 * include_users, `user_count` only with include_count. Deactivated members are left out, as usergroups.users.list does.
 */
const userGroupsList: MethodHandler = (params, context) => {
  const withUsers = isTrue(params.include_users);
  const withCount = isTrue(params.include_count);
  const usergroups = [...context.state.userGroups.entries()].map(([id, group]) => {
    const active = group.users.filter((user) => !context.state.users.get(user)?.deleted);
    return {
      id,
      team_id: context.teamId,
      is_usergroup: true,
      name: group.name,
      description: '',
      handle: group.handle,
      is_external: false,
      date_create: 1_700_000_000,
      date_update: 1_700_000_000,
      date_delete: 0,
      auto_type: null,
      created_by: context.botUserId,
      updated_by: context.botUserId,
      deleted_by: null,
      prefs: { channels: [], groups: [] },
      ...(withUsers ? { users: active } : {}),
      ...(withCount ? { user_count: active.length } : {}),
    };
  });
  return ok({ usergroups });
};

const connectionsOpen: MethodHandler = (_params, context) => ok({ url: context.openSocketUrl() });

export const workspaceMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'usergroups.list': userGroupsList,
  'usergroups.users.list': userGroupUsers,
  'apps.connections.open': connectionsOpen,
};
