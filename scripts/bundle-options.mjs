/**
 * How the bot is bundled for `npm start` (scripts/build.mjs): one ES module per entry, packages
 * left to node_modules, and code splitting so that what `import()` loads (a platform's app, a
 * store driver) is a file of its own, read only when that platform or store is in use.
 */
export const ROOT = new URL('..', import.meta.url).pathname;

/** The commands people run; each becomes dist/<name>.js. */
export const ENTRY_POINTS = {
  main: 'src/main.ts',
  'cli/mentorat': 'src/cli/mentorat.ts',
  'cli/discord-commands': 'src/cli/discord-commands.ts',
  'cli/discord-register': 'src/cli/discord-register.ts',
  'cli/slack-manifest': 'src/cli/slack-manifest.ts',
  'cli/backup': 'src/cli/backup.ts',
  'cli/restore': 'src/cli/restore.ts',
};

/** What decides whether dist/ is up to date (scripts/build.mjs --if-stale). */
export const SOURCES = [
  'src',
  'commands',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/bundle-options.mjs',
  'scripts/build.mjs',
];

export const OUT_DIR = 'dist';

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
  absWorkingDir: ROOT,
  entryPoints: ENTRY_POINTS,
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // A chunk is named after the module that starts it (discord-app, sqlite-store), so that what a
  // start loads can be read from the file names.
  chunkNames: 'chunks/[name]-[hash]',
  entryNames: '[dir]/[name]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
};
