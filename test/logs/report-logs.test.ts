import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENTEE_FORM, MENTOR_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';

const TYPED = {
  description: 'Mon mentor annule nos rendez-vous sans prévenir.',
  reply: 'Merci de me le dire, parlons-en jeudi.',
  answer: 'Jeudi me convient très bien.',
  note: 'Appeler Erin avant jeudi.',
  reason: 'Un avis de la coordination serait utile.',
  resolution: 'Nous avons parlé, les rendez-vous reprennent.',
  /** Refused: too short for a description. */
  tooShort: 'Zut ici',
  /** Refused: erin may not write about a report she must not know of. */
  intruder: 'Je sais que tu as signalé quelque chose.',
};

const inline = (values: Readonly<Record<string, string>>) =>
  Object.entries(values)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

/** A report's whole life in the terminal: refused, filed, delivered, taken, answered both ways, noted, escalated, resolved. */
const SCRIPT = [
  '/as erin',
  `/mentorat inscription ${inline({ ...MENTOR_FORM, name: 'Erin Roux', affiliation: 'Inserm Lille', capacity: '1' })}`,
  '/as dan',
  `/mentorat inscription ${inline(MENTEE_FORM)}`,
  '/as coord',
  '/mentorat-admin epingler mentee:@dan mentor:@erin',
  '/mentorat-admin changer-referent mentee:@dan referent:@ref',
  '/mentorat-admin apparier',
  '/mentorat-admin valider',
  '/as dan',
  `/mentorat signaler category:relation description:${TYPED.tooShort} contact:oui`,
  `/mentorat signaler category:relation description:${TYPED.description} contact:oui`,
  '/as erin',
  `/mentorat repondre reference:SIG-0001 message:${TYPED.intruder}`,
  '/as ref',
  '/press take',
  `/mentorat repondre reference:SIG-0001 message:${TYPED.reply}`,
  '/as dan',
  `/press reply message:${TYPED.answer}`,
  '/as ref',
  `/mentorat noter reference:SIG-0001 note:${TYPED.note}`,
  `/mentorat escalader reference:SIG-0001 reason:${TYPED.reason}`,
  '/as coord',
  `/mentorat clore reference:SIG-0001 resolution:${TYPED.resolution}`,
  '/as dan',
  '/mentorat mes-signalements reference:SIG-0001',
].join('\n');

describe('the logs of a report’s whole life, at trace level', () => {
  it('hold what an operator needs (commands, jobs) and none of the words people typed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-report-logs-'));
    const file = path.join(dir, 'bot.log');
    try {
      const { stdout, stderr, exitCode } = await runTerminalChat(`${SCRIPT}\n`, { LOG_LEVEL: 'trace', LOG_FILE: file });
      expect(exitCode).toBe(0);
      // The life really happened: every text reached whom it should.
      expect(stdout).toContain('[DM to ref]');
      for (const text of Object.values(TYPED)) expect(stdout).toContain(text);
      expect(stdout).toContain('au moins 10 caractères');
      expect(stdout).toContain('Aucun signalement SIG-0001 ne vous est accessible.');
      expect(stdout).toContain('Le signalement SIG-0001 est résolu');

      const logs = `${stderr}\n${readFileSync(file, 'utf8')}`;
      expect(logs).toContain('"commandId":"mentorat.report"');
      expect(logs).toContain('"kind":"report.dm"');
      expect(logs).toContain('"kind":"report.post"');
      for (const text of Object.values(TYPED)) {
        expect(logs).not.toContain(text);
        // Not even a piece of it, cut or escaped differently.
        expect(logs).not.toContain(text.slice(0, 15));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
