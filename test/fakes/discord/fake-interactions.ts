/** What a Discord client sends: commands, button presses, selects and modal submits, checked as the real client would. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { FakeGateway } from './fake-gateway.js';
import { interactionPayload, memberPayload, rolePayload, userPayload } from './fake-payloads.js';
import type { FakeWorld } from './fake-state.js';
import type { CommandSeed, ComponentSeed, FakeInteraction, FakeMessage, InteractionSeed, ModalSubmitSeed } from './types.js';

const leafOption = z.object({ type: z.number(), name: z.string(), required: z.boolean().optional() });
type OptionDefinition = z.infer<typeof leafOption>;
const commandDefinition = z.object({
  id: z.string(),
  name: z.string(),
  options: z.array(leafOption.extend({ options: z.array(leafOption).optional() })).optional(),
});
type CommandDefinition = z.infer<typeof commandDefinition>;

type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Every component object inside rows, containers, sections and labels. */
function* walkComponents(components: unknown[]): Generator<Json> {
  for (const item of components) {
    const component = asRecord(item);
    if (!component) continue;
    yield component;
    yield* walkComponents(asArray(component.components));
    yield* walkComponents([component.accessory, component.component]);
  }
}

interface Pending {
  resolve: (interaction: FakeInteraction) => void;
  timer: NodeJS.Timeout;
}

export class InteractionHub {
  private readonly pending = new Map<string, Pending>();
  private readonly tokens = new Map<string, FakeInteraction>();

  constructor(
    private readonly world: FakeWorld,
    private readonly gateway: FakeGateway,
    private readonly port: () => number,
    private readonly callbackTimeoutMs = 5000,
  ) {}

  byId(id: string): FakeInteraction | undefined {
    return this.world.interactions.find((interaction) => interaction.id === id);
  }

  byToken(token: string): FakeInteraction | undefined {
    return this.tokens.get(token);
  }

  /** Called by the callback route, after the callback is recorded. */
  acknowledged(interaction: FakeInteraction): void {
    const waiting = this.pending.get(interaction.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(interaction.id);
    waiting.resolve(interaction);
  }

  /** Pending waits are dropped, not rejected: after a failed test nobody listens, and a rejection would surface as unhandled. */
  close(): void {
    for (const waiting of this.pending.values()) clearTimeout(waiting.timer);
    this.pending.clear();
  }

  async runCommand(seed: CommandSeed): Promise<FakeInteraction> {
    const definition = this.findCommand(seed.guildId, seed.command);
    const label = `/${seed.command}${seed.subcommand ? ` ${seed.subcommand}` : ''}`;
    let definitions = definition?.options;
    let wrap = (options: Json[]): Json[] => options;
    if (seed.subcommand !== undefined) {
      const sub = definitions?.find((option) => option.type === 1 && option.name === seed.subcommand);
      if (definition && !sub) {
        throw new Error(`Fake Discord: ${label}: the registered /${seed.command} has no subcommand ${seed.subcommand}`);
      }
      definitions = sub ? (sub.options ?? []) : undefined;
      wrap = (options) => [{ type: 1, name: seed.subcommand, options }];
    } else if (definitions?.some((option) => option.type === 1)) {
      throw new Error(`Fake Discord: ${label} needs a subcommand (${definitions.map((option) => option.name).join(', ')})`);
    }
    const { options, resolved } = this.commandOptions(seed, label, definitions);
    const data: Json = { id: definition?.id ?? this.world.snowflake(), name: seed.command, type: 1, options: wrap(options) };
    if (definition && this.world.registeredCommands.guilds.get(seed.guildId)?.some((command) => asRecord(command)?.id === definition.id)) {
      data.guild_id = seed.guildId;
    }
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    return this.start(seed, 2, data, label);
  }

  async pressButton(seed: ComponentSeed): Promise<FakeInteraction> {
    const component = this.findComponent(seed);
    if (component.type !== 2) throw new Error(`Fake Discord: ${seed.customId} on message ${seed.message.id} is not a button`);
    return this.start(seed, 3, { custom_id: seed.customId, component_type: 2 }, `button ${seed.customId}`, seed.message);
  }

  async selectValues(seed: ComponentSeed & { values: string[] }): Promise<FakeInteraction> {
    const component = this.findComponent(seed);
    const type = Number(component.type);
    if (![3, 5, 6, 7, 8].includes(type)) {
      throw new Error(`Fake Discord: ${seed.customId} on message ${seed.message.id} is not a select menu`);
    }
    const min = typeof component.min_values === 'number' ? component.min_values : 1;
    const max = typeof component.max_values === 'number' ? component.max_values : 1;
    if (seed.values.length < min || seed.values.length > max) {
      throw new Error(`Fake Discord: select ${seed.customId} takes ${min} to ${max} values, got ${seed.values.length}`);
    }
    if (type === 3) {
      const offered = asArray(component.options).map((option) => asRecord(option)?.value);
      const unknown = seed.values.filter((value) => !offered.includes(value));
      if (unknown.length > 0) {
        throw new Error(`Fake Discord: select ${seed.customId} offers no ${unknown.join(', ')} (offers ${offered.join(', ')})`);
      }
    }
    return this.start(
      seed,
      3,
      { custom_id: seed.customId, component_type: type, values: seed.values },
      `select ${seed.customId}`,
      seed.message,
    );
  }

  async submitModal(seed: ModalSubmitSeed): Promise<FakeInteraction> {
    const label = `modal ${seed.modal.customId}`;
    const used = new Set<string>();
    const answer = (input: Json): Json => {
      const customId = String(input.custom_id);
      const value = seed.values[customId];
      if (value !== undefined) used.add(customId);
      if (input.type !== 4) return { type: input.type, custom_id: customId, values: value === undefined ? [] : [value] };
      const text = value ?? '';
      if (input.required !== false && text === '') throw new Error(`Fake Discord: ${label}: ${customId} is required`);
      if (typeof input.max_length === 'number' && text.length > input.max_length) {
        throw new Error(`Fake Discord: ${label}: ${customId} takes at most ${input.max_length} characters`);
      }
      if (text !== '' && typeof input.min_length === 'number' && text.length < input.min_length) {
        throw new Error(`Fake Discord: ${label}: ${customId} takes at least ${input.min_length} characters`);
      }
      return { type: 4, custom_id: customId, value: text };
    };
    const components = seed.modal.components.flatMap((item): Json[] => {
      const component = asRecord(item);
      if (component?.type === 1) {
        return [{ type: 1, components: asArray(component.components).map((input) => answer(asRecord(input) ?? {})) }];
      }
      const inner = asRecord(component?.component);
      if (component?.type === 18 && inner) return [{ type: 18, component: answer(inner) }];
      return component ? [{ type: component.type }] : [];
    });
    const unknown = Object.keys(seed.values).filter((key) => !used.has(key));
    if (unknown.length > 0) throw new Error(`Fake Discord: ${label} has no input ${unknown.join(', ')}`);
    return this.start(seed, 5, { custom_id: seed.modal.customId, components }, label, seed.message);
  }

  private start(seed: InteractionSeed, type: 2 | 3 | 5, data: Json, label: string, message?: FakeMessage): Promise<FakeInteraction> {
    const { world } = this;
    const source = message ? world.messages.get(message.id) : undefined;
    if (message && (!source || source.message.deleted)) throw new Error(`Fake Discord: message ${message.id} does not exist (any more)`);
    if (source?.message.ephemeral && source.message.interactionUserId !== seed.userId) {
      throw new Error(`Fake Discord: user ${seed.userId} cannot see ephemeral message ${source.message.id}`);
    }
    // A component on a message in the bot's DM with the user: a DM interaction, outside any guild.
    const dmUser = source ? world.dmChannels.get(source.message.channelId) : undefined;
    if (dmUser !== undefined && dmUser !== seed.userId) {
      throw new Error(`Fake Discord: user ${seed.userId} cannot see the DM with ${dmUser}`);
    }
    const guild = world.guilds.get(seed.guildId);
    if (!guild) throw new Error(`Fake Discord: unknown guild ${seed.guildId}`);
    if (dmUser === undefined && !guild.members.has(seed.userId)) {
      throw new Error(`Fake Discord: user ${seed.userId} is not a member of guild ${guild.id}`);
    }
    const channelId = source?.message.channelId ?? seed.channelId ?? world.channelsOf(guild.id).find((channel) => channel.type === 0)?.id;
    if (!channelId || (dmUser === undefined && world.channels.get(channelId)?.guildId !== guild.id)) {
      throw new Error(`Fake Discord: no text channel ${seed.channelId ?? ''} in guild ${guild.id} for ${label}`);
    }
    if (!world.canView(channelId, seed.userId)) throw new Error(`Fake Discord: user ${seed.userId} cannot see channel ${channelId}`);
    const interaction: FakeInteraction = {
      id: world.snowflake(),
      token: `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`,
      type,
      userId: seed.userId,
      guildId: guild.id,
      channelId,
      callbacks: [],
      followUps: [],
    };
    if (dmUser !== undefined) interaction.dm = true;
    if (source) interaction.sourceMessage = source.message;
    world.interactions.push(interaction);
    this.tokens.set(interaction.token, interaction);
    const description = `interaction ${interaction.id} (${label} by user ${seed.userId})`;
    if (this.gateway.connectedSessions() === 0) {
      return Promise.reject(new Error(`Fake Discord: no gateway session is connected to receive ${description}`));
    }
    const promise = new Promise<FakeInteraction>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(interaction.id);
        reject(new Error(`Fake Discord: ${description} got no callback within ${this.callbackTimeoutMs / 1000} s`));
      }, this.callbackTimeoutMs);
      this.pending.set(interaction.id, { resolve, timer });
    });
    const payload = interactionPayload(world, this.port(), {
      id: interaction.id,
      token: interaction.token,
      type,
      guildId: dmUser === undefined ? guild.id : null,
      channelId,
      userId: seed.userId,
      locale: seed.locale ?? 'fr',
      data,
      ...(source ? { message: source } : {}),
    });
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return promise;
  }

  private findComponent(seed: ComponentSeed): Json {
    const component = [...walkComponents(seed.message.components)].find((candidate) => candidate.custom_id === seed.customId);
    if (!component) throw new Error(`Fake Discord: message ${seed.message.id} has no component ${seed.customId}`);
    if (component.disabled === true) throw new Error(`Fake Discord: component ${seed.customId} is disabled`);
    return component;
  }

  /** The registered definition, when the bot registered any command (else anything goes). */
  private findCommand(guildId: string, name: string): CommandDefinition | undefined {
    const registered = [...(this.world.registeredCommands.guilds.get(guildId) ?? []), ...this.world.registeredCommands.global];
    if (registered.length === 0) return undefined;
    for (const command of registered) {
      const parsed = commandDefinition.safeParse(command);
      if (parsed.success && parsed.data.name === name) return parsed.data;
    }
    throw new Error(`Fake Discord: /${name} is not registered in guild ${guildId} nor globally`);
  }

  private commandOptions(
    seed: CommandSeed,
    label: string,
    definitions: OptionDefinition[] | undefined,
  ): { options: Json[]; resolved: Json } {
    const { world } = this;
    const guild = world.guilds.get(seed.guildId);
    const options: Json[] = [];
    const resolved: Record<string, Json> = {};
    const put = (kind: string, id: string, value: unknown) => {
      resolved[kind] ??= {};
      const bucket = resolved[kind];
      if (bucket) bucket[id] = value;
    };
    for (const [name, value] of Object.entries(seed.options ?? {})) {
      const definition = definitions?.find((option) => option.name === name);
      if (definitions && !definition) throw new Error(`Fake Discord: ${label} has no option ${name}`);
      const type =
        definition?.type ?? (typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3);
      const expected = type === 5 ? 'boolean' : type === 4 || type === 10 ? 'number' : 'string';
      if (typeof value !== expected) throw new Error(`Fake Discord: ${label}: option ${name} takes a ${expected}`);
      const id = String(value);
      if (type === 6) {
        const user = world.users.get(id);
        if (!user) throw new Error(`Fake Discord: ${label}: option ${name}: unknown user ${id}`);
        put('users', id, userPayload(user));
        const member = guild?.members.get(id);
        if (member) {
          const { user: _user, ...partial } = memberPayload(world, member);
          put('members', id, { ...partial, permissions: world.permissionsOf(seed.guildId, id).toString() });
        }
      } else if (type === 7) {
        const channel = world.channels.get(id);
        if (!channel) throw new Error(`Fake Discord: ${label}: option ${name}: unknown channel ${id}`);
        put('channels', id, { id, name: channel.name, type: channel.type, parent_id: channel.parentId, permissions: '0' });
      } else if (type === 8) {
        const role = guild?.roles.find((candidate) => candidate.id === id);
        if (!role) throw new Error(`Fake Discord: ${label}: option ${name}: unknown role ${id}`);
        put('roles', id, rolePayload(role));
      }
      options.push({ type, name, value });
    }
    const missing = (definitions ?? []).filter((option) => option.required && !(option.name in (seed.options ?? {})));
    if (missing.length > 0) throw new Error(`Fake Discord: ${label} misses required ${missing.map((option) => option.name).join(', ')}`);
    return { options, resolved };
  }
}
