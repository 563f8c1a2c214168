import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCorePorts } from '../../../src/app/app-ports';
import { createDispatcher } from '../../../src/dispatch/dispatcher';
import { systemClock } from '../../../src/infra/clock';
import { createLineSource } from '../../../src/platforms/terminal/line-source';
import { runTerminalChat } from '../../../src/platforms/terminal/terminal-chat';
import { createTerminalFiles } from '../../../src/platforms/terminal/terminal-files';
import { createTerminalPlatform } from '../../../src/platforms/terminal/terminal-platform';
import { createTerminalSession } from '../../../src/platforms/terminal/terminal-session';
import { createTranscript } from '../../../src/platforms/terminal/transcript';
import { openMemoryStore } from '../../../src/store/memory-store';
import { chartCommand } from '../../support/chart-command';
import { defaultProgramme } from '../../support/programme';
import { createRecordingLog } from '../../support/recording-log';
import { pixelsOf, tinyPng } from '../../support/tiny-png';

const COMMUNITY = { platform: 'terminal', id: 'local' } as const;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function printing() {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  return { transcript: createTranscript(output, false), output, printed: () => printed };
}

describe('files the terminal cannot show', () => {
  it('saves a PNG sent by DM in the files folder, byte for byte, and prints its name, size and place instead', async () => {
    const { transcript, printed } = printing();
    const platform = createTerminalPlatform(transcript, async () => true, openMemoryStore(), undefined, createTerminalFiles(dir));
    const png = tinyPng();
    const attachment = { name: 'stats.png', mimeType: 'image/png', content: new Uint8Array(png), image: { width: 5, height: 3 } };
    expect(await platform.sendDirectMessage(COMMUNITY, 'bob', { text: 'Voici le graphique.', attachments: [attachment] })).toEqual({
      ok: true,
    });
    const saved = path.join(dir, 'stats.png');
    expect(readFileSync(saved).equals(png)).toBe(true);
    expect(printed()).toBe(`[DM to bob]\n  Voici le graphique.\n  (image stats.png, 5 × 3 px, 1 ko, enregistrée dans ${saved})\n`);
  });

  it('keeps a file inside its folder whatever its name, and prints a text file as before, saving nothing', async () => {
    const { transcript, printed } = printing();
    const platform = createTerminalPlatform(transcript, async () => true, openMemoryStore(), undefined, createTerminalFiles(dir));
    const bytes = new Uint8Array(tinyPng());
    await platform.sendDirectMessage(COMMUNITY, 'bob', {
      text: 'Fichiers',
      attachments: [
        { name: '../../dehors.bin', mimeType: 'application/octet-stream', content: bytes },
        { name: 'inscrits.csv', mimeType: 'text/csv', content: 'nom\nAlice\n' },
      ],
    });
    expect(readdirSync(dir)).toEqual(['dehors.bin']);
    expect(existsSync(path.join(dir, '..', 'dehors.bin'))).toBe(false);
    expect(printed()).toContain(`(fichier dehors.bin, 1 ko, enregistré dans ${path.join(dir, 'dehors.bin')})\n  (inscrits.csv)\n`);
  });

  it('answers a command with the real chart: saved as stats-2026-2027.png, an 800 × 600 PNG, its place printed in the answer', async () => {
    const { transcript, output, printed } = printing();
    const store = openMemoryStore();
    const programme = defaultProgramme();
    const platform = createTerminalPlatform(transcript, async () => true, store);
    const dispatcher = createDispatcher({
      commands: [chartCommand],
      programmes: { programmeFor: () => programme },
      ports: createCorePorts(store, platform, systemClock),
      log: createRecordingLog(),
    });
    await runTerminalChat({
      dispatcher,
      community: COMMUNITY,
      session: createTerminalSession('alice', []),
      lines: createLineSource(Readable.from(['/mentorat graphique\n']), output, false),
      transcript,
      files: createTerminalFiles(dir),
      defaultCommandId: chartCommand.id,
    });
    await store.close();
    const saved = path.join(dir, 'stats-2026-2027.png');
    const image = pixelsOf(readFileSync(saved));
    expect([image.width, image.height]).toEqual([800, 600]);
    const kilobytes = Math.round(readFileSync(saved).length / 1024);
    expect(printed()).toContain(
      `[ephemeral to alice]\n  Statistiques du cycle\n[file stats-2026-2027.png to alice]\n  (image stats-2026-2027.png, 800 × 600 px, ${kilobytes} ko, enregistrée dans ${saved})\n`,
    );
  });
});
