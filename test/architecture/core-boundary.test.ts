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
});
