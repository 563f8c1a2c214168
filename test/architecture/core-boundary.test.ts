import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((match) => match[1] ?? '');
}

interface Import {
  /** The file imported, relative to the repository (`src/store/create-store.ts`), for relative imports. */
  readonly target: string | undefined;
  readonly specifier: string;
  /** `import type …` or `export type …`: erased at compile time, no module is loaded. */
  readonly typeOnly: boolean;
}

function resolvedImportsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const statics = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((match) => ({
    specifier: match[3] ?? '',
    typeOnly: match[2] !== undefined,
  }));
  const dynamics = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => ({ specifier: match[1] ?? '', typeOnly: false }));
  return [...statics, ...dynamics].map(({ specifier, typeOnly }) => {
    if (!specifier.startsWith('.')) return { specifier, typeOnly, target: undefined };
    const resolved = path
      .relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier))
      .split(path.sep)
      .join('/');
    return { specifier, typeOnly, target: resolved.endsWith('.ts') ? resolved : `${resolved}.ts` };
  });
}

/** Files of `dir` importing (at run time, unless `evenTypes`) a file under one of `targets`. */
function importersOf(dir: string, targets: readonly string[], options: { evenTypes?: boolean; allowed?: readonly string[] } = {}) {
  return sourceFiles(dir).flatMap((file) =>
    resolvedImportsOf(file)
      .filter((imported) => options.evenTypes || !imported.typeOnly)
      .filter((imported) => imported.target !== undefined && targets.some((target) => imported.target?.startsWith(target)))
      .filter((imported) => !(options.allowed ?? []).includes(imported.target ?? ''))
      .map((imported) => `${file} imports ${imported.target}`),
  );
}

/** What the programme's core must never know about: platforms, storage, logging, the machine. */
const FORBIDDEN_IN_CORE = [
  /^discord\.js$/,
  /^@discordjs\//,
  /^@slack\//,
  /^keyv$/,
  /^@keyv\//,
  /^pino/,
  /^node:/,
  /^(fs|path|os|child_process|net|http|https|crypto)$/,
  /^yaml$/,
];

describe('architecture', () => {
  const coreFiles = sourceFiles('src/core');

  it('finds the core files it checks', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
  });

  it('keeps the core free of platform, storage, logging and Node imports', () => {
    const offenders = coreFiles.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => FORBIDDEN_IN_CORE.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the core from reaching out to adapters, stores, config loading or commands', () => {
    const offenders = coreFiles.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier)))
        .filter((target) => !target.startsWith(`src${path.sep}core`))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps commands platform-neutral: they declare data and call the core', () => {
    const offenders = sourceFiles('commands').flatMap((file) =>
      importsOf(file)
        .filter(
          (specifier) => FORBIDDEN_IN_CORE.some((pattern) => pattern.test(specifier)) || /src\/(platforms|store|config)\//.test(specifier),
        )
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in the env schema', () => {
    const readers = [...sourceFiles('src'), ...sourceFiles('commands')].filter((file) =>
      /process\.env\b/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(readers).toEqual([path.join('src', 'config', 'env.ts')]);
  });

  it('keeps config/ to reading files: it knows no store, dispatcher, platform, job runner or composition', () => {
    expect(
      importersOf('src/config', ['src/store/', 'src/dispatch/', 'src/platforms/', 'src/jobs/', 'src/app/'], { evenTypes: true }),
    ).toEqual([]);
  });

  it('gives platforms no store implementation: only the key-value interface, keys, and repository types', () => {
    expect(importersOf('src/platforms', ['src/store/'], { allowed: ['src/store/key-segments.ts'] })).toEqual([]);
    const storeTypes = sourceFiles('src/platforms').flatMap((file) =>
      resolvedImportsOf(file)
        .filter((imported) => imported.target?.startsWith('src/store/'))
        .filter((imported) => /-(store|repository)\.ts$/.test(imported.target ?? '') && imported.target !== 'src/store/key-value-store.ts')
        .filter((imported) => !imported.typeOnly)
        .map((imported) => `${file} imports ${imported.target}`),
    );
    expect(storeTypes).toEqual([]);
  });

  it('keeps the composition root above everything: nothing but main.ts and src/app imports it', () => {
    const outside = [
      'src/core',
      'src/config',
      'src/dispatch',
      'src/platforms',
      'src/jobs',
      'src/store',
      'src/infra',
      'src/cli',
      'commands',
    ];
    expect(outside.flatMap((dir) => importersOf(dir, ['src/app/'], { evenTypes: true }))).toEqual([]);
  });

  it('keeps the dispatcher from knowing platforms, stores or the composition root', () => {
    expect(importersOf('src/dispatch', ['src/platforms/', 'src/store/', 'src/app/', 'src/config/'], { evenTypes: true })).toEqual([]);
  });

  it('builds the store, ports, dispatchers and job runners only in src/app/compose.ts', () => {
    const builders = /\b(createStore|createStorePorts|createCorePorts|withChat|createDispatcher|createJobRunner|createPollingJobRunner)\(/;
    // Each builder's own file, where it is defined (and may wrap the next one down).
    const definitions = [
      'src/store/create-store.ts',
      'src/app/app-ports.ts',
      'src/dispatch/dispatcher.ts',
      'src/jobs/job-handlers.ts',
      'src/jobs/polling-job-runner.ts',
    ].map((file) => path.join(...file.split('/')));
    const buildingFiles = [...sourceFiles('src'), ...sourceFiles('commands')].filter(
      (file) => !definitions.includes(file) && builders.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(buildingFiles).toEqual([path.join('src', 'app', 'compose.ts')]);
  });

  it('leaves only main.ts at the top of src/: every other file lives in its layer', () => {
    const top = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    expect(top).toEqual(['main.ts']);
  });
});
