import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMatch } from '../../src/cli/match-command';
import { mentee, mentor } from '../core/matching/candidates-fixture';
import { ROOT, runCli } from '../support/child-process';
import { defaultProgramme } from '../support/programme';

const programme = defaultProgramme();
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'mentorat-match-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const target = path.join(folder, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

const people = {
  mentors: [mentor({ id: 'alice', capacity: 1 }), mentor({ id: 'bob', capacity: 1, fields: [], affiliation: 'CNRS', languages: ['fr'] })],
  mentees: [mentee({ id: 'dan' }), mentee({ id: 'erin', languages: ['en'] }), mentee({ id: 'fay', languages: ['de'] })],
};

describe('mentorat match', () => {
  it('prints the pairs, their scores and reasons, the unmatched and why, as JSON', () => {
    const result = runMatch(['--input', file('in.json', people), '--json', '--lang', 'en'], programme);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { pairs: { mentee: string; mentor: string; score: number; reasons: string[] }[] };
    expect(output).toMatchObject({
      pairs: [
        { mentee: 'dan', mentor: 'bob' },
        { mentee: 'erin', mentor: 'alice', reasons: expect.arrayContaining(['language: en']) },
      ],
      unmatched: [{ mentee: 'fay', reasons: ['no shared language with any of the 2 mentors'] }],
      matched: 2,
    });
    expect(output).toHaveProperty(
      'total',
      output.pairs.reduce((sum, pair) => sum + pair.score, 0),
    );
  });

  it('prints a readable summary without --json', () => {
    const result = runMatch(['--input', file('in.json', people)], programme);
    expect(result.stdout).toContain('dan ↔ bob');
    expect(result.stdout).toContain('fay  —  aucune langue en commun avec les 2 mentors');
    expect(result.stdout).toMatch(/matched 2, unmatched 1, total score \d+\n$/);
  });

  it('applies the rule “a way to meet”: a remote-only mentoré is not given an in-person-only mentor, and is told why', () => {
    const input = {
      mentors: [
        mentor({ id: 'alice', format: 'in-person', region: 'bretagne' }),
        mentor({ id: 'bob', format: 'in-person', region: 'corse' }),
      ],
      mentees: [mentee({ id: 'dan', format: 'remote', region: 'bretagne' }), mentee({ id: 'erin', format: 'in-person', region: 'corse' })],
    };
    const output = JSON.parse(runMatch(['--input', file('formats.json', input), '--json', '--lang', 'en'], programme).stdout);
    expect(output).toMatchObject({
      pairs: [{ mentee: 'erin', mentor: 'bob', reasons: expect.arrayContaining(['compatible format']) }],
      unmatched: [{ mentee: 'dan', reasons: ['no way to meet (neither remote nor in person in the same region) with 2 mentors'] }],
    });
  });

  it('refuses bad input naming the path or line, with exit code 2', () => {
    const bad = runMatch(['--input', file('bad.json', { ...people, mentees: [mentee({ excluded: ['ghost'] })] })], programme);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('mentees[0].excluded[0]: unknown mentor id "ghost"');
    const csv = runMatch(
      [
        '--input',
        file('bad.csv', 'id,role,languages,fields,affiliation,format,region,capacity,sector,offers\nalice,mentor,fr,a,X,both,n,0,both,t\n'),
      ],
      programme,
    );
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('line 2: capacity:');
    expect(runMatch(['--json'], programme)).toMatchObject({ code: 2, stderr: expect.stringContaining('--input FILE is required') });
  });

  it('runs as a command (`npx mentorat match`), with the same exit codes', async () => {
    const ok = runCli('mentorat', ['match', '--input', file('in.json', people), '--json'], {});
    expect(await ok.exited).toBe(0);
    expect(JSON.parse(ok.output.stdout)).toHaveProperty('matched', 2);
    const unknown = runCli('mentorat', ['pair'], {});
    expect(await unknown.exited).toBe(2);
    expect(unknown.output.stderr).toContain('unknown command pair');
  });

  it('runs through the package bin that `npx mentorat` starts (src/cli/mentorat-bin.mjs → dist/cli/mentorat.js)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['src/cli/mentorat-bin.mjs', 'match', '--input', file('bin.json', people), '--json'],
      {
        cwd: ROOT,
      },
    );
    expect(JSON.parse(stdout)).toHaveProperty('matched', 2);
  });
});
