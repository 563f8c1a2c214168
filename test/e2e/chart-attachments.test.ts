import { afterEach, describe, expect, it } from 'vitest';
import type { CorePorts } from '../../src/core/context';
import type { CommunityRef } from '../../src/core/identity';
import type { Attachment } from '../../src/core/reply';
import { chartFileName, cycleChart } from '../../src/core/stats/cycle-chart';
import { SAMPLE_DATA } from '../infra/chart/sample-chart';
import { chartCommand } from '../support/chart-command';
import { GUILD_ID, startDiscordWorld, userIdOf } from '../support/discord-world';
import { slackUserIdOf, startSlackWorld } from '../support/slack-world';
import { pixelsOf } from '../support/tiny-png';

/*
 * The stats chart as it leaves the bot: drawn by the renderer the bot is composed with, sent by
 * the real Discord and Slack adapters (discord.js, Bolt's WebClient) to the loopback fakes, and
 * received there as the same PNG, byte for byte.
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function chartOf(ports: Pick<CorePorts, 'charts'>): Promise<Attachment & { content: Uint8Array }> {
  const image = await ports.charts.renderCycleChart(cycleChart('fr', SAMPLE_DATA));
  return { name: chartFileName(SAMPLE_DATA.cycle), mimeType: image.mimeType, content: image.bytes, image: { width: 800, height: 600 } };
}

describe('a PNG chart sent with a message', () => {
  it('arrives on Discord as a file with the same bytes, an 800 × 600 image', async () => {
    const world = await startDiscordWorld();
    closers.push(() => world.close());
    const community: CommunityRef = { platform: 'discord', id: GUILD_ID };
    const chart = await chartOf(world.app.ports);
    const result = await world.app.ports.chat.sendDirectMessage(community, userIdOf('alice'), {
      text: 'Statistiques du cycle',
      attachments: [chart],
    });
    expect(result).toEqual({ ok: true });
    const [dm] = world.fake.dmsTo(userIdOf('alice'));
    expect(dm?.content).toBe('Statistiques du cycle');
    const [file] = dm?.attachments ?? [];
    expect(file?.filename).toBe('stats-2026-2027.png');
    expect(file?.bytes.equals(Buffer.from(chart.content))).toBe(true);
    const received = pixelsOf(file?.bytes ?? Buffer.alloc(0));
    expect([received.width, received.height]).toEqual([800, 600]);
  });

  it('arrives on Slack as an uploaded image in the DM, with the same bytes', async () => {
    const world = await startSlackWorld();
    closers.push(() => world.close());
    const community: CommunityRef = { platform: 'slack', id: world.fake.teamId };
    const chart = await chartOf(world.bot.ports);
    const alice = slackUserIdOf('alice');
    const result = await world.bot.ports.chat.sendDirectMessage(community, alice, { text: 'Statistiques du cycle', attachments: [chart] });
    expect(result).toEqual({ ok: true });
    expect(world.fake.dmsTo(alice).map((message) => message.text)).toEqual(['Statistiques du cycle']);
    const [upload] = world.fake.uploads;
    expect([upload?.channel, upload?.filename]).toEqual([world.fake.imChannelOf(alice), 'stats-2026-2027.png']);
    expect(upload?.bytes.equals(Buffer.from(chart.content))).toBe(true);
    const received = pixelsOf(upload?.bytes ?? Buffer.alloc(0));
    expect([received.width, received.height]).toEqual([800, 600]);
  });

  it('answers a Discord command with the chart attached to the private answer, the same PNG the renderer drew', async () => {
    const world = await startDiscordWorld({ commands: [chartCommand] });
    closers.push(() => world.close());
    const answered = await world.fake.runCommand({
      guildId: GUILD_ID,
      userId: userIdOf('alice'),
      command: 'mentorat',
      subcommand: 'graphique',
    });
    await world.app.idle();
    // The answer as the person sees it: the first answer (callback 4, or a deferral's edit) and any follow-up.
    const files = [answered.original, ...answered.followUps].flatMap((message) => message?.attachments ?? []);
    expect(files.map((file) => file.filename)).toEqual(['stats-2026-2027.png']);
    const drawn = await chartOf(world.app.ports);
    expect(files[0]?.bytes.equals(Buffer.from(drawn.content))).toBe(true);
  });

  it('answers a Slack command with the chart by DM (Slack attaches no file to a private answer), the same PNG the renderer drew', async () => {
    const world = await startSlackWorld({ commands: [chartCommand] });
    closers.push(() => world.close());
    await world.fake.slashCommand({ command: '/mentorat', text: 'graphique', userId: slackUserIdOf('alice') });
    await world.settle();
    const [upload] = world.fake.uploads;
    expect([upload?.channel, upload?.filename]).toEqual([world.fake.imChannelOf(slackUserIdOf('alice')), 'stats-2026-2027.png']);
    const drawn = await chartOf(world.bot.ports);
    expect(upload?.bytes.equals(Buffer.from(drawn.content))).toBe(true);
  });
});
