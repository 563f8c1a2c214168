import type { z } from 'zod';

/** One thing wrong in a configuration source, with where it is. */
export interface ConfigProblem {
  readonly source: string;
  readonly path: string;
  readonly message: string;
}

/** Start-up stops with every problem listed, not just the first one. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function formatProblem(problem: ConfigProblem): string {
  return problem.path ? `${problem.source}: ${problem.path}: ${problem.message}` : `${problem.source}: ${problem.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeType(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** zod's issues in words an operator editing a YAML file or an env file understands. */
export function problemsFromZod(source: string, error: z.ZodError, data: unknown): ConfigProblem[] {
  return error.issues.flatMap((issue): ConfigProblem[] => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type': {
        const value = valueAt(data, issue.path);
        const message =
          value === undefined
            ? `missing (expected ${describeType(issue.expected)})`
            : `expected ${describeType(issue.expected)}, got ${describeValue(value)}`;
        return [{ source, path, message }];
      }
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          source,
          path: [...issue.path.map(String), key].join('.'),
          message: 'unknown key (check its spelling, or remove it)',
        }));
      case 'invalid_value':
        return [{ source, path, message: `expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` }];
      default:
        return [{ source, path, message: issue.message }];
    }
  });
}
