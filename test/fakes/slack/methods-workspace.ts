/* auth.test, users.info, usergroups.users.list, apps.connections.open. */
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

const connectionsOpen: MethodHandler = (_params, context) => ok({ url: context.openSocketUrl() });

export const workspaceMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'usergroups.users.list': userGroupUsers,
  'apps.connections.open': connectionsOpen,
};
