import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';

const inline = (form: Readonly<Record<string, string>>) =>
  Object.entries(form)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

describe('stats in the terminal chat', () => {
  it('shows the current cycle in figures to a coordinator, names the known cycles for an unknown one, and refuses others', async () => {
    const files = mkdtempSync(path.join(os.tmpdir(), 'mentorat-stats-files-'));
    onTestFinished(() => rmSync(files, { recursive: true, force: true }));
    const { stdout, exitCode } = await runTerminalChat(
      [
        '/as alice',
        `/mentorat inscription ${inline(MENTOR_FORM)}`,
        '/as dan',
        `/mentorat inscription ${inline(MENTEE_FORM)}`,
        '/mentorat-admin stats',
        '/as coord',
        '/mentorat-admin apparier',
        '/mentorat-admin valider',
        '/mentorat-admin stats',
        '/mentorat-admin stats cycle:1999-2000',
        '/mentorat avis',
        '',
      ].join('\n'),
      { TERMINAL_FILES_DIR: files },
    );
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/Statistiques du cycle \d{4}-\d{4}\*?\*? \(inscriptions ouvertes\)/);
    expect(stdout).toContain('Inscrit·es actifs aujourd’hui : 1 mentor et 1 mentoré·e');
    expect(stdout).toContain('Binômes : 1 en cours, 0 terminé');
    expect(stdout).toContain('Sans binôme : 0 mentoré·e, dont 0 sur la liste d’attente');
    expect(stdout).toContain('Points d’étape : 0 répondu sur 0 posé (0 %)');
    expect(stdout).toContain('Avis : moins de 3 réponses, non montrés');
    expect(stdout).toMatch(/Aucun cycle ne s’appelle « 1999-2000 »\. Cycles connus : \d{4}-\d{4}\./);
    expect(stdout).toContain('Aucun avis à donner en ce moment');
    // The chart cannot be shown in a terminal: it is saved, and its place printed under the figures.
    const saved = /\(image (stats-[\w-]+\.png), 800 × 600 px, \d+ ko, enregistrée dans ([^)]+)\)/.exec(stdout);
    expect(saved?.[1]).toMatch(/^stats-\d{4}-\d{4}\.png$/);
    const png = PNG.sync.read(readFileSync(saved?.[2] ?? ''));
    expect([png.width, png.height]).toEqual([800, 600]);
    // Dan is no coordinator: one answer of statistics only, the coordinator's.
    expect(stdout.match(/Statistiques du cycle/g)).toHaveLength(1);
  });
});
