import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/infra/logger';

describe('the logger', () => {
  it('writes JSON lines and hides tokens, secrets and anything a person typed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-log-'));
    const file = path.join(dir, 'logs', 'bot.log');
    try {
      const logger = createLogger({ level: 'info', file });
      logger.info(
        {
          commandId: 'mentorat.enrol',
          token: 'xoxb-secret-token',
          client: { token: 'discord-token', signingSecret: 'slack-signing' },
          headers: { authorization: 'Bot abc' },
          values: { name: 'Alice Martin' },
          report: { text: 'mon encadrant me harcèle', description: 'détails' },
          profile: { affiliation: 'Institut X' },
        },
        'interaction handled',
      );
      logger.flush();
      const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 30, msg: 'interaction handled', commandId: 'mentorat.enrol', app: 'mentorat' });
      const text = JSON.stringify(line);
      for (const secret of [
        'xoxb-secret-token',
        'discord-token',
        'slack-signing',
        'Bot abc',
        'Alice Martin',
        'harcèle',
        'détails',
        'Institut X',
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).toContain('[redacted]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
