#!/usr/bin/env node
/**
 * `npm run build`: bundles the bot into dist/ (see bundle-options.mjs) and records in
 * dist/build-meta.json a hash of the sources it was built from. `--if-stale` (npm's `prestart`)
 * builds only when that hash differs, so `npm start` after a `git pull` runs the new code and an
 * unchanged checkout starts without building.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleOptions, OUT_DIR, ROOT, SOURCES } from './bundle-options.mjs';

const META = path.join(ROOT, OUT_DIR, 'build-meta.json');

/** Every file under SOURCES, sorted, so the hash does not depend on the order the disk lists them. */
function sourceFiles() {
  const files = [];
  const visit = (relative) => {
    const absolute = path.join(ROOT, relative);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(absolute)) visit(path.join(relative, name));
    } else if (stat.isFile()) {
      files.push(relative);
    }
  };
  for (const source of SOURCES) visit(source);
  return files.sort();
}

/** The contents, not the times: a fresh clone or `git checkout` changes times without changing code. */
export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function builtHash() {
  try {
    return JSON.parse(readFileSync(META, 'utf8')).sourceHash;
  } catch {
    return undefined;
  }
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  const hash = sourceHash();
  rmSync(path.join(ROOT, OUT_DIR), { recursive: true, force: true });
  const result = await esbuild(bundleOptions);
  const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
  writeFileSync(path.join(ROOT, OUT_DIR, 'metafile.json'), JSON.stringify(result.metafile));
  writeFileSync(
    META,
    `${JSON.stringify({ sourceHash: hash, builtAt: new Date().toISOString(), node: process.version, outputs }, null, 2)}\n`,
  );
  return { outputs, ms: Math.round(performance.now() - started) };
}

async function main() {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && builtHash() === sourceHash()) return;
  const { outputs, ms } = await build();
  process.stderr.write(`Built ${outputs.length} files into ${OUT_DIR}/ in ${ms} ms.\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`The build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
