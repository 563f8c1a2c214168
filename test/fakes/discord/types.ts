/** The public shapes of the loopback Discord: seeds going in, recordings coming out. */

export interface FakeRole {
  id: string;
  name: string;
  /** bitfield as a decimal string, default '0' (for @everyone, whose id is the guild id: a realistic default set) */
  permissions?: string;
}

export interface FakeMemberSeed {
  userId: string;
  username: string;
  globalName?: string;
  nick?: string;
  /** role ids */
  roles?: string[];
}

export interface FakeChannelSeed {
  id: string;
  name: string;
  /** text, category */
  type: 0 | 4;
  parentId?: string;
  topic?: string;
  permissionOverwrites?: FakeOverwrite[];
}

export interface FakeGuildSeed {
  id: string;
  name: string;
  roles?: FakeRole[];
  members: FakeMemberSeed[];
  channels?: FakeChannelSeed[];
  /** the bot's permissions in this guild (decimal string), given to its managed role and sent as app_permissions; default all but Administrator */
  botPermissions?: string;
  /** default: a user who is not among the members, so that nobody gets the owner's implicit Administrator */
  ownerId?: string;
}

export interface FakeDiscordOptions {
  guilds: FakeGuildSeed[];
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  token?: string;
  /** GuildMembers, GuildPresences, MessageContent: when false (the default), asking for them closes the gateway with 4014 */
  privilegedIntents?: boolean;
  /** how long runCommand and the others wait for the first callback; default 5000 */
  callbackTimeoutMs?: number;
  /** how long an interaction's token lets the bot edit its answer and follow up (Discord: 15 minutes); past it, 401 50027 */
  interactionTokenLifetimeMs?: number;
}

export interface FakeAttachment {
  filename: string;
  /** The bytes read as utf8: what a test of a text file (CSV, JSON) reads. */
  content: string;
  /** The bytes as received, unchanged: what a test of an image decodes. */
  bytes: Buffer;
  contentType?: string;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  /** raw JSON as sent */
  components: unknown[];
  embeds: unknown[];
  attachments: FakeAttachment[];
  flags: number;
  /** flags & 64 */
  ephemeral: boolean;
  /** for interaction responses: the user who can see it (ephemeral) or who triggered it */
  interactionUserId?: string;
  allowedMentions?: unknown;
  /** as sent; Discord returns it when the message is created (and in MESSAGE_CREATE), not when messages are read back */
  nonce?: string;
  edited: boolean;
  deleted?: boolean;
}

export interface FakeModal {
  customId: string;
  title: string;
  /** raw JSON as sent */
  components: unknown[];
}

export interface FakeCallback {
  type: number;
  /** the callback's `data`, raw JSON (from payload_json for multipart) */
  data: unknown;
  attachments: FakeAttachment[];
}

export interface FakeInteraction {
  id: string;
  token: string;
  type: 2 | 3 | 5;
  userId: string;
  /** the seed's guild; when `dm` is true the interaction came from the bot's DM with the user, outside any guild */
  guildId: string;
  channelId: string;
  dm?: boolean;
  /** every POST /interactions/{id}/{token}/callback, in order */
  callbacks: FakeCallback[];
  /** created by callback 4 (or 5 then PATCH @original), updated by PATCH @original; for 7 the component's message, updated */
  original?: FakeMessage;
  /** POST /webhooks/{appId}/{token} */
  followUps: FakeMessage[];
  /** callback type 9 */
  modal?: FakeModal;
  /** the message a component (or the modal opened from it) was attached to */
  sourceMessage?: FakeMessage;
}

export interface InteractionSeed {
  guildId: string;
  userId: string;
  /** default 'fr' */
  locale?: string;
  /** default: the first text channel of the guild */
  channelId?: string;
}

export interface CommandSeed extends InteractionSeed {
  command: string;
  subcommand?: string;
  options?: Record<string, string | number | boolean>;
}

export interface ComponentSeed extends InteractionSeed {
  message: FakeMessage;
  customId: string;
}

export interface ModalSubmitSeed extends InteractionSeed {
  modal: FakeModal;
  /** text input custom_id → value */
  values: Record<string, string>;
  message?: FakeMessage;
}

export interface FakeOverwrite {
  id: string;
  /** 0 role, 1 member */
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface FakeChannelState {
  id: string;
  guildId: string;
  name: string;
  type: number;
  parentId: string | null;
  topic: string | null;
  permissionOverwrites: FakeOverwrite[];
}

export interface RecordedRequest {
  method: string;
  /** without /api/v10 and without the query, percent-decoded */
  path: string;
  body: unknown;
  status: number;
}

export interface FakeDiscord {
  /** 'http://127.0.0.1:PORT/api' (no /v10: the library adds it) */
  apiUrl: string;
  token: string;
  applicationId: string;
  botUserId: string;
  /** closes the gateway sockets cleanly, then the server; destroy the clients first, or they try to reconnect */
  close(): Promise<void>;
  /** Gateway sockets open now (as Discord sees a bot online): 0 once the client disconnected. */
  readonly gatewayConnections: number;
  /** Each dispatches INTERACTION_CREATE and resolves at the first callback (rejects after 5 s, naming the interaction). */
  runCommand(seed: CommandSeed): Promise<FakeInteraction>;
  pressButton(seed: ComponentSeed): Promise<FakeInteraction>;
  selectValues(seed: ComponentSeed & { values: string[] }): Promise<FakeInteraction>;
  submitModal(seed: ModalSubmitSeed): Promise<FakeInteraction>;
  readonly interactions: FakeInteraction[];
  /** non-ephemeral messages posted in a guild channel */
  messagesIn(channelId: string): FakeMessage[];
  /** messages the bot sent in the DM channel with this user */
  dmsTo(userId: string): FakeMessage[];
  channel(channelId: string): FakeChannelState | undefined;
  channelsOf(guildId: string): FakeChannelState[];
  /** ViewChannel from @everyone, roles, overwrites (and Administrator, and ownership) */
  canView(channelId: string, userId: string): boolean;
  /** Whether this member may write in this guild channel: View Channel and Send Messages, after overwrites. */
  canSend(channelId: string, userId: string): boolean;
  /**
   * Sets what the bot's managed role grants (decimal bits), as a server admin editing it in
   * Server Settings → Roles would: GUILD_ROLE_UPDATE is sent, and REST checks use it from then on.
   */
  setBotPermissions(guildId: string, permissions: bigint): void;
  readonly registeredCommands: { global: unknown[]; guilds: Map<string, unknown[]> };
  readonly requests: RecordedRequest[];
  closeDms(userId: string): void;
  refuseChannelCreation(guildId: string): void;
  allowChannelCreation(guildId: string): void;
  /** a channel someone else (a server admin) creates: added and announced on the gateway (CHANNEL_CREATE) */
  addChannel(guildId: string, seed: FakeChannelSeed): FakeChannelState;
  /**
   * Runs `action` just before the next request matching is handled (once): something happening on Discord
   * while the bot's request is on its way. Called synchronously and not awaited, so it may stop the bot.
   */
  beforeNextRequest(match: { method: string; path: RegExp }, action: () => unknown): void;
  rateLimitNext(match: { method: string; path: RegExp }, retryAfterSeconds: number): void;
  /** a user who is not a member of any guild (DM-able) */
  addUser(userId: string, username: string): void;
}
