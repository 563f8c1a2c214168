/*
 * Tests that start the bot run the compiled entry (dist/main.js), as `npm start` does: this builds
 * dist/ once per run when the sources changed since the last build (the same check as `prestart`).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
