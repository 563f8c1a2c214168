import { isFieldActive } from './conditions';
import type { FieldChoice, FormField, FormSpec, FormValue, FormValues, RawFormValue, RawFormValues } from './form-types';

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', '1', 'accepte', 'accept', "j'accepte", 'i accept']);
const NO = new Set(['non', 'n', 'no', 'false', '0', 'refuse', 'decline']);

/**
 * Case-, accent- and inclusive-writing-insensitive form, for choices typed by label:
 * "Protéomique" = "proteomique", "Mentoré·e" = "mentoree".
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[·•]/g, '')
    .toLowerCase()
    .trim();
}

/**
 * A choice typed as its id, its number in the list, its label in either language, or the
 * start of exactly one label ("mentoré" for "Mentoré·e").
 */
export function matchChoice(choices: readonly FieldChoice[], typed: string): string | undefined {
  const wanted = foldForMatching(typed);
  if (wanted === '') return undefined;
  const byValue = choices.find((choice) => choice.value === wanted);
  if (byValue) return byValue.value;
  if (/^\d+$/.test(wanted)) return choices[Number(wanted) - 1]?.value;
  const labels = (choice: FieldChoice) => [foldForMatching(choice.label.fr), foldForMatching(choice.label.en)];
  const exact = choices.find((choice) => labels(choice).includes(wanted));
  if (exact) return exact.value;
  const starting = choices.filter((choice) => labels(choice).some((label) => label.startsWith(wanted)));
  return wanted.length >= 3 && starting.length === 1 ? starting[0]?.value : undefined;
}

/**
 * Choices are separated by `;` or new lines; commas separate too ("fr, en"), except inside a
 * label that has one ("Carrière académique (concours, postes permanents)").
 */
export function splitChoices(choices: readonly FieldChoice[], text: string): string[] {
  return splitItems(text).flatMap((item) => {
    const whole = matchChoice(choices, item);
    if (whole) return [whole];
    const parts = item
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    return parts.map((part) => matchChoice(choices, part) ?? part);
  });
}

export function splitItems(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Accepts ISO (2024-03-01) and French (01/03/2024) dates; anything else is returned as typed, for the schema to refuse. */
export function normalizeDate(typed: string): string {
  const text = typed.trim();
  const french = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (french) {
    const [, day = '', month = '', year = ''] = french;
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  return text;
}

function parseText(field: FormField, raw: string): FormValue | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (field.kind) {
    case 'text':
      return text;
    case 'date':
      return normalizeDate(text);
    case 'integer':
      return /^[+-]?\d+$/.test(text) ? Number(text) : text;
    case 'choice':
      return matchChoice(field.choices, text) ?? text;
    case 'multi-choice':
      return splitChoices(field.choices, text);
    case 'list':
      return splitItems(text);
    case 'consent': {
      const folded = foldForMatching(text);
      if (YES.has(folded)) return true;
      if (NO.has(folded)) return false;
      return text;
    }
  }
}

/** Turns what a platform collected into typed values; unparseable input is kept so the schema names the problem. */
export function parseRawValue(field: FormField, raw: RawFormValue | undefined): FormValue | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string') return parseText(field, raw);
  const items = raw.map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  if (field.kind === 'multi-choice') return items.map((item) => matchChoice(field.choices, item) ?? item);
  if (field.kind === 'list') return items;
  return parseText(field, items.join(';'));
}

export function parseRawValues(form: FormSpec, raw: RawFormValues): FormValues {
  const values: Record<string, FormValue | undefined> = {};
  for (const field of form.fields) {
    const value = parseRawValue(field, raw[field.key]);
    if (value !== undefined) values[field.key] = value;
  }
  for (const field of form.fields) {
    if (!isFieldActive(field, values)) delete values[field.key];
  }
  return values;
}
