import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { cycleChart } from '../../src/core/stats/cycle-chart';
import { startFakeDiscord } from '../fakes/discord/fake-discord';
import { SAMPLE_DATA } from '../infra/chart/sample-chart';
import { BOT_ENTRY, ROOT, until } from '../support/child-process';
import { guildSeed } from '../support/discord-world';

/*
 * dist/ as test/build-setup.ts (the same as `npm run build`) left it. A start must read only the
 * platform and the store driver in use: each is a chunk of its own, reached by `import()` only.
 */

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }>;
}
const metafile = JSON.parse(readFileSync(path.join(ROOT, 'dist/metafile.json'), 'utf8')) as Metafile;

/** The output built from this source module (a chunk of its own when something `import()`s it). */
function outputOf(source: string): string {
  const found = Object.entries(metafile.outputs).filter(([, output]) => output.entryPoint === source);
  expect(found, `one output for ${source}`).toHaveLength(1);
  return found[0]?.[0] ?? '';
}

/** The packages a file loads as soon as it is loaded: its static imports, followed through the chunks. */
function packagesLoadedWith(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const imported of metafile.outputs[file]?.imports ?? []) {
    if (imported.kind !== 'import-statement') continue;
    if (imported.external) packages.add(imported.path);
    else for (const name of packagesLoadedWith(imported.path, seen)) packages.add(name);
  }
  return packages;
}

const PLATFORMS = {
  discord: { source: 'src/platforms/discord/discord-app.ts', package: 'discord.js' },
  slack: { source: 'src/platforms/slack/slack-app.ts', package: '@slack/bolt' },
  terminal: { source: 'src/platforms/terminal/terminal-app.ts', package: 'node:readline' },
};
const DRIVERS = {
  sqlite: { source: 'src/store/sqlite-store.ts', package: '@keyv/sqlite' },
  redis: { source: 'src/store/redis-store.ts', package: '@keyv/redis' },
  postgres: { source: 'src/store/postgres-store.ts', package: '@keyv/postgres' },
  memory: { source: 'src/store/memory-store.ts', package: undefined },
};
const CHARTS = ['vega', 'vega-lite', '@resvg/resvg-js'];
const HEAVY = ['discord.js', '@slack/bolt', '@slack/web-api', '@keyv/sqlite', '@keyv/redis', '@keyv/postgres', 'pg', ...CHARTS];
const CHART_RENDERER = 'src/infra/chart/vega-chart-renderer.ts';

describe('the bundle in dist/', () => {
  it('has the bot and every command-line tool as entry points', () => {
    for (const entry of [
      'main',
      'cli/mentorat',
      'cli/discord-commands',
      'cli/discord-register',
      'cli/slack-manifest',
      'cli/backup',
      'cli/restore',
    ]) {
      expect(Object.keys(metafile.outputs)).toContain(`dist/${entry}.js`);
    }
  });

  it.each(Object.entries({ ...PLATFORMS, ...DRIVERS }))(
    'puts %s in a chunk of its own, which alone loads its library',
    (_name, { source, package: library }) => {
      const chunk = outputOf(source);
      expect(chunk).toMatch(/^dist\/chunks\//);
      if (library) expect(packagesLoadedWith(chunk)).toContain(library);
    },
  );

  it('loads no platform library and no store driver when dist/main.js is loaded: they come with the chunk `import()` picks', () => {
    const atStart = packagesLoadedWith('dist/main.js');
    for (const library of HEAVY) expect(atStart).not.toContain(library);
    const dynamic = metafile.outputs['dist/main.js']?.imports.filter((imported) => imported.kind === 'dynamic-import').map((i) => i.path);
    for (const { source } of Object.values(PLATFORMS)) expect(dynamic).toContain(outputOf(source));
  });

  it('puts the chart renderer in a chunk of its own, reached by `import()` only, which alone loads vega and resvg', () => {
    const chunk = outputOf(CHART_RENDERER);
    expect(chunk).toMatch(/^dist\/chunks\/vega-chart-renderer-/);
    for (const library of CHARTS) expect(packagesLoadedWith(chunk)).toContain(library);
    const dynamic = metafile.outputs['dist/main.js']?.imports.filter((imported) => imported.kind === 'dynamic-import').map((i) => i.path);
    expect(dynamic).toContain(chunk);
  });
});

describe('the chart renderer as bundled in dist/', () => {
  it('draws an 800 × 600 PNG from its chunk, finding vega, resvg and the DejaVu font from dist/chunks/', async () => {
    const chunk = path.join(ROOT, outputOf(CHART_RENDERER));
    const chart = cycleChart('fr', SAMPLE_DATA);
    const script = `
      const { createVegaChartRenderer } = await import(${JSON.stringify(chunk)});
      const image = await createVegaChartRenderer().renderCycleChart(${JSON.stringify(chart)});
      process.stdout.write(Buffer.from(image.bytes).toString('base64'));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH ?? '' },
      maxBuffer: 10 * 1024 * 1024,
    });
    const png = PNG.sync.read(Buffer.from(stdout, 'base64'));
    expect([png.width, png.height]).toEqual([800, 600]);
  });
});

describe('`prestart` (scripts/build.mjs --if-stale)', () => {
  it('leaves dist/ as it is when the sources have not changed since it was built', async () => {
    const meta = path.join(ROOT, 'dist/build-meta.json');
    const before = readFileSync(meta, 'utf8');
    const { stderr } = await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT });
    expect(stderr).toBe('');
    expect(readFileSync(meta, 'utf8')).toBe(before);
  });
});

describe('what a start really loads (every module resolved, recorded by a loader hook)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The packages among the modules the process resolved, by name. */
  function packagesIn(record: string): Set<string> {
    const names = new Set<string>();
    for (const url of readFileSync(record, 'utf8').split('\n')) {
      const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      if (match?.[1]) names.add(match[1]);
    }
    return names;
  }

  function recordedRun(name: string, env: Record<string, string>) {
    const record = path.join(dir, `${name}.txt`);
    const child = execFile(process.execPath, ['--import', './test/support/record-imports.mjs', BOT_ENTRY], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', RECORD_IMPORTS: record, ...env },
    });
    return { child, record };
  }

  it('the terminal chat on a SQLite file loads neither discord.js nor Bolt, nor another store driver', async () => {
    const { child, record } = recordedRun('terminal', { STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}` });
    child.stdin?.end('/mentorat piliers\n');
    await new Promise((resolve) => child.once('exit', resolve));
    const loaded = packagesIn(record);
    expect(loaded).toContain('@keyv/sqlite');
    for (const library of [
      'discord.js',
      '@discordjs/ws',
      '@slack/bolt',
      '@slack/web-api',
      '@keyv/redis',
      '@keyv/postgres',
      'pg',
      ...CHARTS,
    ]) {
      expect(loaded).not.toContain(library);
    }
  });

  it('the bot on Discord with a memory store loads discord.js, and neither Bolt nor a store driver', async () => {
    const fake = await startFakeDiscord({ guilds: [guildSeed()] });
    try {
      const { child, record } = recordedRun('discord', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, STORE_URL: 'memory://' });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await until(() => stderr.includes('connected to Discord'), 'the connection log');
      child.kill('SIGTERM');
      await exited;
      const loaded = packagesIn(record);
      expect(loaded).toContain('discord.js');
      for (const library of ['@slack/bolt', '@slack/web-api', '@keyv/sqlite', '@keyv/redis', '@keyv/postgres', 'pg', ...CHARTS]) {
        expect(loaded).not.toContain(library);
      }
    } finally {
      await fake.close();
    }
  });
});
