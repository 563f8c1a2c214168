import { z } from 'zod';
import { foldForMatching } from '../forms/raw-input';
import { type MatchingInput, type MenteeCandidate, type MentorCandidate, menteeCandidateSchema, mentorCandidateSchema } from './candidates';
import { parseCsv } from './csv';

export type ParsedMatchInput =
  | { readonly ok: true; readonly input: MatchingInput }
  | { readonly ok: false; readonly problems: readonly string[] };

const pairSchema = z.tuple([z.string().min(1), z.string().min(1)]);
const jsonSchema = z.object({
  mentors: z.array(mentorCandidateSchema),
  mentees: z.array(menteeCandidateSchema),
  pins: z.array(pairSchema).default([]),
  forbids: z.array(pairSchema).default([]),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Ids must be unique and everything must name people who exist: a typo should stop the run, not vanish. */
function crossCheck(input: MatchingInput, where: (kind: 'mentor' | 'mentee', index: number) => string): string[] {
  const problems: string[] = [];
  const mentorIds = new Set<string>();
  const menteeIds = new Set<string>();
  input.mentors.forEach((mentor, index) => {
    if (mentorIds.has(mentor.id)) problems.push(`${where('mentor', index)}: the id "${mentor.id}" is used twice`);
    mentorIds.add(mentor.id);
  });
  input.mentees.forEach((mentee, index) => {
    if (menteeIds.has(mentee.id) || mentorIds.has(mentee.id))
      problems.push(`${where('mentee', index)}: the id "${mentee.id}" is used twice`);
    menteeIds.add(mentee.id);
    mentee.excluded.forEach((id, item) => {
      if (!mentorIds.has(id)) problems.push(`${where('mentee', index)}.excluded[${item}]: unknown mentor id "${id}"`);
    });
  });
  for (const [list, pairs] of [
    ['pins', input.pins],
    ['forbids', input.forbids],
  ] as const) {
    pairs.forEach(([mentee, mentor], index) => {
      if (!menteeIds.has(mentee)) problems.push(`${list}[${index}][0]: unknown mentee id "${mentee}"`);
      if (!mentorIds.has(mentor)) problems.push(`${list}[${index}][1]: unknown mentor id "${mentor}"`);
    });
  }
  return problems;
}

/** The JSON input of `mentorat match` (see README), every problem named by its path. */
export function parseMatchJson(text: string): ParsedMatchInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`) };
  const input: MatchingInput = parsed.data;
  const problems = crossCheck(input, (kind, index) => `${kind}s[${index}]`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}

const REQUIRED_COLUMNS = ['id', 'role', 'languages', 'fields', 'affiliation', 'format', 'region'] as const;

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((item) => item.trim().replace(/^'(?=[=+\-@])/, ''))
    .filter(Boolean);

/**
 * The CSV input of `mentorat match`: the columns of `/mentorat-admin inscrits`' export, lists
 * separated by `;`. Withdrawn people are left out; `excluded` may name mentors by id or by name
 * (the form asks for names), and a name that is no enrolled mentor is someone who cannot be
 * proposed anyway.
 */
export function parseMatchCsv(text: string): ParsedMatchInput {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: ['the file is empty'] };
  const columns = header.cells.map((name) => name.trim());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0) return { ok: false, problems: [`line 1: missing column(s) ${missing.join(', ')}`] };
  const problems: string[] = [];
  const mentors: MentorCandidate[] = [];
  const mentorLines: number[] = [];
  const mentees: (MenteeCandidate & { line: number })[] = [];
  // Two mentors may share a name: a mentoré who names it avoids both.
  const names = new Map<string, string[]>();
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      problems.push(`line ${row.line}: ${row.cells.length} cells where the header has ${columns.length}`);
      continue;
    }
    const get = (name: string) => row.cells[columns.indexOf(name)]?.trim() ?? '';
    if (get('status') === 'withdrawn') continue;
    const common = {
      id: get('id'),
      languages: list(get('languages')),
      fields: list(get('fields')),
      affiliation: get('affiliation'),
      format: get('format'),
      region: get('region'),
    };
    const role = get('role');
    const candidate =
      role === 'mentor'
        ? mentorCandidateSchema.safeParse({
            ...common,
            capacity: Number(get('capacity')),
            sector: get('sector'),
            offers: list(get('offers')),
          })
        : role === 'mentee'
          ? menteeCandidateSchema.safeParse({
              ...common,
              wishedSector: get('wishedSector'),
              expectations: list(get('expectations')),
              excluded: list(get('excluded')),
            })
          : undefined;
    if (!candidate) {
      problems.push(`line ${row.line}: role must be mentor or mentee, not "${role}"`);
      continue;
    }
    if (!candidate.success) {
      for (const issue of candidate.error.issues) problems.push(`line ${row.line}: ${pathOf(issue.path)}: ${issue.message}`);
      continue;
    }
    if (role === 'mentor') {
      mentors.push(candidate.data as MentorCandidate);
      mentorLines.push(row.line);
      const name = get('name');
      if (name) names.set(foldForMatching(name), [...(names.get(foldForMatching(name)) ?? []), common.id]);
    } else {
      mentees.push({ ...(candidate.data as MenteeCandidate), line: row.line });
    }
  }
  const mentorIds = new Set(mentors.map((mentor) => mentor.id));
  const resolved = mentees.map(({ line: _line, ...mentee }) => ({
    ...mentee,
    excluded: mentee.excluded.flatMap((entry) => {
      if (mentorIds.has(entry)) return [entry];
      return names.get(foldForMatching(entry)) ?? [];
    }),
  }));
  const input: MatchingInput = { mentors, mentees: resolved, pins: [], forbids: [] };
  problems.push(...crossCheck(input, (kind, index) => `line ${(kind === 'mentor' ? mentorLines[index] : mentees[index]?.line) ?? '?'}`));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}
