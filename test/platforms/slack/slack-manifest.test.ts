import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands';
import { translate } from '../../../src/core/i18n/translate';
import { BOT_SCOPES, MANIFEST_LIMITS, slackManifest } from '../../../src/platforms/slack/slack-manifest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

function slashCommands(manifest: ReturnType<typeof slackManifest>) {
  return manifest.features?.slash_commands ?? [];
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/cli/slack-manifest.js', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the Slack app manifest generated from commands/', () => {
  const socket = slackManifest(commands, { socketMode: true });
  const http = slackManifest(commands, { socketMode: false, requestUrl: 'https://mentorat.example.org/' });

  it('declares /mentorat and /mentorat-admin, each hinting every subcommand of its group in French', () => {
    expect(slashCommands(socket).map((command) => command.command)).toEqual(['/mentorat', '/mentorat-admin']);
    for (const command of slashCommands(socket)) {
      const group = commands.filter((candidate) => `/${candidate.group}` === command.command);
      expect(group.length).toBeGreaterThan(0);
      expect(command.usage_hint).toBe(`[${group.map((candidate) => candidate.name.fr).join(' | ')}]`);
    }
    expect(slashCommands(socket)[0]?.usage_hint).toMatch(/^\[apercu \| piliers \| .* \| aide\]$/);
    expect(slashCommands(socket)[1]?.usage_hint).toMatch(/^\[inscrits \| .*apparier.*\]$/);
  });

  it('has Slack escape /mentorat-admin, so that a person picked by name arrives as their id, and leaves /mentorat as typed', () => {
    expect(slashCommands(socket).map((command) => [command.command, command.should_escape])).toEqual([
      ['/mentorat', false],
      ['/mentorat-admin', true],
    ]);
  });

  it('speaks English when asked: descriptions and subcommand names', () => {
    const english = slackManifest(commands, { socketMode: true, locale: 'en' });
    expect(slashCommands(english)[0]).toMatchObject({
      description: translate('en', 'command.group.mentorat.description'),
      usage_hint: expect.stringMatching(/^\[overview \| pillars \| .* \| help\]$/),
    });
    expect(english.display_information.description).toBe(translate('en', 'command.group.mentorat.description'));
  });

  it('points commands and interactions at /slack/events in HTTP mode, and at nothing in Socket Mode', () => {
    for (const command of slashCommands(http)) expect(command.url).toBe('https://mentorat.example.org/slack/events');
    expect(http.settings).toMatchObject({
      interactivity: { is_enabled: true, request_url: 'https://mentorat.example.org/slack/events' },
      socket_mode_enabled: false,
    });
    expect(JSON.stringify(socket)).not.toMatch(/url/);
    expect(socket.settings).toEqual({
      interactivity: { is_enabled: true },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    });
    expect(() => slackManifest(commands, { socketMode: false })).toThrow(/request URL/);
  });

  // Which scopes the bot uses is derived from end-to-end runs: test/e2e/slack-scopes.test.ts.
  it('asks for the bot scopes, no user scope, subscribes to no event, and lets the bot write in its Messages tab', () => {
    expect(socket.oauth_config?.scopes?.bot).toEqual([...BOT_SCOPES]);
    expect(http.oauth_config?.scopes?.bot).toEqual([...BOT_SCOPES]);
    expect(socket.oauth_config?.scopes?.user).toBeUndefined();
    expect(socket.settings?.event_subscriptions).toBeUndefined();
    expect(http.settings?.event_subscriptions).toBeUndefined();
    expect(socket.features?.app_home).toEqual({
      home_tab_enabled: false,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
    expect(socket.features?.bot_user).toEqual({ display_name: 'mentorat', always_online: false });
  });

  it('keeps every text within Slack’s limits', () => {
    for (const manifest of [socket, http, slackManifest(commands, { socketMode: true, locale: 'en' })]) {
      const info = manifest.display_information;
      expect(info.name).toBe('Mentorat');
      expect(info.name.length).toBeLessThanOrEqual(MANIFEST_LIMITS.appName);
      expect(info.description?.length).toBeLessThanOrEqual(MANIFEST_LIMITS.appDescription);
      // Slack's settings form asks for 175 to 4,000 characters (its manifest reference states only the maximum).
      expect(info.long_description?.length).toBeGreaterThanOrEqual(175);
      expect(info.long_description?.length).toBeLessThanOrEqual(MANIFEST_LIMITS.longDescription);
      expect(info.long_description).toContain(translate('en', 'command.group.mentorat-admin.description'));
      for (const command of slashCommands(manifest)) {
        expect(command.command.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeGreaterThan(0);
        expect(command.description.length).toBeLessThanOrEqual(MANIFEST_LIMITS.commandDescription);
        expect(command.usage_hint?.length).toBeLessThanOrEqual(MANIFEST_LIMITS.usageHint);
      }
    }
  });

  it('is printed as JSON by the CLI, in Socket Mode unless given a URL; bad arguments get the usage and exit 2', async () => {
    const [byDefault, withUrl, plainHttp, unknown] = await Promise.all([
      cli(),
      cli('--url', 'https://mentorat.example.org'),
      cli('--url', 'http://mentorat.example.org'),
      cli('--sockets'),
    ]);
    expect(byDefault.code).toBe(0);
    expect(JSON.parse(byDefault.stdout)).toEqual(JSON.parse(JSON.stringify(socket)));
    expect(JSON.parse(withUrl.stdout)).toEqual(JSON.parse(JSON.stringify(http)));
    for (const refused of [plainHttp, unknown]) {
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^Usage: npm run -s slack:manifest --/);
    }
  });
});
