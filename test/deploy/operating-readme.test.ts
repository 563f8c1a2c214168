import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema, LOG_LEVELS } from '../../src/config/env';
import { en } from '../../src/core/i18n/en';
import { fr } from '../../src/core/i18n/fr';
import { ROOT, readmeSection } from './readme-sections';

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const OPERATING = readmeSection('Operating the bot');

describe('the README’s "Operating the bot"', () => {
  it('gives the Node version package.json requires, as the set-up does', () => {
    const minimum = /^>=(\d+\.\d+)$/.exec(PACKAGE.engines.node)?.[1];
    expect(minimum).toBeDefined();
    expect(OPERATING).toContain(`**Node.js ${minimum} or later**`);
    expect(readmeSection('Set up')).toContain(`Node.js ${minimum} or later`);
  });

  it('names the store the bot uses when STORE_URL is not set', () => {
    const defaults = envSchema.parse({});
    expect(OPERATING).toContain(`By default it is \`${defaults.STORE_URL}\``);
  });

  it('lists exactly the LOG_LEVEL values the bot accepts', () => {
    const listed = /`LOG_LEVEL` is one of ((?:`[a-z]+`(?:, )?)+)/.exec(OPERATING)?.[1];
    expect(listed?.split(', ').map((level) => level.replaceAll('`', ''))).toEqual([...LOG_LEVELS]);
  });

  it('runs backup and restore through npm scripts that exist', () => {
    expect(OPERATING).toContain('npm run --silent backup -- ');
    expect(OPERATING).toContain('npm run restore -- ');
    expect(PACKAGE.scripts.backup).toBe('node scripts/build.mjs --if-stale && node dist/cli/backup.js');
    expect(PACKAGE.scripts.restore).toBe('node scripts/build.mjs --if-stale && node dist/cli/restore.js');
  });

  it('quotes the store outage message as the bot says it, in English and French', () => {
    const english = en['error.storeUnavailable'].replace('{reference}', 'ERR-…');
    expect(OPERATING.replace(/\s+/g, ' ')).toContain(`"${english}"`);
    expect(OPERATING).toContain(`"${fr['error.storeUnavailable'].split(' :')[0]} …"`);
  });
});
