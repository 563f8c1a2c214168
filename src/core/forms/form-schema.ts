import { z } from 'zod';
import type { LocalizedText } from '../i18n/locale';
import type { MessageKey, MessageParams } from '../i18n/translate';
import { isFieldActive } from './conditions';
import { type FieldError, fieldError } from './field-error';
import type { FieldChoice, FormField, FormSpec, FormValue, FormValues } from './form-types';
import { codePointName, forbiddenCharacter } from './plain-text';

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function choiceValues(field: { choices: readonly { value: string }[] }): [string, ...string[]] {
  const values = field.choices.map((choice) => choice.value);
  return values as [string, ...string[]];
}

const SINGLE_LINE = { multiline: false } as const;

/** The first character a free text may not hold, named (`U+001B`), for the error to say which. */
function forbiddenIn(value: FormValue, multiline: boolean): { character?: string } {
  const texts: readonly string[] = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  for (const text of texts) {
    const character = forbiddenCharacter(text, { multiline });
    if (character !== undefined) return { character: codePointName(character) };
  }
  return {};
}

/** One zod schema per field kind; each message is a catalogue key, so errors reach users in their language. */
function fieldSchema(field: FormField): z.ZodType<FormValue> {
  const key = (messageKey: MessageKey) => ({ error: messageKey });
  switch (field.kind) {
    case 'text':
      return z
        .string(key('form.error.notText'))
        .min(field.minLength, key('form.error.tooShort'))
        .max(field.maxLength, key('form.error.tooLong'))
        .refine((text) => forbiddenCharacter(text, field) === undefined, key('form.error.controlCharacters'));
    case 'date':
      return z.string(key('form.error.invalidDate')).refine(isCalendarDate, key('form.error.invalidDate'));
    case 'integer':
      return z
        .number(key('form.error.notWholeNumber'))
        .int(key('form.error.notWholeNumber'))
        .min(field.min, key('form.error.numberOutOfRange'))
        .max(field.max, key('form.error.numberOutOfRange'));
    case 'choice':
      return z.enum(choiceValues(field), key('form.error.notAChoice'));
    case 'multi-choice':
      return z
        .array(z.enum(choiceValues(field), key('form.error.notAChoice')), key('form.error.notAChoice'))
        .min(field.minItems, key('form.error.tooFewItems'))
        .max(field.maxItems, key('form.error.tooManyItems'))
        .refine((items) => new Set(items).size === items.length, key('form.error.duplicateItems'));
    case 'list':
      return z
        .array(
          z
            .string()
            .max(field.itemMaxLength, key('form.error.itemTooLong'))
            .refine((item) => forbiddenCharacter(item, SINGLE_LINE) === undefined, key('form.error.controlCharacters')),
          key('form.error.notText'),
        )
        .max(field.maxItems, key('form.error.tooManyItems'));
    case 'consent':
      return field.required ? z.literal(true, key('form.error.consentRequired')) : z.boolean(key('form.error.notYesNo'));
  }
}

/** The first typed choice that is not in the list, so the message can name it. */
function unknownChoice(choices: readonly { value: string }[], value: FormValue): { value?: string } {
  const typed: readonly string[] = Array.isArray(value) ? value : [String(value)];
  const unknown = typed.find((item) => !choices.some((choice) => choice.value === item));
  return unknown === undefined ? {} : { value: unknown };
}

/**
 * The choices as `id (label)`, the label in the reader's language: what can be typed, and what it
 * means; the id alone when the label says the same.
 */
export function choicesList(choices: readonly FieldChoice[]): LocalizedText {
  const shown = (choice: FieldChoice, locale: keyof LocalizedText) =>
    choice.label[locale].toLowerCase() === choice.value.toLowerCase() ? choice.value : `${choice.value} (${choice.label[locale]})`;
  const inLocale = (locale: keyof LocalizedText) => choices.map((choice) => shown(choice, locale)).join(', ');
  return { fr: inLocale('fr'), en: inLocale('en') };
}

function paramsFor(field: FormField, value: FormValue): MessageParams {
  switch (field.kind) {
    case 'text':
      return { min: field.minLength, max: field.maxLength, ...forbiddenIn(value, field.multiline) };
    case 'integer':
      return { min: field.min, max: field.max };
    case 'choice':
      return { ...unknownChoice(field.choices, value), choices: choicesList(field.choices) };
    case 'multi-choice':
      return {
        ...unknownChoice(field.choices, value),
        min: field.minItems,
        max: field.maxItems,
        choices: choicesList(field.choices),
      };
    case 'list':
      return { max: field.maxItems, itemMax: field.itemMaxLength, ...forbiddenIn(value, false) };
    default:
      return {};
  }
}

function toFieldError(field: FormField, message: string, value: FormValue): FieldError {
  const known = message.startsWith('form.error.') ? (message as MessageKey) : 'form.error.invalid';
  return { field: field.key, key: known, params: paramsFor(field, value) };
}

export type FormValidation = { ok: true; values: FormValues } | { ok: false; errors: FieldError[] };

/** Validates one field alone, as the terminal does when it asks field by field. */
export function validateField(field: FormField, value: FormValue | undefined): FieldError | undefined {
  if (value === undefined) {
    if (!field.required) return undefined;
    return field.kind === 'consent' ? fieldError(field.key, 'form.error.consentRequired') : fieldError(field.key, 'form.error.required');
  }
  const result = fieldSchema(field).safeParse(value);
  return result.success ? undefined : toFieldError(field, result.error.issues[0]?.message ?? '', value);
}

/**
 * The input schema of a form, derived from its fields so that limits are written once:
 * inactive conditional fields are dropped, active required ones must be present.
 */
export function formSchema(form: FormSpec): z.ZodType<FormValues, FormValues> {
  return z
    .custom<FormValues>((input) => typeof input === 'object' && input !== null)
    .transform((input, ctx) => {
      const values: Record<string, FormValue> = {};
      for (const field of form.fields) {
        if (!isFieldActive(field, values)) continue;
        const value = (input as FormValues)[field.key];
        const problem = validateField(field, value);
        if (problem) {
          ctx.addIssue({ code: 'custom', path: [field.key], message: problem.key, params: problem.params });
        } else if (value !== undefined) {
          values[field.key] = value;
        }
      }
      return values;
    });
}

export function validateForm(form: FormSpec, values: FormValues): FormValidation {
  const result = formSchema(form).safeParse(values);
  if (result.success) return { ok: true, values: result.data };
  const errors = result.error.issues.map(
    (issue): FieldError => ({
      field: String(issue.path[0]),
      key: issue.message as MessageKey,
      params: (issue as { params?: MessageParams }).params ?? {},
    }),
  );
  return { ok: false, errors };
}
