import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MENTEE_FORM } from '../scenarios/participant-journey';
import { runTerminalChat } from '../scenarios/terminal-driver';
import { runBot, until } from '../support/child-process';

const ROOT = path.resolve(import.meta.dirname, '../..');

function script(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

describe.concurrent('the terminal chat', () => {
  it('asks a form field by field when no value is given inline, then stores it', async () => {
    const answers = [
      'mentee', // role
      'Dan Leroy', // name
      'Université de Lille', // affiliation
      '2', // wishedSector: the second choice
      'in-progress', // phdStatus
      'Lipidomique', // fields, by label
      'fr', // languages
      'remote', // format
      'hauts-de-france', // region
      'secteur-prive;cv-entretiens', // expectations
      '', // excluded: optional, skipped
      '', // about: optional, skipped
      '', // pairAgain: optional, skipped
      'oui', // consentPillars
      'oui', // consentData
    ];
    const { stdout, exitCode } = await runTerminalChat(script('/as dan', '/mentorat inscription', ...answers, '/mentorat profil'));
    expect(exitCode).toBe(0);
    expect(stdout).toContain('[form to dan]');
    expect(stdout).toContain('• Rôle dans le programme [role] — obligatoire');
    expect(stdout).toContain('  wishedSector> 2');
    expect(stdout).toContain('choix : 1. academic (Académique) · 2. private (Privé) · 3. any (Peu importe)');
    expect(stdout).not.toContain('[sector]');
    expect(stdout).not.toContain('[birthDate]');
    expect(stdout).toContain('Merci, votre inscription comme mentoré·e est enregistrée !');
    expect(stdout).toContain('- Secteur qui vous intéresse : Privé');
    expect(stdout).toContain("- Domaines d'expertise ou d'intérêt : Lipidomique");
  });

  it('asks again, with the reason, when an answer is wrong', async () => {
    const { stdout } = await runTerminalChat(
      script('/lang en', '/mentorat inscription role:mentor name:Alice', 'X', 'Institut Pasteur', '/cancel'),
    );
    expect(stdout).toContain(
      '  affiliation> X\n    ✗ "Lab, company or organisation" (affiliation): at least 2 characters.\n  affiliation> Institut Pasteur',
    );
    expect(stdout).toContain('Form cancelled: nothing was saved.');
  });

  it('offers the answers of a refused form again, so only the wrong ones need retyping', async () => {
    const refused =
      '/mentorat inscription role:mentor name:A affiliation:Institut Pasteur sector:both fields:1 languages:fr format:remote region:bretagne offers:1 capacity:9 consentPillars:oui consentData:oui';
    const keepAllBut = (changes: Record<number, string>) => Array.from({ length: 15 }, (_, index) => changes[index] ?? '');
    const { stdout } = await runTerminalChat(
      script(refused, '/mentorat inscription', ...keepAllBut({ 1: 'Alice Martin', 10: '2' }), '/mentorat profil'),
    );
    expect(stdout).toContain('Pour corriger, retapez la commande seule, sans valeurs : vos réponses vous seront reproposées une à une.');
    expect(stdout).toContain('  affiliation> \n');
    expect(stdout).toContain('    actuel : oui\n  consentData> ');
    expect(stdout).toContain('- Nom et prénom : Alice Martin\n  - Laboratoire, entreprise ou structure : Institut Pasteur');
    expect(stdout).toContain('- Mentoré·es que vous pouvez suivre : 2');
    expect(stdout).not.toContain('suivre ? :');
  });

  it('only asks what is missing from a one-line form', async () => {
    const { role: _role, phdStatus: _phd, ...rest } = MENTEE_FORM;
    const inline = Object.entries(rest)
      .map(([key, value]) => `${key}:${value}`)
      .join(' ');
    const { stdout } = await runTerminalChat(script(`/mentorat inscription ${inline}`, 'mentee', 'in-progress', '/mentorat profil'));
    const asked = [...stdout.matchAll(/^ {2}(\w+)> /gm)].map((match) => match[1]);
    expect(asked).toEqual(['role', 'phdStatus']);
    expect(stdout).toContain('- Personnes à ne pas vous proposer : Pr Durand ; Dr Petit');
  });

  it('shows what people typed as typed, never as markup', async () => {
    const { stdout } = await runTerminalChat(
      script(
        '/mentorat inscription role:mentee name:**Bob** `x` affiliation:[clic](https://evil.example) wishedSector:any phdStatus:in-progress fields:1 languages:fr format:remote region:bretagne expectations:1 consentPillars:oui consentData:oui',
        '/as coord',
        '/mentorat-admin inscrits',
      ),
    );
    expect(stdout).toContain('- Nom et prénom : **Bob** `x`');
    expect(stdout).toContain('- Laboratoire, entreprise ou structure : [clic](https://evil.example)');
    expect(stdout).toContain('- **Bob** `x` (Mentoré·e) — [clic](https://evil.example)');
  });

  it('stores nothing when the input ends in the middle of a form', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-abandon-'));
    const env = { STORE_URL: `sqlite://${path.join(dir, 'kept.sqlite')}` };
    try {
      const first = await runTerminalChat(script('/mentorat inscription role:mentor', 'Alice Martin'), env);
      expect(first.exitCode).toBe(0);
      expect(first.stdout).toContain("Formulaire abandonné : rien n'a été enregistré.");
      const { stdout } = await runTerminalChat(script('/mentorat profil'), env);
      expect(stdout).toContain("Vous n'êtes pas inscrit·e au programme.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('abandons a form when a command is typed instead of an answer, then runs the command', async () => {
    const { stdout } = await runTerminalChat(script('/mentorat inscription', '/mentorat profil'));
    expect(stdout).toMatch(
      / {2}role> \/mentorat profil\n\[ephemeral to alice\]\n {2}Formulaire abandonné[^\n]*\nalice> \/mentorat profil\n\[ephemeral to alice\]\n {2}Vous n'êtes pas inscrit·e/,
    );
  });

  it('keeps each person apart: /as switches who types, /lang only changes that person', async () => {
    const { stdout } = await runTerminalChat(
      script('/lang en', '/as coord', '/mentorat-admin inscrits', '/as alice', '/mentorat-admin inscrits'),
    );
    expect(stdout).toContain('[ephemeral to coord]\n  Vous êtes maintenant coord (Coordination).');
    expect(stdout).toContain('[ephemeral to coord]\n  Inscriptions actives — mentors : 0');
    expect(stdout).toContain('[ephemeral to alice]\n  This command is for the programme coordinators.');
  });

  it('lists the commands of the current person and details a form with its keys, limits and choices', async () => {
    const { stdout } = await runTerminalChat(script('/help', '/help inscription', '/as coord', '/help', '/help nimportequoi'));
    const [alice = '', coord = ''] = stdout.split('coord> /help\n');
    expect(alice).toContain("- /mentorat inscription — S'inscrire comme mentor ou mentoré·e");
    expect(alice).not.toContain('/mentorat-admin inscrits');
    expect(alice).toContain('- capacity — Combien de mentoré·es pouvez-vous suivre ? — obligatoire si role = mentor — nombre de 1 à 3');
    expect(alice).toContain('- name — Nom et prénom — obligatoire — 2 à 80 caractères');
    expect(alice).toContain(
      '- format — Format des rencontres — obligatoire — un choix parmi : remote (À distance), in-person (En présentiel), both (Les deux)',
    );
    expect(coord).toContain('- /mentorat-admin inscrits — Les inscrit·es, par rôle, avec un export CSV');
    expect(coord).toContain('Je ne connais pas « nimportequoi ».');
  });

  it('forgets the buttons of a question once it is answered, as a platform replaces the message', async () => {
    const { stdout } = await runTerminalChat(
      script(
        '/mentorat inscription role:mentee name:Dan Leroy affiliation:Lille wishedSector:any phdStatus:in-progress fields:1 languages:fr format:remote region:bretagne expectations:1 consentPillars:oui consentData:oui',
        '/mentorat quitter',
        '/press confirm',
        '/press cancel',
      ),
    );
    expect(stdout).toContain('alice> /press confirm\n[ephemeral to alice]\n  Vous vous êtes retiré·e du programme.');
    expect(stdout).toContain("alice> /press cancel\n[ephemeral to alice]\n  Aucun bouton n'est affiché pour alice.");
  });

  it('reads option values typed by label, and shows the admin help for /mentorat-admin alone', async () => {
    const { stdout } = await runTerminalChat(script('/mentorat interets mentoré', '/as coord', '/mentorat-admin', '/as bob smith'));
    expect(stdout).toContain('Ce que le mentorat apporte aux mentoré·es');
    expect(stdout).not.toContain('Ce que le mentorat apporte aux mentors');
    expect(stdout).toMatch(/coord> \/mentorat-admin\n\[ephemeral to coord\]\n {2}Commandes disponibles\n[^[]*\/mentorat-admin inscrits/);
    expect(stdout.match(/Commandes disponibles/g)).toHaveLength(1);
    expect(stdout).toContain('coord> /as bob smith\n[ephemeral to coord]\n  Usage : /as <nom>');
  });

  it('answers unknown commands and plain text with a pointer to the help', async () => {
    const { stdout } = await runTerminalChat(script('/mentorat dance', 'bonjour', '/press confirm'));
    expect(stdout).toContain('Je ne connais pas cette commande.');
    expect(stdout).toContain('Tapez une commande qui commence par /');
    expect(stdout).toContain("Aucun bouton n'est affiché pour alice.");
  });

  it('refuses an option value it does not know, naming the accepted ones', async () => {
    const { stdout } = await runTerminalChat(script('/mentorat interets role:director', '/mentorat interets mentor'));
    expect(stdout).toContain("L'option « role » n'accepte que : mentor, mentee (Mentoré·e).");
    expect(stdout).toContain('Ce que le mentorat apporte aux mentors');
  });

  it('keeps enrolments in the SQLite file across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-restart-'));
    const env = { STORE_URL: `sqlite://${path.join(dir, 'kept.sqlite')}` };
    try {
      await runTerminalChat(
        script(
          '/mentorat inscription role:mentee name:Dan Leroy affiliation:Lille wishedSector:any phdStatus:in-progress fields:1 languages:fr format:remote region:bretagne expectations:1 consentPillars:oui consentData:oui',
        ),
        env,
      );
      const { stdout } = await runTerminalChat(script('/mentorat profil'), env);
      expect(stdout).toContain('- Nom et prénom : Dan Leroy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('decides eligibility on the date MENTORAT_NOW sets: refused on the 35th birthday, accepted the day before', async () => {
    const enrol = (name: string) =>
      `/mentorat inscription role:mentee name:${name} affiliation:Lille wishedSector:any phdStatus:none birthDate:25/11/1991 fields:1 languages:fr format:remote region:bretagne expectations:1 consentPillars:oui consentData:oui`;
    const birthday = await runTerminalChat(script(enrol('Zoé Fabre'), '/mentorat profil'), { MENTORAT_NOW: '2026-11-25T09:00:00+01:00' });
    expect(birthday.stdout).toContain("Inscription non enregistrée : vous n'êtes pas éligible comme mentoré·e");
    expect(birthday.stdout).toContain('« Date de naissance » (birthDate) : le programme accompagne les mentoré·es de moins de 35 ans');
    expect(birthday.stdout).toContain("Vous n'êtes pas inscrit·e au programme.");
    const dayBefore = await runTerminalChat(script(enrol('Zoé Fabre'), '/mentorat profil'), { MENTORAT_NOW: '2026-11-24T23:30:00+01:00' });
    expect(dayBefore.stdout).toContain('Merci, votre inscription comme mentoré·e est enregistrée !');
    expect(dayBefore.stdout).toContain('Statut : active (mise à jour le 24 novembre 2026)');
  });

  it('stops cleanly on SIGTERM', async () => {
    const bot = runBot({ STORE_URL: 'memory://' });
    bot.child.stdin.write('/mentorat piliers\n');
    await until(() => bot.output.stdout.includes('Les 4 piliers'), 'the answer to /mentorat piliers');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('says why it cannot open its store', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-badstore-'));
    try {
      const { stderr, exitCode } = await runTerminalChat('', { STORE_URL: `sqlite://${dir}` });
      expect(exitCode).toBe(1);
      expect(stderr).toMatch(/^The bot stopped: store unavailable during open \([^)]*\)\n {2}because: .*SQLITE_CANTOPEN/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a broken configuration, listing every problem', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-badconfig-'));
    try {
      writeFileSync(path.join(dir, 'programme.yaml'), 'name: { fr: X, en: X }\neligibility:\n  maxAge: old\n');
      const { stderr, exitCode, stdout } = await runTerminalChat('', { CONFIG_DIR: dir });
      expect(exitCode).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('The bot cannot start, the configuration has');
      expect(stderr).toMatch(/programme\.yaml: eligibility\.maxAge: expected a number, got string "old"/);
      expect(stderr).toMatch(/programme\.yaml: texts: missing \(expected an object\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm start', () => {
  it('runs a piped script and exits at the end of input, as the README says', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-npm-'));
    try {
      const { stdout } = await promisify(execFile)('sh', ['-c', 'printf "/lang en\\n/mentorat\\n" | npm start --silent'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', STORE_URL: `sqlite://${path.join(dir, 'npm.sqlite')}` },
      });
      expect(stdout).toContain('alice> /mentorat\n[ephemeral to alice]\n  CJSM Mentoring');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
