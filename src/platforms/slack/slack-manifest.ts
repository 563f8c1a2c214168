import type { AppsManifestCreateArguments } from '@slack/web-api';
import { COMMAND_GROUPS, type Command, type CommandGroup } from '../../core/command';
import { LOCALES, type Locale } from '../../core/i18n/locale';
import { type PlainMessageKey, translate } from '../../core/i18n/translate';

/** The app manifest as @slack/web-api types it: scope names are checked against Slack's list. */
export type SlackManifest = AppsManifestCreateArguments['manifest'];
type BotScope = NonNullable<NonNullable<NonNullable<SlackManifest['oauth_config']>['scopes']>['bot']>[number];

export interface SlackManifestOptions {
  /** Socket Mode (no public URL) or HTTP, where Slack posts to `<requestUrl>/slack/events`. */
  readonly socketMode: boolean;
  readonly requestUrl?: string;
  /** The language of the descriptions and of the subcommand names in usage hints (French by default). */
  readonly locale?: Locale;
}

/** Slack's limits, from its manifest reference. */
export const MANIFEST_LIMITS = {
  appName: 35,
  appDescription: 140,
  longDescription: 4000,
  commandDescription: 2000,
  usageHint: 1000,
} as const;

/** The path Bolt's HTTP receiver listens on, for commands and interactions alike. */
export const EVENTS_PATH = '/slack/events';

/**
 * Every scope the bot uses, and nothing more; each line says what needs it. Adding a Web API call
 * means adding its scope here (and reinstalling the app in each workspace): test/e2e/slack-scopes
 * derives the scopes from what the bot calls in end-to-end runs and fails on one missing or unused.
 */
export const BOT_SCOPES: readonly BotScope[] = [
  // /mentorat and /mentorat-admin.
  'commands',
  // chat.postMessage in DMs and in binôme channels the bot is a member of.
  'chat:write',
  // conversations.open: the DM conversation with a person.
  'im:write',
  // users.info (with include_locale): a person's language.
  'users:read',
  // conversations.create (is_private), conversations.invite and conversations.setPurpose on private channels.
  'groups:write',
  // conversations.info and conversations.members on private channels.
  'groups:read',
  // conversations.history (include_all_metadata) in binôme channels and DMs: before sending again a message
  // that may have been sent, the bot looks for it by the key in its metadata.
  'groups:history',
  'im:history',
  // files.uploadV2 (files.getUploadURLExternal and files.completeUploadExternal).
  'files:write',
  // usergroups.users.list: coordinators given as a user group; usergroups.list: a group named by its handle or
  // name (the coordinators let into a report's coordination space).
  'usergroups:read',
];

/**
 * Commands whose text Slack escapes: a person picked in the autocomplete then arrives as
 * `<@U…|name>`, which the adapter reads as the id (`user` options), channels as `<#C…|name>` and
 * links as `<https://…>`. Without it Slack sends `@name` as typed, and names are not unique.
 * `&`, `<` and `>` arrive as entities either way.
 */
const ESCAPED_GROUPS: ReadonlySet<CommandGroup> = new Set(['mentorat-admin']);

const GROUP_DESCRIPTIONS: Record<CommandGroup, PlainMessageKey> = {
  mentorat: 'command.group.mentorat.description',
  'mentorat-admin': 'command.group.mentorat-admin.description',
};

function usageHint(commands: readonly Command[], group: CommandGroup, locale: Locale): string {
  return `[${commands
    .filter((command) => command.group === group)
    .map((command) => command.name[locale])
    .join(' | ')}]`;
}

/** Both languages, for the app's page in the workspace's directory, whatever language it is read in. */
function longDescription(): string {
  const colon: Record<Locale, string> = { fr: ' : ', en: ': ' };
  return LOCALES.map((locale) =>
    COMMAND_GROUPS.map((group) => `/${group}${colon[locale]}${translate(locale, GROUP_DESCRIPTIONS[group])}`).join('\n'),
  ).join('\n\n');
}

/**
 * The Slack app manifest, generated from `commands/` like Discord's registration: paste it into
 * "Create an app → From a manifest" (api.slack.com/apps), then install the app in the workspace.
 *
 * No `event_subscriptions`, on purpose: the bot only answers slash commands and interactions
 * (buttons, modals), which Slack sends to the command and interactivity URLs (or over Socket Mode),
 * never as events. Subscribing to events (messages, App Home opened…) would have Slack send the app
 * traffic it ignores, and most need scopes the bot otherwise has no use for (`channels:history` for
 * messages in channels, `app_mentions:read`…). A feature that reacts to an event adds it here, with its scope.
 */
export function slackManifest(commands: readonly Command[], options: SlackManifestOptions): SlackManifest {
  const locale = options.locale ?? 'fr';
  if (!options.socketMode && !options.requestUrl) throw new Error('an HTTP-mode manifest needs the request URL');
  const url = options.socketMode ? undefined : `${(options.requestUrl ?? '').replace(/\/+$/, '')}${EVENTS_PATH}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'Mentorat',
      description: translate(locale, GROUP_DESCRIPTIONS.mentorat),
      long_description: longDescription(),
    },
    features: {
      // The bot writes to people in its Messages tab (their DMs with the app): without the tab, Slack
      // refuses every DM with `messages_tab_disabled`. Read-only, as the bot does not read messages.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: 'mentorat', always_online: false },
      slash_commands: COMMAND_GROUPS.map((group) => ({
        command: `/${group}`,
        description: translate(locale, GROUP_DESCRIPTIONS[group]),
        usage_hint: usageHint(commands, group, locale),
        should_escape: ESCAPED_GROUPS.has(group),
        ...(url ? { url } : {}),
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
