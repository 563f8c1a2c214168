/*
 * The loopback Discord, driven by a raw discord.js Client (no bot code): each behaviour the bot's tests rely on,
 * checked both on what the fake recorded and on what the client saw.
 */
import {
  ActionRowBuilder,
  ApplicationIntegrationType,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionContextType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { pixelsOf, tinyPng } from '../support/tiny-png';
import { type FakeDiscord, type FakeDiscordOptions, type FakeGuildSeed, startFakeDiscord } from './discord/fake-discord.js';

const GUILD = '1100000000000000001';
const MENTOR_ROLE = '1100000000000000010';
const ADMIN_ROLE = '1100000000000000011';
const ALICE = '1100000000000000101';
const BRUNO = '1100000000000000102';
const CHLOE = '1100000000000000103';
const DORA = '1100000000000000104';
const GENERAL = '1100000000000000201';
const CATEGORY = '1100000000000000202';
const ANNOUNCES = '1100000000000000203';

const guildSeed: FakeGuildSeed = {
  id: GUILD,
  name: 'Club Python',
  roles: [
    { id: MENTOR_ROLE, name: 'Mentor', permissions: String(PermissionFlagsBits.ManageChannels) },
    { id: ADMIN_ROLE, name: 'Admin', permissions: String(PermissionFlagsBits.Administrator) },
  ],
  members: [
    { userId: ALICE, username: 'alice', globalName: 'Alice', nick: 'Alice M.', roles: [MENTOR_ROLE] },
    { userId: BRUNO, username: 'bruno' },
    { userId: CHLOE, username: 'chloe' },
    { userId: DORA, username: 'dora', roles: [ADMIN_ROLE] },
  ],
  channels: [
    { id: GENERAL, name: 'general', type: 0, topic: 'Tout le monde' },
    { id: CATEGORY, name: 'Binômes', type: 4 },
    { id: ANNOUNCES, name: 'annonces', type: 0, parentId: CATEGORY },
  ],
};

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function connect(options: Partial<FakeDiscordOptions> = {}): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await startFakeDiscord({ guilds: [guildSeed], ...options });
  const started = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client = started;
  const ready = new Promise<Client<true>>((resolve) => started.once(Events.ClientReady, resolve));
  await started.login(fake.token);
  return { fake, client: await ready };
}

/** Runs a handler for every interaction; `settled()` waits for them all and rethrows what they threw. */
function handle(target: Client, handler: (interaction: Interaction) => Promise<unknown>) {
  const runs: Promise<unknown>[] = [];
  target.on(Events.InteractionCreate, (interaction) => {
    const run = handler(interaction);
    run.catch(() => undefined);
    runs.push(run);
  });
  return { settled: () => Promise.all(runs) };
}

const apiError = (code: number) => expect.objectContaining({ name: expect.stringContaining('DiscordAPIError'), code });

describe('the loopback Discord, with a raw discord.js Client', () => {
  it('logs the client in and caches the guild, its roles, channels and members', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.name).toBe('Club Python');
    expect(guild?.roles.cache.get(GUILD)?.name).toBe('@everyone');
    expect(guild?.roles.cache.get(MENTOR_ROLE)?.permissions.has(PermissionFlagsBits.ManageChannels)).toBe(true);
    expect(guild?.channels.cache.get(ANNOUNCES)?.parentId).toBe(CATEGORY);
    expect(guild?.channels.cache.get(CATEGORY)?.type).toBe(ChannelType.GuildCategory);
    expect(guild?.members.cache.get(ALICE)?.displayName).toBe('Alice M.');
    expect(guild?.members.cache.get(ALICE)?.roles.cache.has(MENTOR_ROLE)).toBe(true);
    // The bot is a member with its managed role: all but Administrator by default.
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.ManageChannels)).toBe(true);
    expect(guild?.members.me?.permissions.has(PermissionFlagsBits.Administrator)).toBe(false);
    expect(client.user.id).toBe(fake.botUserId);
    expect(client.application.id).toBe(fake.applicationId);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toContain('GET /gateway/bot');
  });

  it('counts the gateway connections: one while the client is logged in, none once it is destroyed', async () => {
    const { fake, client } = await connect();
    expect(fake.gatewayConnections).toBe(1);
    await client.destroy();
    await vi.waitFor(() => expect(fake.gatewayConnections).toBe(0));
  });

  it('delivers a chat-input command with its options, locale, roles and permissions, and records an ephemeral reply', async () => {
    const { fake, client } = await connect();
    const raw: unknown[] = [];
    client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
      if (packet.t === 'INTERACTION_CREATE') raw.push(packet.d);
    });
    const seen: Record<string, unknown>[] = [];
    const handler = handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || !interaction.inCachedGuild()) throw new Error('not a guild command');
      seen.push({
        command: interaction.commandName,
        subcommand: interaction.options.getSubcommand(),
        theme: interaction.options.getString('theme'),
        places: interaction.options.getInteger('places'),
        public: interaction.options.getBoolean('public'),
        locale: interaction.locale,
        channelId: interaction.channelId,
        roles: [...interaction.member.roles.cache.keys()],
        canManageChannels: interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels),
        appCanManageChannels: interaction.appPermissions.has(PermissionFlagsBits.ManageChannels),
      });
      await interaction.reply({ content: 'Binôme ouvert', flags: MessageFlags.Ephemeral });
    });

    const interaction = await fake.runCommand({
      guildId: GUILD,
      userId: ALICE,
      locale: 'en-US',
      command: 'binome',
      subcommand: 'ouvrir',
      options: { theme: 'python', places: 3, public: true },
    });
    await handler.settled();

    expect(seen).toEqual([
      {
        command: 'binome',
        subcommand: 'ouvrir',
        theme: 'python',
        places: 3,
        public: true,
        locale: 'en-US',
        channelId: GENERAL,
        roles: expect.arrayContaining([MENTOR_ROLE, GUILD]),
        canManageChannels: true,
        appCanManageChannels: true,
      },
    ]);
    expect(interaction.callbacks.map((callback) => callback.type)).toEqual([4]);
    expect(interaction.original).toMatchObject({ content: 'Binôme ouvert', ephemeral: true, interactionUserId: ALICE, channelId: GENERAL });
    expect(fake.messagesIn(GENERAL)).toEqual([]);
    expect(fake.requests.find((request) => request.path.endsWith('/callback'))?.status).toBe(204);
    // The fields without which discord.js drops an interaction silently.
    expect(raw[0]).toMatchObject({
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD },
      channel: { id: GENERAL },
      app_permissions: expect.any(String),
      member: { permissions: expect.any(String) },
      guild_locale: 'fr',
      version: 1,
      application_id: fake.applicationId,
    });
  });

  it('gives an Administrator member every permission', async () => {
    const { fake, client } = await connect();
    let permissions: bigint | undefined;
    handle(client, async (interaction) => {
      permissions = interaction.memberPermissions?.bitfield;
      if (interaction.isRepliable()) await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await fake.runCommand({ guildId: GUILD, userId: DORA, command: 'admin' });
    expect(permissions).toBe(Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n));
  });

  it('records a modal made of labels and delivers its submission with readable fields', async () => {
    const { fake, client } = await connect();
    const submitted: string[] = [];
    const handler = handle(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const modal = new ModalBuilder()
          .setCustomId('candidature')
          .setTitle('Candidature')
          .addLabelComponents(
            new LabelBuilder()
              .setLabel('Pseudo')
              .setTextInputComponent(new TextInputBuilder().setCustomId('pseudo').setStyle(TextInputStyle.Short).setMaxLength(20)),
            new LabelBuilder()
              .setLabel('Motivation')
              .setTextInputComponent(
                new TextInputBuilder().setCustomId('motivation').setStyle(TextInputStyle.Paragraph).setRequired(false),
              ),
          );
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit()) {
        submitted.push(interaction.fields.getTextInputValue('pseudo'), interaction.fields.getTextInputValue('motivation'));
        await interaction.reply({ content: 'Merci', flags: MessageFlags.Ephemeral });
      }
    });

    const command = await fake.runCommand({ guildId: GUILD, userId: BRUNO, command: 'candidater' });
    expect(command.callbacks.map((callback) => callback.type)).toEqual([9]);
    expect(command.modal).toMatchObject({ customId: 'candidature', title: 'Candidature' });
    expect(JSON.stringify(command.modal?.components)).toContain('"custom_id":"motivation"');
    const modal = command.modal;
    if (!modal) throw new Error('no modal');

    await expect(fake.submitModal({ guildId: GUILD, userId: BRUNO, modal, values: { pseudo: 'b'.repeat(21) } })).rejects.toThrow(
      /at most 20/,
    );
    const submission = await fake.submitModal({
      guildId: GUILD,
      userId: BRUNO,
      modal,
      values: { pseudo: 'bruno', motivation: 'Apprendre' },
    });
    await handler.settled();

    expect(submitted).toEqual(['bruno', 'Apprendre']);
    expect(submission.type).toBe(5);
    expect(submission.original).toMatchObject({ content: 'Merci', ephemeral: true, interactionUserId: BRUNO });
  });

  it('delivers the submission of a modal made of action rows', async () => {
    const { fake, client } = await connect();
    let value: string | undefined;
    const handler = handle(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const input = new TextInputBuilder().setCustomId('sujet').setLabel('Sujet').setStyle(TextInputStyle.Short);
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('sujet')
            .setTitle('Sujet')
            .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
        );
      } else if (interaction.isModalSubmit()) {
        value = interaction.fields.getTextInputValue('sujet');
        await interaction.deferUpdate();
      }
    });
    const command = await fake.runCommand({ guildId: GUILD, userId: BRUNO, command: 'sujet' });
    const modal = command.modal;
    if (!modal) throw new Error('no modal');
    await fake.submitModal({ guildId: GUILD, userId: BRUNO, modal, values: { sujet: 'Asyncio' } });
    await handler.settled();
    expect(value).toBe('Asyncio');
  });

  it('delivers a select and a button press, and update() replaces the message', async () => {
    const { fake, client } = await connect();
    const seen: string[] = [];
    const handler = handle(client, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: 'Choisis un créneau',
          components: [
            new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
              new StringSelectMenuBuilder()
                .setCustomId('creneau')
                .addOptions({ label: 'Lundi', value: 'lundi' }, { label: 'Mardi', value: 'mardi' }),
            ),
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder().setCustomId('valider').setLabel('Valider').setStyle(ButtonStyle.Primary),
            ),
          ],
        });
      } else if (interaction.isStringSelectMenu()) {
        seen.push(`select ${interaction.values.join(',')} on ${interaction.message.id}`);
        await interaction.update({ content: `Créneau : ${interaction.values[0]}` });
      } else if (interaction.isButton()) {
        seen.push(`button ${interaction.customId} by ${interaction.user.id}`);
        await interaction.update({ content: 'Validé', components: [] });
      }
    });

    const command = await fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'creneau' });
    const message = command.original;
    if (!message) throw new Error('no reply');
    expect(fake.messagesIn(GENERAL)).toEqual([message]);

    await expect(fake.selectValues({ guildId: GUILD, userId: ALICE, message, customId: 'creneau', values: ['jeudi'] })).rejects.toThrow(
      /offers no jeudi/,
    );
    const select = await fake.selectValues({ guildId: GUILD, userId: ALICE, message, customId: 'creneau', values: ['mardi'] });
    expect(select.callbacks.map((callback) => callback.type)).toEqual([7]);
    expect(message).toMatchObject({ content: 'Créneau : mardi', edited: true });
    expect(message.components).toHaveLength(2);

    await expect(fake.pressButton({ guildId: GUILD, userId: ALICE, message, customId: 'annuler' })).rejects.toThrow(/no component annuler/);
    const press = await fake.pressButton({ guildId: GUILD, userId: ALICE, message, customId: 'valider' });
    await handler.settled();

    expect(seen).toEqual([`select mardi on ${message.id}`, `button valider by ${ALICE}`]);
    expect(press.original).toBe(message);
    expect(fake.messagesIn(GENERAL)).toEqual([expect.objectContaining({ id: message.id, content: 'Validé', components: [] })]);
  });

  it('fills a deferred reply with editReply (the 204 without content-type)', async () => {
    const { fake, client } = await connect();
    const handler = handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await interaction.editReply('Calcul terminé');
      expect(edited.content).toBe('Calcul terminé');
    });
    const interaction = await fake.runCommand({ guildId: GUILD, userId: BRUNO, command: 'stats' });
    await handler.settled();
    expect(interaction.callbacks).toEqual([{ type: 5, data: { flags: MessageFlags.Ephemeral }, attachments: [] }]);
    expect(interaction.original).toMatchObject({ content: 'Calcul terminé', ephemeral: true, edited: false });
    expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toContain(
      `PATCH /webhooks/${fake.applicationId}/${interaction.token}/messages/@original 200`,
    );
  });

  it('records a follow-up carrying a file', async () => {
    const { fake, client } = await connect();
    const handler = handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'Export en cours', flags: MessageFlags.Ephemeral, withResponse: true });
      expect(response.resource?.message?.content).toBe('Export en cours');
      expect(response.interaction.responseMessageEphemeral).toBe(true);
      const sent = await interaction.followUp({
        content: 'Voici le fichier',
        files: [new AttachmentBuilder(Buffer.from('nom;binome\nalice;bruno\n'), { name: 'binomes.csv' })],
        flags: MessageFlags.Ephemeral,
      });
      expect(sent.attachments.first()?.name).toBe('binomes.csv');
    });
    const interaction = await fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'export' });
    await handler.settled();
    expect(interaction.followUps).toEqual([
      expect.objectContaining({
        content: 'Voici le fichier',
        ephemeral: true,
        attachments: [{ filename: 'binomes.csv', content: 'nom;binome\nalice;bruno\n', bytes: Buffer.from('nom;binome\nalice;bruno\n') }],
      }),
    ]);
  });

  it('keeps a PNG in a follow-up byte for byte, and gives back its size as Discord does for an image', async () => {
    const { fake, client } = await connect();
    const png = tinyPng();
    const handler = handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const sent = await interaction.followUp({
        files: [new AttachmentBuilder(png, { name: 'stats.png' })],
        flags: MessageFlags.Ephemeral,
      });
      const attachment = sent.attachments.first();
      expect([attachment?.name, attachment?.size, attachment?.width, attachment?.height]).toEqual(['stats.png', png.length, 5, 3]);
    });
    const interaction = await fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'stats' });
    await handler.settled();
    const received = interaction.followUps[0]?.attachments[0];
    expect(received?.filename).toBe('stats.png');
    expect(received?.bytes.equals(png)).toBe(true);
    expect(pixelsOf(received?.bytes ?? Buffer.alloc(0))).toEqual(pixelsOf(png));
  });

  it('delivers a DM, and refuses one with 50007 once the user closed them', async () => {
    const { fake, client } = await connect();
    fake.addUser('1100000000000000999', 'outsider');
    const bruno = await client.users.fetch(BRUNO);
    const first = await bruno.send('Ton binome est pret');
    await first.edit('Ton binôme est prêt');
    await (await client.users.fetch('1100000000000000999')).send('Bienvenue');
    expect(fake.dmsTo(BRUNO)).toEqual([
      expect.objectContaining({ content: 'Ton binôme est prêt', edited: true, authorId: fake.botUserId }),
    ]);
    expect(fake.dmsTo('1100000000000000999')).toHaveLength(1);

    fake.closeDms(BRUNO);
    const refused = await bruno.send('Encore là ?').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ code: 50007, status: 403 });
    expect(fake.dmsTo(BRUNO)).toHaveLength(1);
    await expect(client.users.fetch('1100000000000000998')).rejects.toEqual(apiError(10013));
  });

  it('keeps a message’s nonce, and with enforce_nonce returns the first message instead of creating a second', async () => {
    const { fake, client } = await connect();
    const channel = client.channels.cache.get(GENERAL);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const first = await channel.send({ content: 'Annonce', nonce: 'annonce-1', enforceNonce: true });
    const again = await channel.send({ content: 'Annonce', nonce: 'annonce-1', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(first.nonce).toBe('annonce-1');
    expect(fake.messagesIn(GENERAL)).toEqual([expect.objectContaining({ content: 'Annonce', nonce: 'annonce-1' })]);
    // Without enforce_nonce the nonce is only carried along: a second message is created.
    await channel.send({ content: 'Annonce', nonce: 'annonce-1', enforceNonce: false });
    expect(fake.messagesIn(GENERAL)).toHaveLength(2);
    const tooLong = await channel.send({ content: 'x', nonce: 'n'.repeat(26) }).catch((error: unknown) => error);
    expect(tooLong).toMatchObject({ code: 50035 });
  });

  it('lists a channel’s or a DM’s messages newest first, with limit and before, without their nonce', async () => {
    const { fake, client } = await connect();
    const channel = client.channels.cache.get(GENERAL);
    if (!channel?.isTextBased() || !channel.isSendable()) throw new Error('general is not a text channel');
    const sent = [];
    for (const content of ['un', 'deux', 'trois']) sent.push(await channel.send({ content, nonce: content, enforceNonce: true }));
    const latest = (await client.rest.get(Routes.channelMessages(GENERAL), { query: new URLSearchParams({ limit: '2' }) })) as {
      content: string;
      author: { id: string };
      nonce?: string;
    }[];
    expect(latest.map((message) => [message.content, message.author.id, message.nonce])).toEqual([
      ['trois', fake.botUserId, undefined],
      ['deux', fake.botUserId, undefined],
    ]);
    const older = await channel.messages.fetch({ limit: 50, before: sent[1]?.id, cache: false });
    expect([...older.values()].map((message) => message.content)).toEqual(['un']);
    expect(fake.requests.filter((request) => request.method === 'GET' && request.path === `/channels/${GENERAL}/messages`)).toHaveLength(2);
    expect((await channel.messages.fetch({ limit: 2 })).map((message) => message.content)).toEqual(['trois', 'deux']);
    await expect(channel.messages.fetch({ limit: 101 })).rejects.toBeDefined();

    const dm = await client.users.createDM(BRUNO);
    await dm.send('Bonjour Bruno');
    expect([...(await dm.messages.fetch({ limit: 50, cache: false })).values()].map((message) => message.content)).toEqual([
      'Bonjour Bruno',
    ]);
  });

  it('lists no message to a bot without Read Message History, and refuses one that cannot see the channel', async () => {
    const only = (...bits: bigint[]) => String(bits.reduce((all, bit) => all | bit, 0n));
    const everyone = (permissions: string) => [{ id: GUILD, name: '@everyone', permissions }, ...(guildSeed.roles ?? [])];
    const { client } = await connect({
      guilds: [
        {
          ...guildSeed,
          roles: everyone(only(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages)),
          botPermissions: only(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages),
        },
      ],
    });
    const channel = client.channels.cache.get(GENERAL);
    if (!channel?.isTextBased() || !channel.isSendable()) throw new Error('general is not a text channel');
    await channel.send('Bonjour');
    expect((await channel.messages.fetch({ limit: 50, cache: false })).size).toBe(0);
    await client.destroy();
    await fake?.close();
    const hidden = await connect({
      guilds: [
        {
          ...guildSeed,
          roles: everyone(only(PermissionFlagsBits.SendMessages)),
          botPermissions: only(PermissionFlagsBits.SendMessages, PermissionFlagsBits.ReadMessageHistory),
        },
      ],
    });
    const unseen = hidden.client.channels.cache.get(GENERAL);
    if (!unseen?.isTextBased()) throw new Error('general is not a text channel');
    await expect(unseen.messages.fetch({ limit: 50 })).rejects.toEqual(apiError(50001));
  });

  it('delivers a button pressed in a DM, outside any guild', async () => {
    const { fake, client } = await connect();
    let where: unknown[] = [];
    const handler = handle(client, async (interaction) => {
      if (!interaction.isButton()) return;
      where = [interaction.guildId, interaction.channel?.isDMBased(), interaction.user.id, interaction.message.content];
      await interaction.update({ content: 'Merci, à bientôt', components: [] });
    });
    const bruno = await client.users.fetch(BRUNO);
    await bruno.send({
      content: 'Acceptes-tu Alice comme mentor ?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('oui').setLabel('Oui').setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const [message] = fake.dmsTo(BRUNO);
    if (!message) throw new Error('no DM');
    await expect(fake.pressButton({ guildId: GUILD, userId: CHLOE, message, customId: 'oui' })).rejects.toThrow(/cannot see/);
    const press = await fake.pressButton({ guildId: GUILD, userId: BRUNO, message, customId: 'oui' });
    await handler.settled();
    expect(where).toEqual([null, true, BRUNO, 'Acceptes-tu Alice comme mentor ?']);
    expect(press).toMatchObject({ dm: true, channelId: message.channelId });
    expect(fake.dmsTo(BRUNO)).toEqual([expect.objectContaining({ content: 'Merci, à bientôt', components: [] })]);
  });

  it('sends a DM interaction as Discord does: the user and no member, no guild, context 1 (BotDM), the guild install authorized as "0"', async () => {
    const { fake, client } = await connect();
    let seen: unknown[] = [];
    const handler = handle(client, async (interaction) => {
      if (!interaction.isButton()) return;
      seen = [
        interaction.member,
        interaction.guildId,
        interaction.context,
        interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall],
        interaction.user.id,
        interaction.inGuild(),
      ];
      await interaction.reply({ content: 'Vu', flags: MessageFlags.Ephemeral });
    });
    const bruno = await client.users.fetch(BRUNO);
    await bruno.send({
      content: 'Un signalement vous attend',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('voir').setLabel('Voir').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const [message] = fake.dmsTo(BRUNO);
    if (!message) throw new Error('no DM');
    const press = await fake.pressButton({ guildId: GUILD, userId: BRUNO, message, customId: 'voir' });
    await handler.settled();
    expect(seen).toEqual([null, null, InteractionContextType.BotDM, '0', BRUNO, false]);
    expect(press.original).toMatchObject({ content: 'Vu', ephemeral: true, channelId: message.channelId });
  });

  it('submits a modal opened from a DM button outside any guild too, and lets its answer update the DM', async () => {
    const { fake, client } = await connect();
    const typed: unknown[] = [];
    const handler = handle(client, async (interaction) => {
      if (interaction.isButton()) {
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId('note')
            .setTitle('Note')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('texte').setLabel('Votre note').setStyle(TextInputStyle.Paragraph),
              ),
            ),
        );
      }
      if (interaction.isModalSubmit()) {
        typed.push(interaction.guildId, interaction.fields.getTextInputValue('texte'), interaction.isFromMessage());
        if (interaction.isFromMessage()) await interaction.update({ content: 'Note enregistrée', components: [] });
      }
    });
    const bruno = await client.users.fetch(BRUNO);
    await bruno.send({
      content: 'Ajouter une note ?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('noter').setLabel('Noter').setStyle(ButtonStyle.Secondary),
        ),
      ],
    });
    const [message] = fake.dmsTo(BRUNO);
    if (!message) throw new Error('no DM');
    const press = await fake.pressButton({ guildId: GUILD, userId: BRUNO, message, customId: 'noter' });
    if (!press.modal) throw new Error('no modal');
    const submitted = await fake.submitModal({
      guildId: GUILD,
      userId: BRUNO,
      modal: press.modal,
      values: { texte: 'Rappeler lundi' },
      message,
    });
    await handler.settled();
    expect(typed).toEqual([null, 'Rappeler lundi', true]);
    expect(submitted.dm).toBe(true);
    expect(fake.dmsTo(BRUNO)).toEqual([expect.objectContaining({ content: 'Note enregistrée', components: [] })]);
  });

  it('refuses a custom_id longer than 100 characters, or the same twice in a message, as Discord does (50035)', async () => {
    const { fake, client } = await connect();
    const channel = client.channels.cache.get(GENERAL);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    // Raw components, as the bot sends them: discord.js's builders would refuse a long id before Discord could.
    const row = (...ids: string[]) => ({
      type: ComponentType.ActionRow as const,
      components: ids.map((id, index) => ({
        type: ComponentType.Button as const,
        custom_id: id,
        label: `B${index}`,
        style: ButtonStyle.Secondary,
      })),
    });
    await expect(channel.send({ content: 'x', components: [row('a'.repeat(101))] })).rejects.toEqual(apiError(50035));
    await expect(channel.send({ content: 'x', components: [row('same', 'same')] })).rejects.toEqual(apiError(50035));
    await channel.send({ content: 'ok', components: [row('a'.repeat(100), 'b')] });
    expect(fake.messagesIn(GENERAL).map((message) => message.content)).toEqual(['ok']);
  });

  it('creates a private channel whose overwrites let exactly the two members in', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const both = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages];
    const channel = await guild.channels.create({
      name: 'Binôme Alice Bruno',
      type: ChannelType.GuildText,
      parent: CATEGORY,
      topic: 'Alice et Bruno',
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: ALICE, allow: both },
        { id: BRUNO, allow: both },
      ],
    });

    expect(channel.name).toBe('binôme-alice-bruno');
    expect(fake.channel(channel.id)).toEqual({
      id: channel.id,
      guildId: GUILD,
      name: 'binôme-alice-bruno',
      type: 0,
      parentId: CATEGORY,
      topic: 'Alice et Bruno',
      permissionOverwrites: [
        { id: GUILD, type: 0, allow: '0', deny: '1024' },
        { id: ALICE, type: 1, allow: '3072', deny: '0' },
        { id: BRUNO, type: 1, allow: '3072', deny: '0' },
      ],
    });
    expect(fake.channelsOf(GUILD).map((other) => other.id)).toContain(channel.id);
    expect([ALICE, BRUNO, CHLOE].filter((userId) => fake.canView(channel.id, userId))).toEqual([ALICE, BRUNO]);
    expect(fake.canView(channel.id, DORA)).toBe(true); // Administrator
    expect(fake.canView(GENERAL, CHLOE)).toBe(true);
    expect(channel.permissionsFor(CHLOE)?.has(PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(channel.permissionsFor(ALICE)?.has(PermissionFlagsBits.ViewChannel)).toBe(true);
  });

  it('keeps the bot out of a channel hidden from @everyone until an overwrite lets it in', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const hidden = await guild.channels.create({
      name: 'prive',
      permissionOverwrites: [{ id: guild.id, deny: [PermissionFlagsBits.ViewChannel] }],
    });
    await expect(hidden.send('coucou')).rejects.toEqual(apiError(50001));
    await hidden.permissionOverwrites.edit(client.user.id, { ViewChannel: true, SendMessages: true });
    expect(fake.requests.find((request) => request.method === 'PUT')?.status).toBe(204);
    await hidden.send('coucou');
    expect(fake.messagesIn(hidden.id).map((message) => message.content)).toEqual(['coucou']);
  });

  it('hides a channel from a member once their overwrite is deleted (204), others keeping theirs', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const both = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages];
    const channel = await guild.channels.create({
      name: 'binome',
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: ALICE, allow: both },
        { id: BRUNO, allow: both },
      ],
    });
    await channel.permissionOverwrites.delete(BRUNO);
    expect(fake.requests.find((request) => request.method === 'DELETE')?.status).toBe(204);
    expect([ALICE, BRUNO].filter((userId) => fake.canView(channel.id, userId))).toEqual([ALICE]);
    expect(channel.permissionOverwrites.cache.has(BRUNO)).toBe(false);
  });

  it('moves a channel under another category and rewrites its overwrites in one edit: members read but no longer send', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const archive = await guild.channels.create({ name: 'Archives', type: ChannelType.GuildCategory });
    const channel = await guild.channels.create({
      name: 'binome',
      parent: CATEGORY,
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: ALICE, allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
      ],
    });
    expect(fake.canSend(channel.id, ALICE)).toBe(true);
    await channel.edit({
      parent: archive.id,
      lockPermissions: false,
      permissionOverwrites: [
        { id: guild.id, deny: [PermissionFlagsBits.ViewChannel] },
        { id: ALICE, allow: [PermissionFlagsBits.ViewChannel], deny: [PermissionFlagsBits.SendMessages] },
      ],
    });
    expect(fake.channel(channel.id)?.parentId).toBe(archive.id);
    expect(channel.parentId).toBe(archive.id);
    expect(fake.canView(channel.id, ALICE)).toBe(true);
    expect(fake.canSend(channel.id, ALICE)).toBe(false);
    expect(fake.canView(channel.id, BRUNO)).toBe(false);
  });

  it('refuses overwrite changes (50013) to a bot whose role lost Manage Roles, in an edit too, leaving the channel as it was', async () => {
    const { fake, client } = await connect();
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const channel = await guild.channels.create({
      name: 'binome',
      parent: CATEGORY,
      permissionOverwrites: [{ id: ALICE, allow: [PermissionFlagsBits.ViewChannel] }],
    });
    const archive = await guild.channels.create({ name: 'Archives', type: ChannelType.GuildCategory });
    fake.setBotPermissions(
      GUILD,
      (PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageChannels) as bigint,
    );
    await expect(channel.permissionOverwrites.delete(ALICE)).rejects.toEqual(apiError(50013));
    await expect(
      channel.edit({ parent: archive.id, permissionOverwrites: [{ id: ALICE, deny: [PermissionFlagsBits.SendMessages] }] }),
    ).rejects.toEqual(apiError(50013));
    expect(fake.channel(channel.id)?.parentId).toBe(CATEGORY);
    expect(fake.canView(channel.id, ALICE)).toBe(true);
    // Manage Channels alone still moves it.
    await channel.edit({ parent: archive.id });
    expect(fake.channel(channel.id)?.parentId).toBe(archive.id);
  });

  it('refuses a channel creation with 50013 when told to', async () => {
    const { fake, client } = await connect();
    fake.refuseChannelCreation(GUILD);
    const guild = client.guilds.cache.get(GUILD);
    await expect(guild?.channels.create({ name: 'refuse' })).rejects.toEqual(apiError(50013));
    expect(fake.channelsOf(GUILD)).toHaveLength(3);
    fake.allowChannelCreation(GUILD);
    await guild?.channels.create({ name: 'accepte' });
    expect(fake.channelsOf(GUILD).map((channel) => channel.name)).toContain('accepte');
  });

  it('lets a server admin create a channel just before the bot’s request lands: Discord then counts it (30013), and tells the bot', async () => {
    const filler = Array.from({ length: 496 }, (_, index) => ({
      id: String(1_200_000_000_000_000_000n + BigInt(index)),
      name: `salon-${index}`,
      type: 0 as const,
    }));
    const { fake, client } = await connect({ guilds: [{ ...guildSeed, channels: [...(guildSeed.channels ?? []), ...filler] }] });
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    expect(guild.channels.cache.size).toBe(499);
    const announced = new Promise<string>((resolve) => client.once(Events.ChannelCreate, (channel) => resolve(channel.id)));
    const seen: string[] = [];
    fake.beforeNextRequest({ method: 'POST', path: /^\/guilds\/\d+\/channels$/ }, () => {
      seen.push('admin');
      fake.addChannel(GUILD, { id: '1200000000000009999', name: 'cree-par-un-admin', type: 0 });
    });
    await expect(guild.channels.create({ name: 'binome-500' })).rejects.toEqual(apiError(30013));
    expect(await announced).toBe('1200000000000009999');
    expect(guild.channels.cache.size).toBe(500);
    expect(seen).toEqual(['admin']);
    // Once only: the next request goes through untouched.
    await guild.channels.cache.get(GENERAL)?.fetch(true);
    expect(seen).toEqual(['admin']);
  });

  it('refuses an interaction’s token once its lifetime is over (401, 50027), and the bot’s own token keeps working', async () => {
    const { fake, client } = await connect({ interactionTokenLifetimeMs: 150 });
    const outcomes: unknown[] = [];
    const handler = handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'Je commence', flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: 'Encore à temps', flags: MessageFlags.Ephemeral });
      await new Promise((resolve) => setTimeout(resolve, 200));
      outcomes.push(await interaction.followUp({ content: 'Trop tard', flags: MessageFlags.Ephemeral }).catch((error: unknown) => error));
      outcomes.push(await interaction.editReply('Trop tard aussi').catch((error: unknown) => error));
    });
    const interaction = await fake.runCommand({ guildId: GUILD, userId: BRUNO, command: 'long' });
    await handler.settled();
    expect(outcomes).toEqual([
      expect.objectContaining({ code: 50027, status: 401 }),
      expect.objectContaining({ code: 50027, status: 401 }),
    ]);
    expect(interaction.followUps.map((message) => message.content)).toEqual(['Encore à temps']);
    expect(interaction.original?.content).toBe('Je commence');
    expect((await client.users.fetch(BRUNO, { force: true })).username).toBe('bruno');
  });

  it('refuses a 51st channel in a category (50035) and a 501st in the guild (30013), as Discord does', async () => {
    const filler = (count: number, parentId?: string) =>
      Array.from({ length: count }, (_, index) => ({
        id: String(1_200_000_000_000_000_000n + BigInt(index) + (parentId ? 1000n : 0n)),
        name: `salon-${index}`,
        type: 0 as const,
        ...(parentId ? { parentId } : {}),
      }));
    const { fake, client } = await connect({
      guilds: [{ ...guildSeed, channels: [...(guildSeed.channels ?? []), ...filler(49, CATEGORY)] }],
    });
    const guild = client.guilds.cache.get(GUILD);
    if (!guild) throw new Error('no guild');
    const error = await guild.channels.create({ name: 'binome-51', parent: CATEGORY }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect(String(error)).toContain('Maximum number of channels in category reached (50)');
    expect(JSON.stringify((error as DiscordAPIError).rawError)).toContain('CHANNEL_PARENT_MAX_CHANNELS');
    expect(fake.channelsOf(GUILD).filter((channel) => channel.parentId === CATEGORY)).toHaveLength(50);
    await guild.channels.create({ name: 'hors-categorie' });

    await client.destroy();
    await fake.close();
    const full = await connect({ guilds: [{ ...guildSeed, channels: filler(500) }] });
    await expect(full.client.guilds.cache.get(GUILD)?.channels.create({ name: 'de-trop' })).rejects.toEqual(apiError(30013));
  });

  it('answers one request with a 429 that the library waits out', async () => {
    const { fake, client } = await connect();
    const general = client.channels.cache.get(GENERAL);
    if (!general?.isSendable()) throw new Error('no text channel');
    fake.rateLimitNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, 1);
    const started = Date.now();
    await general.send('Rappel : séance demain');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests.filter((request) => request.path === `/channels/${GENERAL}/messages`).map((request) => request.status)).toEqual([
      429, 200,
    ]);
    expect(fake.messagesIn(GENERAL).map((message) => message.content)).toEqual(['Rappel : séance demain']);
  });

  it('records command registration, guild and global, and checks commands against it', async () => {
    const { fake, client } = await connect();
    const set = await client.application.commands.set(
      [
        {
          name: 'binome',
          description: 'Gérer son binôme',
          options: [
            {
              type: 1,
              name: 'ouvrir',
              description: 'Ouvrir',
              options: [{ type: 4, name: 'places', description: 'Places', required: true }],
            },
          ],
        },
      ],
      GUILD,
    );
    await client.rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'aide', description: 'Aide' }] });

    expect(fake.registeredCommands.guilds.get(GUILD)).toEqual([expect.objectContaining({ name: 'binome', id: set.first()?.id })]);
    expect(fake.registeredCommands.global).toEqual([expect.objectContaining({ name: 'aide', type: 1 })]);
    expect(await client.rest.get(Routes.applicationCommands(fake.applicationId))).toEqual(fake.registeredCommands.global);
    await expect(
      client.rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Aide', description: 'x' }] }),
    ).rejects.toEqual(apiError(50035));

    await expect(fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'inconnue' })).rejects.toThrow(/not registered/);
    await expect(fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'binome', subcommand: 'ouvrir' })).rejects.toThrow(
      /required places/,
    );
    let commandId: string | undefined;
    handle(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      commandId = interaction.commandId;
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await fake.runCommand({ guildId: GUILD, userId: ALICE, command: 'binome', subcommand: 'ouvrir', options: { places: 2 } });
    expect(commandId).toBe(set.first()?.id);
  });

  it('makes login() reject on a wrong token', async () => {
    fake = await startFakeDiscord({ guilds: [guildSeed] });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    expect(fake.requests.at(-1)).toMatchObject({ path: '/gateway/bot', status: 401 });
  });

  it('closes the gateway with 4004 on a wrong token, and 4014 on privileged intents', async () => {
    fake = await startFakeDiscord({ guilds: [guildSeed] });
    const closeCode = (identify: { token: string; intents: number }) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${fake?.apiUrl.replace('http', 'ws').replace('/api', '')}/?v=10&encoding=json`);
        socket.on('message', () => socket.send(JSON.stringify({ op: 2, d: { ...identify, properties: {} } })));
        socket.on('close', (code) => resolve(code));
        socket.on('error', reject);
      });
    expect(await closeCode({ token: 'wrong', intents: GatewayIntentBits.Guilds })).toBe(4004);
    expect(await closeCode({ token: fake.token, intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers })).toBe(4014);
  });

  it('speaks the gateway: sequence numbers, heartbeat ack, resume', async () => {
    fake = await startFakeDiscord({ guilds: [guildSeed] });
    const url = `${fake.apiUrl.replace('http', 'ws').replace('/api', '')}/?v=10&encoding=json`;
    const frames = (socket: WebSocket, count: number) =>
      new Promise<{ op: number; t?: string; s?: number; d?: { session_id?: string } }[]>((resolve) => {
        const received: { op: number }[] = [];
        socket.on('message', (data) => {
          received.push(JSON.parse(data.toString()));
          if (received.length === count) resolve(received);
        });
      });
    const first = new WebSocket(url);
    const hello = frames(first, 1);
    expect((await hello)[0]).toMatchObject({ op: 10, d: { heartbeat_interval: expect.any(Number) } });
    const afterIdentify = frames(first, 3);
    first.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: GatewayIntentBits.Guilds, properties: {} } }));
    first.send(JSON.stringify({ op: 1, d: null }));
    const [ready, guildCreate, ack] = await afterIdentify;
    expect([ready?.t, ready?.s, guildCreate?.t, guildCreate?.s, ack?.op]).toEqual(['READY', 1, 'GUILD_CREATE', 2, 11]);
    const sessionId = ready?.d?.session_id;
    await new Promise((resolve) => {
      first.once('close', resolve);
      first.close(4200);
    });

    const second = new WebSocket(url);
    const resumed = frames(second, 2);
    second.once('message', () => second.send(JSON.stringify({ op: 6, d: { token: fake?.token, session_id: sessionId, seq: 2 } })));
    expect((await resumed)[1]).toMatchObject({ op: 0, t: 'RESUMED', s: 3 });
    await new Promise((resolve) => {
      second.once('close', resolve);
      second.close(1000);
    });
  });

  it('rejects runCommand when the bot never answers, naming the interaction', async () => {
    const { fake } = await connect({ callbackTimeoutMs: 300 });
    const started = Date.now();
    await expect(fake.runCommand({ guildId: GUILD, userId: CHLOE, command: 'silence' })).rejects.toThrow(
      /interaction \d+ \(\/silence by user 1100000000000000103\) got no callback within 0.3 s/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
