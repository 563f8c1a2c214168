import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PERMISSIONS_INTEGER } from '../../../src/platforms/discord/discord-app';

describe('the permissions the bot asks for', () => {
  it('are the ones the README’s invite URL grants', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(REQUIRED_PERMISSIONS_INTEGER).toBe(268504080n);
    expect(readme).toContain(`permissions=${REQUIRED_PERMISSIONS_INTEGER}`);
    expect(readme).toContain(`**${REQUIRED_PERMISSIONS_INTEGER}**`);
  });
});
