import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentedStartCommand, README, ROOT, readmeSection } from './readme-sections';

const UNIT_PATH = path.join(ROOT, 'deploy/mentorat.service');
const UNIT = readFileSync(UNIT_PATH, 'utf8');

/** A systemd unit as sections of `key=value` settings (comments and blank lines left out; a key may repeat). */
function parseUnit(text: string): Map<string, [string, string][]> {
  const sections = new Map<string, [string, string][]>();
  let current: [string, string][] | undefined;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[([A-Za-z]+)\]$/.exec(line)?.[1];
    if (section !== undefined) {
      current = [];
      sections.set(section, current);
      continue;
    }
    const setting = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (setting === null || current === undefined) throw new Error(`line ${index + 1} of the unit is not a setting: ${raw}`);
    current.push([setting[1] ?? '', setting[2] ?? '']);
  }
  return sections;
}

function setting(section: string, key: string): string {
  const values = (parseUnit(UNIT).get(section) ?? []).filter(([name]) => name === key).map(([, value]) => value);
  if (values.length !== 1) throw new Error(`expected one ${key}= in [${section}], found ${values.length}`);
  return values[0] ?? '';
}

describe('deploy/mentorat.service', () => {
  it('starts the bot with exactly the README’s start command, npm named by its absolute path as systemd requires', () => {
    const [program = '', ...args] = setting('Service', 'ExecStart').split(/\s+/);
    expect(path.isAbsolute(program)).toBe(true);
    expect([path.basename(program), ...args].join(' ')).toBe(documentedStartCommand());
  });

  it('is the command the README’s first steps run, and an npm script that exists', () => {
    const command = documentedStartCommand();
    expect(readmeSection('Set up')).toContain(command);
    const script = /^npm (?:run )?(\S+)$/.exec(command)?.[1] ?? '';
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).toContain(script);
  });

  it('runs as its own user, from the checkout, with the environment file, restarted on failure and stopped by SIGTERM', () => {
    expect(setting('Service', 'User')).toBe('mentorat');
    expect(setting('Service', 'WorkingDirectory')).toBe('/opt/mentorat');
    expect(setting('Service', 'EnvironmentFile')).toBe('/etc/mentorat/mentorat.env');
    expect(setting('Service', 'Restart')).toBe('on-failure');
    expect(setting('Service', 'KillSignal')).toBe('SIGTERM');
    // npm passes SIGTERM on: signalling the whole group too would give the bot a second one.
    expect(setting('Service', 'KillMode')).toBe('mixed');
    expect(Number(setting('Service', 'TimeoutStopSec'))).toBeGreaterThanOrEqual(10);
    expect(setting('Install', 'WantedBy')).toBe('multi-user.target');
  });

  it('is shown in the README exactly as it is in the file', () => {
    const shown = [...README.matchAll(/```ini\n([\s\S]*?)```/g)].map((block) => block[1]);
    expect(shown).toContain(UNIT);
    expect(readmeSection('Operating the bot')).toContain(`\`\`\`ini\n${UNIT}\`\`\``);
  });
});
