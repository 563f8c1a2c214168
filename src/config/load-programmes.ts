import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { type CommunityRef, PLATFORMS, type Platform } from '../core/identity';
import type { ProgrammeDirectory } from '../core/programme/programme-directory';
import { type Programme, programmeSchema } from '../core/programme/programme-schema';
import { ConfigError, type ConfigProblem, problemsFromZod } from './config-problems';

export const PROGRAMME_FILE = 'programme.yaml';
export const COMMUNITIES_DIR = 'communities';

type Source = { readonly name: string; readonly data: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Mappings merge key by key; lists and values replace (a community that lists regions lists all of them). */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function readYaml(file: string, name: string, problems: ConfigProblem[]): Source | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ source: name, path: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const where = error.linePos?.[0];
      problems.push({
        source: where ? `${name}:${where.line}:${where.col}` : name,
        path: '',
        message: error.message.split('\n')[0] ?? 'invalid YAML',
      });
    }
    return undefined;
  }
  return { name, data: document.toJS() ?? {} };
}

/** Says which file a problem comes from: the community file when it sets that path, else the shared one. */
function blame(path: string, base: Source, override: Source): string {
  let current: unknown = override.data;
  for (const key of path.split('.')) {
    if (!isRecord(current) && !Array.isArray(current)) return base.name;
    current = (current as Record<string, unknown>)[key];
    if (current === undefined) return base.name;
  }
  return override.name;
}

function communityKey(community: CommunityRef): string {
  return `${community.platform}-${community.id}`;
}

function parseCommunityFileName(file: string): CommunityRef | undefined {
  const match = /^([a-z]+)-(.+)\.ya?ml$/.exec(file);
  const platform = PLATFORMS.find((candidate) => candidate === match?.[1]);
  return platform && match?.[2] ? { platform: platform as Platform, id: match[2] } : undefined;
}

/**
 * Reads `programme.yaml` and every `communities/<platform>-<id>.yaml` (merged over it) once,
 * at start-up; any problem in any file stops start-up with all of them listed.
 */
export function loadProgrammes(configDir: string): ProgrammeDirectory {
  const problems: ConfigProblem[] = [];
  const display = (file: string) => path.relative(process.cwd(), file) || file;
  const baseFile = path.join(configDir, PROGRAMME_FILE);
  const base = readYaml(baseFile, display(baseFile), problems);

  let defaultProgramme: Programme | undefined;
  if (base) {
    const parsed = programmeSchema.safeParse(base.data);
    if (parsed.success) defaultProgramme = parsed.data;
    else problems.push(...problemsFromZod(base.name, parsed.error, base.data));
  }

  const overrides = new Map<string, Programme>();
  const communitiesDir = path.join(configDir, COMMUNITIES_DIR);
  const files = existsSync(communitiesDir)
    ? readdirSync(communitiesDir)
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
    : [];
  for (const file of files) {
    const name = display(path.join(communitiesDir, file));
    const community = parseCommunityFileName(file);
    if (!community) {
      problems.push({
        source: name,
        path: '',
        message: `the file name must be <platform>-<community id>.yaml, platform one of ${PLATFORMS.join(', ')}`,
      });
      continue;
    }
    const override = readYaml(path.join(communitiesDir, file), name, problems);
    // A broken shared file would be reported again through every community merged over it.
    if (!override || !base || !defaultProgramme) continue;
    const merged = deepMerge(base.data, override.data);
    const parsed = programmeSchema.safeParse(merged);
    if (parsed.success) {
      overrides.set(communityKey(community), parsed.data);
      continue;
    }
    for (const problem of problemsFromZod(name, parsed.error, merged)) {
      problems.push({ ...problem, source: blame(problem.path, base, override) });
    }
  }

  if (problems.length > 0 || !defaultProgramme) throw new ConfigError(problems);
  const fallback = defaultProgramme;
  return { programmeFor: (community) => overrides.get(communityKey(community)) ?? fallback };
}
