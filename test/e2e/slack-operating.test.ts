import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../src/core/i18n/translate';
import { startFakeSlack } from '../fakes/slack/fake-slack';
import type { FakeSlack } from '../fakes/slack/types';
import { MENTOR_FORM } from '../scenarios/participant-journey';
import { says } from '../scenarios/scenario';
import { slackPerson } from '../scenarios/slack-driver';
import { logLines, runBot, runCli, until } from '../support/child-process';
import { SLACK_PEOPLE, type SlackWorld, slackUserIdOf } from '../support/slack-world';

let fake: FakeSlack | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

/** What a person types that must never reach the logs. */
const TYPED = { name: 'Zéphyrine Quintal-Oberkampf', about: 'Je garde un secret : licorne-bleue-4217' };

/** Waits until the loopback Slack has seen nothing new for a while: the bot in its own process has answered. */
async function quiet(slack: FakeSlack, ms = 400): Promise<void> {
  const size = () => slack.calls.length + slack.messages.length + slack.responseUrlPosts.length + slack.views.length;
  let last = size();
  let since = Date.now();
  while (Date.now() - since < ms) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (size() !== last) {
      last = size();
      since = Date.now();
    }
  }
}

/**
 * `npm start` on the loopback Slack in one mode, at the most verbose log level: a person enrols through
 * the modal (first with a field error shown inline), withdraws with the confirmation button, then SIGTERM.
 */
async function operate(mode: 'http' | 'socket') {
  fake = await startFakeSlack({ users: SLACK_PEOPLE.map((name) => ({ id: slackUserIdOf(name), name, locale: 'fr-FR' })) });
  const slack = fake;
  const bot = runBot({
    SLACK_BOT_TOKEN: slack.botToken,
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: slack.signingSecret, SLACK_PORT: '0' } : { SLACK_APP_TOKEN: slack.appToken }),
    SLACK_API_URL: slack.apiUrl,
    STORE_URL: 'memory://',
    LOG_LEVEL: 'trace',
  });
  child = bot.child;
  await until(() => bot.output.stderr.includes('connected to Slack'), 'the connection log');
  const connected = logLines(bot.output.stderr).find((line) => line.msg === 'connected to Slack');
  expect(connected).toMatchObject({ mode, teamId: slack.teamId });
  if (mode === 'socket') {
    expect(slack.socketConnections).toBe(1);
    slack.setTarget('socket');
  } else {
    slack.setTarget(`http://127.0.0.1:${String(connected?.port)}/slack/events`);
  }

  // The person, driven as in every Slack test; the bot runs in its own process, so "settled" is "Slack heard nothing more".
  const world = { fake: slack, settle: () => quiet(slack) } as Pick<SlackWorld, 'fake' | 'settle'> as SlackWorld;
  const alice = slackPerson(world, 'alice', 'fr');
  const opening = await alice.runCommand('mentorat.enrol');
  expect(opening.status).toBe(200);
  const opened = slack.views.find((view) => view.kind === 'open');
  if (!opened) throw new Error('no modal');
  const refused = await alice.fillModal(opened.id, { ...MENTOR_FORM, ...TYPED, capacity: '9' });
  expect(refused.json).toMatchObject({ response_action: 'errors', errors: { capacity: expect.any(String) } });
  const saved = await alice.fillModal(opened.id, { ...MENTOR_FORM, ...TYPED });
  expect(saved.status).toBe(200);
  const lastSeen = () => slack.ephemeralsTo(slackUserIdOf('alice')).at(-1)?.text ?? '';
  expect(lastSeen()).toContain(says('fr', 'enrol.saved.mentor').replace(/\*\*/g, '*'));
  // What was typed went through the bot: the profile shows it back.
  await alice.runCommand('mentorat.profile');
  expect(lastSeen()).toContain(TYPED.name);
  expect(lastSeen()).toContain(TYPED.about);
  await alice.runCommand('mentorat.withdraw');
  await alice.press('confirm');
  expect(lastSeen()).toBe(translate('fr', 'withdraw.done'));

  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  expect(bot.output.stderr).toContain('disconnected from Slack');
  if (mode === 'socket') expect(slack.socketConnections).toBe(0);
  return { stderr: bot.output.stderr, secrets: [slack.botToken, slack.appToken, slack.signingSecret] };
}

describe('operating the bot on Slack', () => {
  it.each(['http', 'socket'] as const)(
    '`npm start` in %s mode: enrols through the modal with an inline error, confirms with a button, logs no secret and nothing typed, stops cleanly on SIGTERM',
    async (mode) => {
      const { stderr, secrets } = await operate(mode);
      const lines = logLines(stderr);
      // The log is not empty: what happened is there, without what was typed.
      expect(lines.filter((line) => line.msg === 'interaction handled').length).toBeGreaterThanOrEqual(3);
      for (const secret of secrets) expect(stderr).not.toContain(secret);
      for (const typed of [...Object.values(TYPED), 'Zéphyrine', 'licorne-bleue-4217', MENTOR_FORM.affiliation]) {
        expect(stderr).not.toContain(typed);
      }
    },
    60_000,
  );

  it('names the missing variable when the Slack setup is incomplete', async () => {
    const bot = runBot({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(await bot.exited).toBe(1);
    expect(bot.output.stderr).toContain('SLACK_SIGNING_SECRET');
    expect(bot.output.stderr).toContain('SLACK_APP_TOKEN');
    const withoutToken = runBot({ SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(await withoutToken.exited).toBe(1);
    expect(withoutToken.output.stderr).toContain('SLACK_BOT_TOKEN');
  });

  it('`npm run slack:manifest` prints the app manifest generated from commands/', async () => {
    const printed = runCli('slack-manifest', ['--url', 'https://mentorat.example.org'], {});
    expect(await printed.exited).toBe(0);
    const manifest = JSON.parse(printed.output.stdout) as { features: { slash_commands: { command: string; url?: string }[] } };
    expect(manifest.features.slash_commands.map((command) => [command.command, command.url])).toEqual([
      ['/mentorat', 'https://mentorat.example.org/slack/events'],
      ['/mentorat-admin', 'https://mentorat.example.org/slack/events'],
    ]);
  });
});
