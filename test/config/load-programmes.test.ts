import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, formatProblem } from '../../src/config/config-problems';
import { loadProgrammes } from '../../src/config/load-programmes';
import { programmeText } from '../../src/core/programme/content';
import { CONFIG_DIR } from '../support/programme';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'mentorat-config-'));
  cpSync(path.join(CONFIG_DIR, 'programme.yaml'), path.join(dir, 'programme.yaml'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function editProgramme(edit: (text: string) => string): void {
  const file = path.join(dir, 'programme.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((problem) => formatProblem({ ...problem, source: path.basename(problem.source) }));
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('programme configuration', () => {
  it('accepts the shipped programme', () => {
    const programme = loadProgrammes(CONFIG_DIR).programmeFor({ platform: 'discord', id: '1' });
    expect(programme.pillars).toHaveLength(4);
    expect(programme.eligibility).toEqual({ maxAge: 35, maxYearsAfterPhd: 5, doctoralStudentsEligible: true });
  });

  it('names the file, the path and the problem of a wrong type', () => {
    editProgramme((text) => text.replace('maxAge: 35', 'maxAge: trente-cinq'));
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'programme.yaml: eligibility.maxAge: expected a number, got string "trente-cinq"',
    ]);
  });

  it('requires a way to meet unless told otherwise, and names matching.requireWayToMeet when its value is wrong', () => {
    editProgramme((text) => text.replace(/\n {2}requireWayToMeet: true\n/, '\n'));
    expect(loadProgrammes(dir).programmeFor({ platform: 'terminal', id: 'local' }).matching.requireWayToMeet).toBe(true);
    editProgramme((text) =>
      text.replace('  forbidSameAffiliation: true\n', '  forbidSameAffiliation: true\n  requireWayToMeet: sometimes\n'),
    );
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'programme.yaml: matching.requireWayToMeet: expected a boolean, got string "sometimes"',
    ]);
  });

  it('lists every problem at once, not only the first', () => {
    editProgramme((text) =>
      text
        .replace('maxAge: 35', 'maxAge: "35"')
        .replace('defaultLocale: fr', 'defaultLocale: de')
        .replace('  - id: partage-experience', '  - id: Partage Experience')
        .replace('timeZone: Europe/Paris', 'timeZone: Europe/Lutece'),
    );
    const problems = problemsOf(() => loadProgrammes(dir));
    expect(problems).toEqual(
      expect.arrayContaining([
        'programme.yaml: eligibility.maxAge: expected a number, got string "35"',
        'programme.yaml: defaultLocale: expected one of: "fr", "en"',
        expect.stringMatching(/^programme\.yaml: pillars\.0\.id: expected an identifier/),
        expect.stringMatching(/^programme\.yaml: timeZone: expected an IANA time zone/),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('reports a missing text and an unknown key by path', () => {
    editProgramme((text) =>
      text
        .replace(/^ {2}reporting:\n(?: {4}.*\n| {6}.*\n|\n)*/m, '')
        .replace('timeZone: Europe/Paris', 'timeZone: Europe/Paris\nmaxAge: 35'),
    );
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'programme.yaml: texts.reporting: missing (expected an object)',
      'programme.yaml: maxAge: unknown key (check its spelling, or remove it)',
    ]);
  });

  it('refuses a choice list longer than a Discord select menu', () => {
    const regions = Array.from(
      { length: 26 },
      (_, index) => `    - id: region-${index}\n      label: { fr: Région ${index}, en: Region ${index} }`,
    ).join('\n');
    editProgramme((text) => text.replace(/^ {2}regions:\n(?: {4}.*\n)*/m, `  regions:\n${regions}\n`));
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'programme.yaml: lists.regions: expected at most 25 entries (a Discord select menu holds 25)',
    ]);
  });

  it('refuses duplicate choice ids and capacity bounds out of order', () => {
    editProgramme((text) => text.replace('id: ile-de-france', 'id: bretagne').replace(/default: 1\b/, 'default: 7'));
    const problems = problemsOf(() => loadProgrammes(dir));
    expect(problems).toContain('programme.yaml: capacity: expected min ≤ default ≤ max');
    expect(problems.some((problem) => /^programme\.yaml: lists\.regions\.\d+\.id: duplicate id "bretagne"$/.test(problem))).toBe(true);
  });

  it('refuses a placeholder it cannot fill, and fills the ones it knows from the rules', () => {
    editProgramme((text) => text.replace('moins de {maxAge} ans ou', 'moins de {ageMax} ans ou'));
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'programme.yaml: texts.howToEnrol.fr: unknown placeholder {ageMax}; known: {maxAge}, {maxYearsAfterPhd}, {capacityMin}, {capacityMax}',
    ]);
    const programme = loadProgrammes(CONFIG_DIR).programmeFor({ platform: 'terminal', id: 'local' });
    const changed = { ...programme, eligibility: { ...programme.eligibility, maxAge: 40 } };
    expect(programmeText(changed.texts.howToEnrol, changed, 'fr')).toContain('moins de 40 ans');
  });

  it('reports YAML syntax errors with their line', () => {
    editProgramme((text) => text.replace('name:\n  fr: Mentorat CJSM', 'name:\n  fr: [Mentorat CJSM'));
    const problems = problemsOf(() => loadProgrammes(dir));
    expect(problems[0]).toMatch(/^programme\.yaml:\d+:\d+: /);
  });

  it('says so when programme.yaml is missing', () => {
    rmSync(path.join(dir, 'programme.yaml'));
    expect(problemsOf(() => loadProgrammes(dir))).toEqual(['programme.yaml: cannot be read (ENOENT)']);
  });
});

describe('community overrides', () => {
  function writeCommunity(file: string, text: string): void {
    mkdirSync(path.join(dir, 'communities'), { recursive: true });
    writeFileSync(path.join(dir, 'communities', file), text);
  }

  it('gives each community its own programme, merged over the shared one', () => {
    writeCommunity('slack-T0123.yaml', 'eligibility:\n  maxAge: 40\naccess:\n  coordinators:\n    users: [U999]\n');
    const programmes = loadProgrammes(dir);
    const slack = programmes.programmeFor({ platform: 'slack', id: 'T0123' });
    const other = programmes.programmeFor({ platform: 'slack', id: 'T9999' });
    expect(slack.eligibility.maxAge).toBe(40);
    expect(slack.eligibility.maxYearsAfterPhd).toBe(5);
    expect(slack.access.coordinators.users).toEqual(['U999']);
    expect(slack.pillars).toEqual(other.pillars);
    expect(other.eligibility.maxAge).toBe(35);
  });

  it('blames the community file for a problem it introduced', () => {
    writeCommunity('discord-42.yaml', 'capacity:\n  max: many\n');
    expect(problemsOf(() => loadProgrammes(dir))).toEqual(['discord-42.yaml: capacity.max: expected a number, got string "many"']);
  });

  it('reports a problem of the shared file once, not again through each community', () => {
    writeCommunity('discord-42.yaml', 'eligibility:\n  maxYearsAfterPhd: 6\n');
    editProgramme((text) => text.replace('maxAge: 35', 'maxAge: old'));
    expect(problemsOf(() => loadProgrammes(dir))).toEqual(['programme.yaml: eligibility.maxAge: expected a number, got string "old"']);
  });

  it('refuses a community file whose name does not say which community it is', () => {
    writeCommunity('cjsm.yaml', 'eligibility:\n  maxAge: 40\n');
    expect(problemsOf(() => loadProgrammes(dir))).toEqual([
      'cjsm.yaml: the file name must be <platform>-<community id>.yaml, platform one of terminal, discord, slack',
    ]);
  });
});
