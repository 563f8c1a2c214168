import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import type { FakeSlack } from '../fakes/slack/types';
import { logLines, runScript, until } from '../support/child-process';

let fake: FakeSlack | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

describe('operating the bot on Slack', () => {
  it('`npm start` with the Slack tokens: connects over HTTP, answers signed commands, logs no secret and stops cleanly on SIGTERM', async () => {
    fake = await startFakeSlack({ users: [{ id: 'U0ALICE', name: 'alice', locale: 'en-US' }] });
    const bot = runScript('src/main.ts', [], {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_PORT: '0',
      SLACK_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
    });
    child = bot.child;
    await until(() => bot.output.stderr.includes('connected to Slack'), 'the connection log');
    const connected = logLines(bot.output.stderr).find((line) => line.msg === 'connected to Slack');
    expect(connected).toMatchObject({ mode: 'http', teamId: fake.teamId });
    fake.setTarget(`http://127.0.0.1:${String(connected?.port)}/slack/events`);
    const answered = await fake.slashCommand({ command: '/mentorat', text: 'inscription', userId: 'U0ALICE' });
    expect(answered.status).toBe(200);
    await until(() => fake?.views.some((view) => view.kind === 'open') ?? false, 'the enrolment modal');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output.stderr).toContain('disconnected from Slack');
    for (const secret of [fake.botToken, fake.signingSecret]) expect(bot.output.stderr).not.toContain(secret);
  });

  it('names the missing variable when the Slack setup is incomplete', async () => {
    const bot = runScript('src/main.ts', [], { SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(await bot.exited).toBe(1);
    expect(bot.output.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(bot.output.stderr).toContain('SLACK_APP_TOKEN');
  });

  it('`npm run slack:manifest` prints the app manifest generated from commands/', async () => {
    const printed = runScript('src/cli/slack-manifest.ts', ['--url', 'https://mentorat.example.org'], {});
    expect(await printed.exited).toBe(0);
    const manifest = JSON.parse(printed.output.stdout) as { features: { slash_commands: { command: string; url?: string }[] } };
    expect(manifest.features.slash_commands.map((command) => [command.command, command.url])).toEqual([
      ['/mentorat', 'https://mentorat.example.org/slack/events'],
      ['/mentorat-admin', 'https://mentorat.example.org/slack/events'],
    ]);
  });
});
