/* Narrowing helpers for the JSON the app sends (views, blocks, form fields). */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecord(value: unknown): JsonObject {
  return isRecord(value) ? value : {};
}

export function stringField(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** Form fields arrive as strings: JSON-valued ones ('view', 'blocks', …) are parsed, bad JSON is kept as text. */
export function parseJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Booleans arrive as 'true' / 'false' in forms, as booleans in JSON bodies. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}
