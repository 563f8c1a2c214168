import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../commands';
import { startDiscordApp } from '../../src/app/start-apps';
import { loadProgrammes } from '../../src/config/load-programmes';
import { defineCommand } from '../../src/core/command';
import { translate } from '../../src/core/i18n/translate';
import { messages } from '../../src/core/reply';
import { systemClock } from '../../src/infra/clock';
import { registerDiscordCommands } from '../../src/platforms/discord/register-commands';
import { createStore } from '../../src/store/create-store';
import type { KeyValueStore } from '../../src/store/key-value-store';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import { personCommand } from '../platforms/person-command';
import { componentsOf, discordPerson, latestMessage } from '../scenarios/discord-driver';
import { MENTEE_FORM } from '../scenarios/participant-journey';
import { says } from '../scenarios/scenario';
import { type DiscordWorld, GUILD_ID, guildSeed, PEOPLE, startDiscordWorld, userIdOf } from '../support/discord-world';
import { CONFIG_DIR, defaultProgramme } from '../support/programme';
import { createRecordingLog } from '../support/recording-log';

let world: DiscordWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const programme = defaultProgramme();
const contentOf = (interaction: Parameters<typeof latestMessage>[0]) => latestMessage(interaction)?.content ?? '';

describe('answers on Discord', () => {
  it('follow interaction.locale: fr in French, en-US and en-GB in English, anything else in the community’s default', async () => {
    world = await startDiscordWorld();
    const seed = { guildId: GUILD_ID, userId: userIdOf('alice'), command: 'mentorat', subcommand: 'apercu' };
    for (const [locale, name] of [
      ['fr', programme.name.fr],
      ['en-US', programme.name.en],
      ['en-GB', programme.name.en],
      ['de', programme.name.fr],
    ] as const) {
      const answered = await world.fake.runCommand({ ...seed, locale });
      await world.app.idle();
      expect(contentOf(answered), locale).toContain(name);
    }
  });

  it('are private (ephemeral) and never ping anyone', async () => {
    world = await startDiscordWorld();
    const answered = await discordPerson(world, 'alice', 'fr').runCommand('mentorat.pillars');
    expect(answered.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(world.fake.messagesIn(answered.channelId)).toEqual([]);
  });

  it('refuse /mentorat-admin to a member without the coordinators’ role, politely and in their language', async () => {
    world = await startDiscordWorld();
    for (const locale of ['fr', 'en'] as const) {
      const refused = await discordPerson(world, 'zoe', locale).runCommand('admin.enrolled');
      expect(contentOf(refused)).toBe(translate(locale, 'access.coordinatorsOnly'));
      expect(refused.callbacks[0]?.attachments).toEqual([]);
    }
  });

  it('let coordinators in by the role named in config, or as server administrators', async () => {
    world = await startDiscordWorld({
      guild: guildSeed({
        roles: [
          { id: '910000000000000001', name: 'Coordination mentorat' },
          { id: '910000000000000009', name: 'Admins', permissions: '8' },
        ],
        members: PEOPLE.map((name) => ({
          userId: userIdOf(name),
          username: name,
          roles: name === 'coord' ? ['910000000000000001'] : name === 'erin' ? ['910000000000000009'] : [],
        })),
      }),
    });
    for (const name of ['coord', 'erin']) {
      const listed = await discordPerson(world, name, 'fr').runCommand('admin.enrolled');
      expect(contentOf(listed), name).toContain(translate('fr', 'enrolled.none'));
      expect(listed.callbacks[0]?.attachments.map((file) => file.filename)).toEqual(['inscrits.csv']);
    }
  });

  it('let coordinators in by a role id named in the community’s config, whatever the role is called', async () => {
    const TEAM_ROLE_ID = '910000000000000077';
    // This server's config names its coordinators' role by id, as a community whose role names change would.
    const configDir = mkdtempSync(path.join(tmpdir(), 'mentorat-config-'));
    copyFileSync(path.join(CONFIG_DIR, 'programme.yaml'), path.join(configDir, 'programme.yaml'));
    mkdirSync(path.join(configDir, 'communities'));
    writeFileSync(
      path.join(configDir, 'communities', `discord-${GUILD_ID}.yaml`),
      `access:\n  coordinators:\n    roles: ['${TEAM_ROLE_ID}']\n`,
    );
    const fake = await startFakeDiscord({
      guilds: [
        guildSeed({
          roles: [
            { id: '910000000000000001', name: 'Coordination mentorat' },
            { id: TEAM_ROLE_ID, name: 'Équipe pédagogique' },
          ],
          members: PEOPLE.map((name) => ({
            userId: userIdOf(name),
            username: name,
            roles: name === 'erin' ? [TEAM_ROLE_ID] : name === 'coord' ? ['910000000000000001'] : [],
          })),
        }),
      ],
    });
    const store = await createStore('memory://');
    const app = await startDiscordApp({
      token: fake.token,
      apiUrl: fake.apiUrl,
      store,
      programmes: loadProgrammes(configDir),
      clock: systemClock,
      log: createRecordingLog(),
    });
    try {
      const enrolled = (name: string) =>
        fake.runCommand({ guildId: GUILD_ID, userId: userIdOf(name), locale: 'fr', command: 'mentorat-admin', subcommand: 'inscrits' });
      const erin = await enrolled('erin');
      await app.idle();
      expect(contentOf(erin)).toContain(translate('fr', 'enrolled.none'));
      // The role named in the shared config no longer counts here: this server's file replaced it.
      const coord = await enrolled('coord');
      await app.idle();
      expect(contentOf(coord)).toBe(translate('fr', 'access.coordinatorsOnly'));
    } finally {
      await app.stop();
      await store.close();
      await fake.close();
      rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('show confirmation buttons to the person who asked only: Discord lets nobody else see or press them', async () => {
    world = await startDiscordWorld();
    const dan = discordPerson(world, 'dan', 'fr');
    await dan.fillForm(await dan.runCommand('mentorat.enrol'), MENTEE_FORM);
    const asked = await dan.runCommand('mentorat.withdraw');
    const message = latestMessage(asked);
    const confirm = componentsOf(message?.components ?? []).find(
      (component) => component.label === translate('fr', 'withdraw.confirm.yes'),
    );
    if (!message || !confirm?.custom_id) throw new Error('no confirm button');
    expect(message.ephemeral).toBe(true);
    // The loopback Discord, like Discord, refuses a press from someone who cannot see the message;
    // the dispatcher's own owner check (dispatch.test.ts) covers buttons shown where others can see them.
    await expect(
      world.fake.pressButton({ guildId: GUILD_ID, userId: userIdOf('zoe'), locale: 'fr', message, customId: confirm.custom_id }),
    ).rejects.toThrow(/cannot see/);
    expect(contentOf(await dan.runCommand('mentorat.profile'))).toContain(says('fr', 'profile.status.active'));
  });

  it('keep confirmation buttons working after a restart, and say clearly when what they confirm has changed', async () => {
    const store: KeyValueStore = await createStore('memory://');
    world = await startDiscordWorld({ store });
    const dan = discordPerson(world, 'dan', 'en');
    await dan.fillForm(await dan.runCommand('mentorat.enrol'), MENTEE_FORM);
    const first = latestMessage(await dan.runCommand('mentorat.withdraw'));
    const second = latestMessage(await dan.runCommand('mentorat.withdraw'));
    const confirmOf = (message: typeof first) =>
      componentsOf(message?.components ?? []).find((component) => component.label === translate('en', 'withdraw.confirm.yes'))?.custom_id;
    await world.stopBot();
    world = await startDiscordWorld({ store, fake: world.fake });
    const restarted = discordPerson(world, 'dan', 'en');
    const firstConfirm = confirmOf(first);
    const secondConfirm = confirmOf(second);
    if (!first || !second || !firstConfirm || !secondConfirm) throw new Error('no confirm buttons');
    const done = await world.fake.pressButton({ ...restarted.seed, message: first, customId: firstConfirm });
    await world.app.idle();
    expect(done.callbacks[0]?.type).toBe(7);
    expect(contentOf(done)).toBe(translate('en', 'withdraw.done'));
    expect(latestMessage(done)?.components).toEqual([]);
    const stale = await world.fake.pressButton({ ...restarted.seed, message: second, customId: secondConfirm });
    await world.app.idle();
    expect(contentOf(stale)).toBe(translate('en', 'confirm.expired'));
  });

  it('acknowledge slow work first and answer by editing, instead of letting Discord’s 3 seconds run out', async () => {
    const memory = await createStore('memory://');
    const slow: KeyValueStore = {
      ...memory,
      get: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return memory.get(key);
      },
      close: () => memory.close(),
    };
    world = await startDiscordWorld({ store: slow, acknowledgeAfterMs: 20 });
    const answered = await discordPerson(world, 'alice', 'fr').runCommand('mentorat.profile');
    expect(answered.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(answered.callbacks[0]?.data).toMatchObject({ flags: 64 });
    expect(answered.original?.content).toBe(translate('fr', 'profile.notEnrolled'));
    expect(answered.original?.ephemeral).toBe(true);
  });

  it('report a long job’s progress: acknowledged first, then the reply edited, then follow-ups', async () => {
    const job = defineCommand({
      id: 'mentorat.job',
      group: 'mentorat',
      name: { fr: 'travail', en: 'job' },
      description: 'command.mentorat.help.description',
      audience: 'everyone',
      options: [],
      input: z.object({}),
      run: async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 80));
        await ctx.responder.followUp({ text: '1/2' });
        await ctx.responder.followUp({ text: '2/2' });
        return messages('terminé');
      },
    });
    world = await startDiscordWorld({ commands: [...commands, job], acknowledgeAfterMs: 20 });
    const answered = await world.fake.runCommand({
      ...discordPerson(world, 'alice', 'fr').seed,
      command: 'mentorat',
      subcommand: 'travail',
    });
    await world.app.idle();
    expect(answered.callbacks.map((callback) => callback.type)).toEqual([5]);
    expect(answered.original?.content).toBe('1/2');
    expect(answered.followUps.map((message) => [message.content, message.ephemeral])).toEqual([
      ['2/2', true],
      ['terminé', true],
    ]);
  });

  it('answer an unexpected failure with a reference, and log it', async () => {
    const memory = await createStore('memory://');
    const broken: KeyValueStore = {
      ...memory,
      get: async () => Promise.reject(new TypeError('disk on fire')),
      close: () => memory.close(),
    };
    world = await startDiscordWorld({ store: broken });
    const answered = await discordPerson(world, 'alice', 'en').runCommand('mentorat.profile');
    const reference = /ERR-[0-9A-F]{8}/.exec(contentOf(answered))?.[0];
    expect(reference).toBeDefined();
    expect(world.log.entries.some((entry) => entry.level === 'error' && JSON.stringify(entry.details).includes(reference ?? '?'))).toBe(
      true,
    );
  });

  it('hand a person picked in Discord’s member picker (a USER option) to the command as their id', async () => {
    world = await startDiscordWorld({ commands: [personCommand] });
    const { fake } = world;
    await registerDiscordCommands([personCommand], {
      token: fake.token,
      applicationId: fake.applicationId,
      guildId: GUILD_ID,
      apiUrl: fake.apiUrl,
    });
    const answered = await fake.runCommand({
      ...discordPerson(world, 'coord', 'fr').seed,
      command: 'mentorat-admin',
      subcommand: 'qui',
      options: { personne: userIdOf('dan'), note: 'R&D' },
    });
    await world.app.idle();
    expect(contentOf(answered)).toBe(`personne=${userIdOf('dan')} note=R&D`);
  });
});
